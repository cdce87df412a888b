// One entity kind's vectors: a VectorIndex per facet (profile, offers, needs) plus the
// attributes that filters read, kept together so they never disagree.
import { HnswVectorIndex, type HnswParams, DEFAULT_HNSW } from './hnsw-index.js';
import type { VectorIndex } from './vector-index.js';

export interface EntityAttributes {
  country: string;
  sectors: readonly string[];
  partnerTypes: readonly string[];
}

export class FacetIndex {
  readonly indexes: ReadonlyMap<string, VectorIndex>;
  readonly attributes = new Map<string, EntityAttributes>();

  constructor(
    readonly dims: number,
    readonly facets: readonly string[],
    readonly params: HnswParams = DEFAULT_HNSW,
    indexes?: ReadonlyMap<string, VectorIndex>,
  ) {
    this.indexes = indexes ?? new Map(facets.map((f) => [f, new HnswVectorIndex(dims, params)]));
  }

  get size(): number {
    return this.attributes.size;
  }

  facet(name: string): VectorIndex {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`Unknown facet "${name}"`);
    return index;
  }

  /** A facet whose text was empty (a zero vector) is left out of that facet's index. */
  upsert(id: string, attributes: EntityAttributes, vectors: Readonly<Record<string, Float32Array>>): void {
    this.attributes.set(id, attributes);
    for (const [facet, index] of this.indexes) {
      const v = vectors[facet];
      if (v && v.some((x) => x !== 0)) index.upsert(id, v);
      else index.remove(id);
    }
  }

  remove(id: string): void {
    this.attributes.delete(id);
    for (const index of this.indexes.values()) index.remove(id);
  }

  vectorsOf(id: string): Record<string, Float32Array | undefined> {
    const out: Record<string, Float32Array | undefined> = {};
    for (const [facet, index] of this.indexes) out[facet] = index.get(id);
    return out;
  }
}
