// VectorIndex by exact scan. For the small collections (opportunities, clusters: thousands, not
// millions) a scan is as fast as a graph walk, exact, and needs no snapshot: it is filled from
// the database at start in well under a second.
import { writeFile } from 'node:fs/promises';
import { exactNearest, type SearchHit, type SearchOptions, type VectorIndex } from './vector-index.js';

export class FlatVectorIndex implements VectorIndex {
  private readonly vectors = new Map<string, Float32Array>();

  constructor(readonly dims: number) {}

  get size(): number {
    return this.vectors.size;
  }

  has(key: string): boolean {
    return this.vectors.has(key);
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  keys(): IterableIterator<string> {
    return this.vectors.keys();
  }

  upsert(key: string, vector: Float32Array): void {
    if (vector.length !== this.dims) throw new Error(`Vector for "${key}" has ${vector.length} dimensions, index has ${this.dims}.`);
    this.vectors.set(key, Float32Array.from(vector));
  }

  remove(key: string): boolean {
    return this.vectors.delete(key);
  }

  search(query: Float32Array, k: number, options: SearchOptions = {}): SearchHit[] {
    return exactNearest(query, k, this.entries(options));
  }

  private *entries(options: SearchOptions): Generator<readonly [string, Float32Array]> {
    for (const key of options.within ?? this.vectors.keys()) {
      const v = this.vectors.get(key);
      if (v && !(options.filter && !options.filter(key))) yield [key, v];
    }
  }

  async save(prefix: string): Promise<string[]> {
    const file = `${prefix}.flat.json`;
    await writeFile(file, JSON.stringify([...this.vectors].map(([key, v]) => [key, Array.from(v)])));
    return [file];
  }
}
