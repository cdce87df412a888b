import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/embedding/index.js';
import { FacetIndex } from '../../src/index/index.js';
import { PARTNER_SIGNALS, rankCandidates, scoreCandidate, type CandidateQuery } from '../../src/matching/index.js';

const v = (...xs: number[]) => normalize(new Float32Array(xs));

// Four dimensions stand for four topics: packaging, distribution, software, fish.
function catalogue(): FacetIndex {
  const index = new FacetIndex(4, ['profile', 'offers', 'needs']);
  const add = (id: string, country: string, offers: Float32Array, needs: Float32Array, sectors: string[] = [], partnerTypes: string[] = []) =>
    index.upsert(id, { country, sectors, partnerTypes }, { profile: normalize(offers.map((x, i) => x + needs[i]!)), offers, needs });
  add('se-distributor', 'SE', v(0, 1, 0, 0), v(1, 0, 0, 0), ['logistics'], ['supplier']);
  add('fi-distributor', 'FI', v(0, 1, 0, 0), v(1, 0, 0, 0), ['logistics'], ['supplier']);
  add('no-distributor', 'NO', v(0.2, 1, 0, 0), v(1, 0.1, 0, 0), ['logistics'], ['customer']);
  add('dk-software', 'DK', v(0, 0, 1, 0), v(0, 0, 1, 0), ['ict'], ['customer']);
  add('is-fish', 'IS', v(0, 0, 0, 1), v(0, 0, 0.2, 1), ['aquaculture'], ['investor']);
  for (let i = 0; i < 60; i++) add(`se-filler-${i}`, 'SE', v(0.1, 0, 1, i / 60), v(0, 0, 1, 0.5), ['ict']);
  return index;
}

const packagingMaker: CandidateQuery = {
  vectors: { profile: v(1, 1, 0, 0), offers: v(1, 0, 0, 0), needs: v(0, 1, 0, 0) },
  country: 'FI',
  sectors: ['logistics'],
  excludeId: 'fi-packaging',
};

describe('partner ranking', () => {
  it('puts the candidate whose offer meets my need and whose need meets my offer first', () => {
    const ranked = rankCandidates(catalogue(), packagingMaker, {}, 3);
    expect(ranked[0]!.id).toBe('se-distributor');
    expect(ranked[0]!.scores).toMatchObject({ needsOffers: 1, offersNeeds: 1 });
  });

  it('never proposes a company from the asking country', () => {
    const ranked = rankCandidates(catalogue(), packagingMaker, {}, 100);
    expect(ranked.map((r) => r.id)).not.toContain('fi-distributor');
    expect(ranked.length).toBe(64);
  });

  it('applies country, sector and partner-type filters before cutting the top k', () => {
    const index = catalogue();
    expect(
      rankCandidates(index, packagingMaker, { countries: ['IS', 'DK'] }, 10)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['dk-software', 'is-fish']);
    expect(rankCandidates(index, packagingMaker, { sectors: ['ict'] }, 10)).toHaveLength(10);
    expect(
      rankCandidates(index, packagingMaker, { partnerTypes: ['customer'] }, 10)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['dk-software', 'no-distributor']);
  });

  it('fills the limit through the HNSW path when the filter is broad', () => {
    const index = catalogue();
    const ranked = rankCandidates(index, packagingMaker, { countries: ['SE'] }, 25, PARTNER_SIGNALS, {
      exactScanMax: 0,
      poolFactor: 1,
      minPool: 1,
      listScanShare: 0,
      countryTags: true,
    });
    expect(ranked).toHaveLength(25);
    expect(ranked.every((r) => r.id.startsWith('se-'))).toBe(true);
  });

  it('scores in 0..1 and ignores a signal whose side has no text', () => {
    const index = catalogue();
    const noNeeds: CandidateQuery = { ...packagingMaker, vectors: { profile: v(1, 1, 0, 0), offers: v(1, 0, 0, 0) } };
    const scored = scoreCandidate(index, noNeeds, 'se-distributor');
    expect(scored.scores).not.toHaveProperty('needsOffers');
    expect(scored.score).toBeGreaterThanOrEqual(0);
    expect(scored.score).toBeLessThanOrEqual(1);
  });

  it('returns nothing rather than failing on an empty index', () => {
    expect(rankCandidates(new FacetIndex(4, ['profile', 'offers', 'needs']), packagingMaker, {}, 5)).toEqual([]);
  });
});
