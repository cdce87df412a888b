import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalize } from '../../src/embedding/index.js';
import { HnswVectorIndex } from '../../src/index/index.js';
import { tempDir } from '../helpers.js';

const unit = (...xs: number[]) => normalize(new Float32Array(xs));
let cleanup = () => {};
afterEach(() => cleanup());

function randomIndex(n: number, dims = 16, seed = 1): HnswVectorIndex {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return (s / 2 ** 31) * 2 - 1;
  };
  const index = new HnswVectorIndex(dims, { m: 16, efConstruction: 100, efSearch: 64 }, 8);
  for (let i = 0; i < n; i++) index.upsert(`k${i}`, normalize(Float32Array.from({ length: dims }, rnd)));
  return index;
}

describe('HNSW vector index', () => {
  it('finds the nearest vector by cosine similarity: identical 1, orthogonal 0, opposite -1', () => {
    const index = new HnswVectorIndex(3);
    index.upsert('x', unit(1, 0, 0));
    index.upsert('y', unit(0, 1, 0));
    index.upsert('minus-x', unit(-1, 0, 0));
    const hits = index.search(unit(1, 0, 0), 3);
    expect(hits.map((h) => h.key)).toEqual(['x', 'y', 'minus-x']);
    expect(hits.map((h) => Math.round(h.similarity * 1000) / 1000)).toEqual([1, 0, -1]);
  });

  it('replaces the vector of an existing key and forgets removed keys', () => {
    const index = new HnswVectorIndex(3);
    index.upsert('a', unit(1, 0, 0));
    index.upsert('b', unit(0, 1, 0));
    index.upsert('a', unit(0, 0, 1));
    expect(index.size).toBe(2);
    expect(index.search(unit(0, 0, 1), 1)[0]!.key).toBe('a');
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.search(unit(0, 0, 1), 5).map((h) => h.key)).toEqual(['b']);
    expect(index.get('a')).toBeUndefined();
  });

  it('reuses labels of removed keys, so churn does not grow the index', () => {
    const index = randomIndex(50);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 50; i++) index.remove(`k${i}`);
      for (let i = 0; i < 50; i++) index.upsert(`k${i}`, unit(1, i, round, ...new Array(13).fill(0)));
    }
    expect(index.size).toBe(50);
    expect(index.search(unit(1, 7, 4, ...new Array(13).fill(0)), 1)[0]!.key).toBe('k7');
  });

  it('applies a filter during the search, still returning k results when that many pass', () => {
    const index = randomIndex(2000);
    const even = (k: string) => Number(k.slice(1)) % 2 === 0;
    const hits = index.search(index.get('k3')!, 20, { filter: even });
    expect(hits).toHaveLength(20);
    expect(hits.every((h) => even(h.key))).toBe(true);
  });

  it('survives a filter that throws (hnswlib would abort the process)', () => {
    const index = randomIndex(10);
    expect(
      index.search(index.get('k1')!, 3, {
        filter: () => {
          throw new Error('boom');
        },
      }),
    ).toEqual([]);
  });

  it('searches exactly within a given key set', () => {
    const index = randomIndex(500);
    const within = ['k1', 'k2', 'k3', 'k4'];
    const hits = index.search(index.get('k2')!, 2, { within });
    expect(hits[0]!.key).toBe('k2');
    expect(hits.every((h) => within.includes(h.key))).toBe(true);
  });

  it('has high recall against exact search', () => {
    const index = randomIndex(3000, 32, 7);
    let found = 0;
    const queries = 50;
    const all = [...index.keys()];
    for (let q = 0; q < queries; q++) {
      const query = index.get(`k${q * 11}`)!;
      const exact = new Set(index.search(query, 10, { within: all }).map((h) => h.key));
      found += index.search(query, 10).filter((h) => exact.has(h.key)).length;
    }
    expect(found / (queries * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('saves and loads to identical search results', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const index = randomIndex(300);
    index.remove('k5');
    const prefix = path.join(t.dir, 'facet');
    await index.save(prefix);
    const loaded = await HnswVectorIndex.load(prefix);
    expect(loaded.size).toBe(299);
    expect(loaded.has('k5')).toBe(false);
    const q = index.get('k9')!;
    expect(loaded.search(q, 10)).toEqual(index.search(q, 10));
    loaded.upsert('k5', q);
    expect(loaded.size).toBe(300);
  });
});
