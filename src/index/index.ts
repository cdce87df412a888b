// Public surface of the vector index layer.
export type { SearchHit, SearchOptions, VectorIndex } from './vector-index.js';
export { DEFAULT_HNSW, HnswVectorIndex, type HnswParams } from './hnsw-index.js';
export { FlatVectorIndex } from './flat-index.js';
export { FacetIndex, type EntityAttributes } from './facet-index.js';
export { loadSnapshot, saveSnapshot, type LoadedSnapshot, type SnapshotManifest } from './snapshot.js';
