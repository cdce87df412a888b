import { describe, expect, it } from 'vitest';
import { Bm25, ndcgAt, precisionAt, recallAt, reciprocalRank, summarise } from '../../src/evaluation/index.js';

const grades = { a: 3, b: 2, c: 1 };

describe('ranking metrics', () => {
  it('nDCG is 1 for the ideal order, lower for a worse one, 0 with nothing relevant', () => {
    expect(ndcgAt(['a', 'b', 'c'], grades, 5)).toBeCloseTo(1, 10);
    // dcg = 3/log2(2) + 7/log2(3) ... worked out by hand for the swapped pair
    const swapped = (3 + 7 / Math.log2(3) + 1 / 2) / (7 + 3 / Math.log2(3) + 1 / 2);
    expect(ndcgAt(['b', 'a', 'c'], grades, 5)).toBeCloseTo(swapped, 10);
    expect(ndcgAt(['x', 'y'], grades, 5)).toBe(0);
  });

  it('precision counts grade 2 and up in the top k', () => {
    expect(precisionAt(['a', 'c', 'x', 'b', 'y'], grades, 5)).toBeCloseTo(2 / 5);
  });

  it('recall and reciprocal rank count any judged item', () => {
    expect(recallAt(['x', 'c', 'y'], grades, 10)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x', 'y', 'c'], grades)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], grades)).toBe(0);
  });

  it('averages over queries', () => {
    const s = summarise([
      { ranked: ['a', 'b', 'c'], grades },
      { ranked: [], grades },
    ]);
    expect(s.queries).toBe(2);
    expect(s.ndcg5).toBeCloseTo(0.5);
  });
});

describe('BM25 baseline', () => {
  it('ranks documents sharing rare query words first and honours the filter', () => {
    const bm25 = new Bm25([
      { id: 'pack', text: 'cardboard packaging boxes and packaging trays' },
      { id: 'soft', text: 'software for packaging lines' },
      { id: 'fish', text: 'salmon farming' },
    ]);
    expect(bm25.search('cardboard packaging', 3).map((h) => h.id)).toEqual(['pack', 'soft']);
    expect(bm25.search('cardboard packaging', 3, (id) => id !== 'pack').map((h) => h.id)).toEqual(['soft']);
  });
});
