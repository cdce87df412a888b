// Public surface of the index lifecycle: the in-memory indexes (IndexStore), the change-log
// follower that keeps them in step with the database, and reading an entity's vectors.
import path from 'node:path';

export { ChangeLogFollower, type FollowerOptions, type IndexSource } from './change-log-follower.js';
export { attributesOf, IndexStore, type Collections, type IndexReader, type SnapshotExpectation } from './index-store.js';
export { defined, storedVectors, type FacetVectors, type VectorSources } from './stored-vectors.js';

/** Where the snapshots of a data folder live. */
export const snapshotDir = (dataDir: string) => path.join(dataDir, 'index');
