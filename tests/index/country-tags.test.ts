// The cross-border search by country tags (a byte per label) must answer exactly what the string
// filter over the attributes answers, through inserts, deletes, a country change, reused labels,
// index growth and a snapshot round-trip.
import { afterEach, describe, expect, it } from 'vitest';
import { normalize } from '../../src/embedding/index.js';
import { FacetIndex, loadSnapshot, saveSnapshot } from '../../src/index/index.js';
import { tempDir } from '../helpers.js';

let cleanup = () => {};
afterEach(() => cleanup());

const COUNTRIES = ['FI', 'SE', 'NO', 'DK', 'IS'];
const DIMS = 8;

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const vector = (r: () => number) => normalize(Float32Array.from({ length: DIMS }, () => r() - 0.5));

function upsertRandom(index: FacetIndex, id: string, r: () => number, country = COUNTRIES[Math.floor(r() * COUNTRIES.length)]!) {
  index.upsert(id, { country, sectors: [], partnerTypes: [] }, { profile: vector(r), needs: vector(r) });
}

/** Both ways of excluding the asker's country and the asker, searched on every facet. */
function bothWays(index: FacetIndex, asker: string, q: Float32Array, k: number) {
  const country = index.attributes.get(asker)!.country;
  const tag = index.countryTag(country)!;
  const filter = (id: string) => id !== asker && index.attributes.get(id)!.country !== country;
  return index.facets.map((facet) => ({
    tagged: index.facet(facet).search(q, k, { excludeTag: tag, excludeKey: asker }),
    filtered: index.facet(facet).search(q, k, { filter }),
  }));
}

function expectSameAnswers(index: FacetIndex, r: () => number) {
  const ids = [...index.attributes.keys()];
  for (let i = 0; i < 20; i++) {
    const asker = ids[Math.floor(r() * ids.length)]!;
    for (const { tagged, filtered } of bothWays(index, asker, vector(r), 15)) {
      expect(tagged).toEqual(filtered);
      expect(tagged.length).toBeGreaterThan(0);
    }
  }
}

describe('country tags', () => {
  it('answer like the attribute filter after inserts, deletes, country changes and growth', () => {
    const r = rng(7);
    // Starts at 1024 labels and grows past it.
    const index = new FacetIndex(DIMS, ['profile', 'needs']);
    for (let i = 0; i < 1500; i++) upsertRandom(index, `c${i}`, r);
    expectSameAnswers(index, r);
    // Deleted labels are reused by new companies; moved companies change tag.
    for (let i = 0; i < 300; i++) index.remove(`c${i * 5}`);
    for (let i = 0; i < 200; i++) upsertRandom(index, `new${i}`, r);
    for (let i = 1; i < 300; i += 7) upsertRandom(index, `c${i}`, r, 'IS');
    expectSameAnswers(index, r);
  });

  it('never answer a deleted company or the asker', () => {
    const r = rng(11);
    const index = new FacetIndex(DIMS, ['profile', 'needs']);
    for (let i = 0; i < 200; i++) upsertRandom(index, `c${i}`, r, i % 2 ? 'SE' : 'FI');
    for (let i = 0; i < 200; i += 3) index.remove(`c${i}`);
    const q = index.facet('profile').get('c1')!;
    const hits = index.facet('profile').search(q, 200, { excludeTag: index.countryTag('FI')!, excludeKey: 'c1' });
    for (const h of hits) {
      expect(index.attributes.get(h.key)?.country).toBe('SE');
      expect(h.key).not.toBe('c1');
    }
    // Every live Swedish company but c1 itself (odd numbers not divisible by 3).
    expect(hits.length).toBe(Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 3 !== 0).length - 1);
  });

  it('are set again when a snapshot is loaded', async () => {
    const r = rng(13);
    const index = new FacetIndex(DIMS, ['profile', 'needs']);
    for (let i = 0; i < 400; i++) upsertRandom(index, `c${i}`, r);
    for (let i = 0; i < 400; i += 4) index.remove(`c${i}`);
    const t = tempDir();
    cleanup = t.cleanup;
    await saveSnapshot(t.dir, index, { modelId: 'm', lastSeq: 1 });
    const loaded = (await loadSnapshot(t.dir)).index;
    expectSameAnswers(loaded, r);
    upsertRandom(loaded, 'after-load', r, 'DK');
    expectSameAnswers(loaded, r);
  });

  it('are not offered by exact-scan collections, whose search ignores them', () => {
    expect(FacetIndex.exact(DIMS, ['profile']).countryTag('FI')).toBeUndefined();
  });
});
