import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/embedding/index.js';
import { FacetIndex } from '../../src/index/index.js';

const v = (...xs: number[]) => normalize(new Float32Array(xs));
const ids = (sets: Set<string>[]) => [...new Set(sets.flatMap((s) => [...s]))].sort();

describe('facet index', () => {
  it('keeps attribute lookups in step with updates and removals', () => {
    const index = new FacetIndex(2, ['profile']);
    index.upsert('a', { country: 'FI', sectors: ['ict', 'food'], partnerTypes: ['investor'] }, { profile: v(1, 0) });
    index.upsert('b', { country: 'SE', sectors: ['food'], partnerTypes: [] }, { profile: v(0, 1) });
    expect(ids(index.withAny('sector', ['food']))).toEqual(['a', 'b']);
    index.upsert('a', { country: 'NO', sectors: ['ict'], partnerTypes: [] }, { profile: v(1, 0) });
    expect(ids(index.withAny('country', ['FI']))).toEqual([]);
    expect(ids(index.withAny('country', ['NO', 'SE']))).toEqual(['a', 'b']);
    expect(ids(index.withAny('sector', ['food']))).toEqual(['b']);
    expect(ids(index.withAny('partnerType', ['investor']))).toEqual([]);
    index.remove('b');
    expect(ids(index.withAny('sector', ['food']))).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('leaves a facet with an empty text out of that facet only', () => {
    const index = new FacetIndex(2, ['offers', 'needs']);
    index.upsert('a', { country: 'FI', sectors: [], partnerTypes: [] }, { offers: v(1, 1), needs: new Float32Array(2) });
    expect(index.facet('offers').has('a')).toBe(true);
    expect(index.facet('needs').has('a')).toBe(false);
    expect(index.vectorsOf('a').needs).toBeUndefined();
  });
});
