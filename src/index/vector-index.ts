import { dot } from '../embedding/index.js';

/**
 * A nearest-neighbour index over L2-normalised vectors, keyed by entity id.
 *
 * @remarks Implementations: `HnswVectorIndex` (approximate, for companies) and `FlatVectorIndex`
 * (exact scan, for the few opportunities and clusters). Loading is the implementation's own
 * static factory, since the file format is its own.
 */
export interface VectorIndex {
  /** How many numbers each vector has. */
  readonly dims: number;
  /** Number of live (not removed) vectors. */
  readonly size: number;
  /** True when `key` has a vector. */
  has(key: string): boolean;
  /** The stored vector (a view; do not modify). */
  get(key: string): Float32Array | undefined;
  /** Every key with a vector, in no particular order. */
  keys(): IterableIterator<string>;
  /** Adds or replaces the vector of `key`. */
  upsert(key: string, vector: Float32Array): void;
  /** Removes the vector of `key`; false when it had none. */
  remove(key: string): boolean;
  /** Tags the vector of `key` with a small number (1-255) that `SearchOptions.excludeTag` reads; absent on indexes that ignore tags. */
  setTag?(key: string, tag: number): void;
  /**
   * Up to `k` nearest keys by cosine similarity, best first. `filter` is applied during the
   * search, so filtered results still number `k` when that many pass. `within` switches to an
   * exact scan over those keys only, the fast path for selective filters.
   */
  search(query: Float32Array, k: number, options?: SearchOptions): SearchHit[];
  /**
   * Writes the index to `<prefix>.*` files and returns their paths. Implementations read their
   * files back before returning and throw when one did not land whole (a full disk), so a
   * snapshot never points at a short file; the caller removes what was written.
   */
  save(prefix: string): Promise<string[]>;
}

/** Narrows a search to some keys. */
export interface SearchOptions {
  /** Only keys for which this holds are answered (tested during the search). */
  filter?: (key: string) => boolean;
  /** Only these keys are considered, by exact scan. */
  within?: readonly string[];
  /**
   * Labels tagged so (the asker's country: every match is cross-border) are skipped by a typed
   * array read, before `filter` is called; without `filter`, untagged labels are skipped too.
   * Only for indexes with `setTag` (HNSW); see FacetIndex.countryTag.
   */
  excludeTag?: number;
  /** With `excludeTag` and no `filter`: this key (the asker) is never answered. */
  excludeKey?: string | undefined;
}

/** One search result. */
export interface SearchHit {
  key: string;
  /** Cosine similarity with the query, -1 to 1. */
  similarity: number;
}

/**
 * Exact nearest neighbours by dot product, best first. Equal similarities are ordered by key, so
 * the flat index and the HNSW index's exact path answer a tie the same way on every run.
 */
export function exactNearest(query: Float32Array, k: number, candidates: Iterable<readonly [string, Float32Array]>): SearchHit[] {
  if (k <= 0) return [];
  const hits: SearchHit[] = [];
  for (const [key, vector] of candidates) hits.push({ key, similarity: dot(query, vector) });
  hits.sort((a, b) => b.similarity - a.similarity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return hits.slice(0, k);
}
