// VectorIndex on hnswlib-node. Keys map to integer labels; labels of removed keys are reused so
// the graph and our vector slab stay as large as the live set, not the write history.
import { open, readFile } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';
import { writeDurably } from './durable-file.js';
import { checkHnswFile, DamagedIndexFileError } from './hnsw-file.js';
import { exactNearest, type SearchHit, type SearchOptions, type VectorIndex } from './vector-index.js';

export interface HnswParams {
  /** Graph degree: more links, better recall, more memory. */
  m: number;
  efConstruction: number;
  /** Search breadth; not stored in hnswlib files, so it is set again after every load. */
  efSearch: number;
}

// efSearch chosen from the recall/latency curve of `npm run bench` (README, "Speed and memory").
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 100 };

interface IndexMeta {
  format: 1;
  dims: number;
  params: HnswParams;
  /** Key at each label; null for a free label. */
  labels: (string | null)[];
}

export class HnswVectorIndex implements VectorIndex {
  private hnsw: hnswlib.HierarchicalNSW;
  private capacity: number;
  private slab: Float32Array;
  private readonly labelOf = new Map<string, number>();
  private keyAt: (string | null)[] = [];
  private freeLabels: number[] = [];
  // A small number per label (the country code, set by FacetIndex): the cross-border filter reads
  // it instead of keyAt[label] -> attributes Map -> string compare. 0: untagged or free.
  private tags: Uint8Array;

  constructor(
    readonly dims: number,
    private params: HnswParams = DEFAULT_HNSW,
    initialCapacity = 1024,
  ) {
    this.capacity = Math.max(16, initialCapacity);
    this.hnsw = new hnswlib.HierarchicalNSW('ip', dims);
    this.hnsw.initIndex({ maxElements: this.capacity, m: params.m, efConstruction: params.efConstruction, randomSeed: 42 });
    this.hnsw.setEf(params.efSearch);
    this.slab = new Float32Array(this.capacity * dims);
    this.tags = new Uint8Array(this.capacity);
  }

  get size(): number {
    return this.labelOf.size;
  }

  /** Search breadth from now on (the recall/latency trade-off; nothing is rebuilt). */
  setEfSearch(ef: number): void {
    this.params = { ...this.params, efSearch: ef };
    this.hnsw.setEf(ef);
  }

  has(key: string): boolean {
    return this.labelOf.has(key);
  }

  get(key: string): Float32Array | undefined {
    const label = this.labelOf.get(key);
    return label === undefined ? undefined : this.slab.subarray(label * this.dims, (label + 1) * this.dims);
  }

  keys(): IterableIterator<string> {
    return this.labelOf.keys();
  }

  upsert(key: string, vector: Float32Array): void {
    if (vector.length !== this.dims) throw new Error(`Vector for "${key}" has ${vector.length} dimensions, index has ${this.dims}.`);
    let label = this.labelOf.get(key);
    if (label === undefined) {
      label = this.freeLabels.pop() ?? this.keyAt.length;
      if (label >= this.capacity) this.grow(label + 1);
      this.labelOf.set(key, label);
      this.keyAt[label] = key;
    }
    this.slab.set(vector, label * this.dims);
    // On a removed label hnswlib un-deletes and updates the point in place.
    this.hnsw.addPoint(Array.from(vector), label);
  }

  remove(key: string): boolean {
    const label = this.labelOf.get(key);
    if (label === undefined) return false;
    this.hnsw.markDelete(label);
    this.labelOf.delete(key);
    this.keyAt[label] = null;
    this.tags[label] = 0;
    this.freeLabels.push(label);
    return true;
  }

  setTag(key: string, tag: number): void {
    const label = this.labelOf.get(key);
    if (label !== undefined) this.tags[label] = tag;
  }

  search(query: Float32Array, k: number, options: SearchOptions = {}): SearchHit[] {
    if (k <= 0 || this.size === 0) return [];
    if (options.within) return this.exactSearch(query, k, options.within, options.filter);
    const labelFilter = this.labelFilter(options);
    // Search at least twice as wide as the answer, or large k lose recall.
    this.hnsw.setEf(Math.max(this.params.efSearch, 2 * k));
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(query), Math.min(k, this.size), labelFilter);
    return neighbors.map((label, i) => ({ key: this.keyAt[label]!, similarity: 1 - distances[i]! }));
  }

  /** The callback hnswlib calls for every label it visits (~200 per search): kept cheap. */
  private labelFilter(options: SearchOptions): (label: number) => boolean {
    const { filter, excludeTag } = options;
    const keyAt = this.keyAt;
    const tags = this.tags;
    if (excludeTag !== undefined && !filter) {
      const excludeLabel = options.excludeKey === undefined ? -1 : (this.labelOf.get(options.excludeKey) ?? -1);
      return (label) => {
        const tag = tags[label]!;
        return tag !== 0 && tag !== excludeTag && label !== excludeLabel;
      };
    }
    // An exception thrown inside hnswlib's filter callback aborts the process: never throw.
    return (label) => {
      const key = keyAt[label];
      if (key == null) return false;
      if (!filter) return true;
      if (excludeTag !== undefined && tags[label] === excludeTag) return false;
      try {
        return filter(key) === true;
      } catch {
        return false;
      }
    };
  }

  private exactSearch(query: Float32Array, k: number, within: readonly string[], filter?: (key: string) => boolean): SearchHit[] {
    return exactNearest(query, k, this.slabEntries(within, filter));
  }

  /** The stored vectors of `within` as views into the slab (no copies). */
  private *slabEntries(within: readonly string[], filter?: (key: string) => boolean): Generator<readonly [string, Float32Array]> {
    for (const key of within) {
      const label = this.labelOf.get(key);
      if (label === undefined || (filter && !filter(key))) continue;
      yield [key, this.slab.subarray(label * this.dims, (label + 1) * this.dims)];
    }
  }

  private grow(needed: number): void {
    let next = this.capacity;
    while (next < needed) next *= 2;
    this.hnsw.resizeIndex(next);
    const slab = new Float32Array(next * this.dims);
    slab.set(this.slab);
    this.slab = slab;
    const tags = new Uint8Array(next);
    tags.set(this.tags);
    this.tags = tags;
    this.capacity = next;
  }

  /**
   * Writes `<prefix>.hnsw|.vec|.json` and reads each back before returning: hnswlib's writeIndex
   * reports no write error (a full disk leaves a short file), so the graph file is checked
   * structurally and the others byte for byte. Throws when a file did not land whole.
   */
  async save(prefix: string): Promise<string[]> {
    const used = this.keyAt.length;
    const meta: IndexMeta = { format: 1, dims: this.dims, params: this.params, labels: this.keyAt };
    const files = [`${prefix}.hnsw`, `${prefix}.vec`, `${prefix}.json`];
    await this.hnsw.writeIndex(files[0]!);
    await syncFile(files[0]!);
    checkHnswFile(await readFile(files[0]!), { dims: this.dims, count: used, m: this.params.m });
    await writeDurably(files[1]!, new Uint8Array(this.slab.buffer, 0, used * this.dims * 4));
    await writeDurably(files[2]!, Buffer.from(JSON.stringify(meta)));
    return files;
  }

  /**
   * Loads files written by save. The graph file is checked against the label table (and
   * `expectedDims` when given) before hnswlib sees it: a damaged file throws here, where the
   * caller can rebuild, instead of crashing the process inside hnswlib.
   */
  static async load(prefix: string, efSearch?: number, expectedDims?: number): Promise<HnswVectorIndex> {
    const meta = JSON.parse(await readFile(`${prefix}.json`, 'utf8')) as IndexMeta;
    if (meta.format !== 1) throw new Error(`Unknown index format ${String(meta.format)}`);
    if (!Number.isInteger(meta.dims) || meta.dims <= 0 || (expectedDims !== undefined && meta.dims !== expectedDims))
      throw new DamagedIndexFileError(`index dimension ${String(meta.dims)} is not the expected ${String(expectedDims)}`);
    if (!Array.isArray(meta.labels) || !Number.isInteger(meta.params?.m)) throw new DamagedIndexFileError('index label table is damaged');
    checkHnswFile(await readFile(`${prefix}.hnsw`), { dims: meta.dims, count: meta.labels.length, m: meta.params.m });
    const params = { ...meta.params, efSearch: efSearch ?? meta.params.efSearch };
    const index = new HnswVectorIndex(meta.dims, params, 16);
    await index.hnsw.readIndex(`${prefix}.hnsw`);
    index.hnsw.setEf(params.efSearch);
    index.capacity = index.hnsw.getMaxElements();
    const bytes = await readFile(`${prefix}.vec`);
    if (bytes.byteLength !== meta.labels.length * meta.dims * 4) throw new Error('Vector file does not match the label table.');
    index.slab = new Float32Array(Math.max(index.capacity, meta.labels.length) * meta.dims);
    new Uint8Array(index.slab.buffer).set(bytes);
    // Tags are not saved: FacetIndex sets them again from the snapshot's attributes.
    index.tags = new Uint8Array(Math.max(index.capacity, meta.labels.length));
    index.keyAt = meta.labels;
    for (const [label, key] of meta.labels.entries()) {
      if (key === null) index.freeLabels.push(label);
      else index.labelOf.set(key, label);
    }
    if (index.hnsw.getCurrentCount() !== meta.labels.length) throw new Error('Graph and label table disagree on the number of points.');
    return index;
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
