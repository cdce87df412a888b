// The lexical signal beside the dense vectors: language-independent concepts weighted by how
// specific they are, so rare shared words count and shared generic words cannot carry a match.
import { beforeAll, describe, expect, it } from 'vitest';
import { hybridRerank, LexicalMatcher, PARTNER_SIGNALS, sharedConcepts, type HybridAsker } from '../../src/matching/index.js';
import { testEmbedder } from '../helpers.js';

let lexical: LexicalMatcher;
beforeAll(async () => {
  lexical = new LexicalMatcher((await testEmbedder()).terms);
});

describe('lexical matching', () => {
  it('is available with the shipped model', () => {
    expect(lexical.available).toBe(true);
  });

  it('meets across languages through shared concepts', () => {
    expect(lexical.coverage('Vi söker leverantörer av batterier till färjor', 'We make battery packs for ferries')).toBeGreaterThan(0.3);
    expect(lexical.coverage('Etsimme akkuja lautoille', 'We make battery packs for ferries')).toBeGreaterThan(0.3);
  });

  it('lets a rare word that no lexicon knows match as itself', () => {
    const shared = lexical.shared('We import skyr and other dairy', 'Icelandic skyr made on our farm');
    expect(shared.map((s) => s.query.word)).toContain('skyr');
  });

  it('does not let generic words carry a match alone', () => {
    const generic = lexical.coverage('We need a distributor for every device we build', 'A distributor of every device that companies build');
    const specific = lexical.coverage('We need welding robots for steel hulls', 'We build welding robots for steel hulls');
    expect(generic).toBeLessThan(0.5);
    expect(specific).toBeGreaterThan(0.8);
    expect(lexical.shared('We need a distributor for every device we build', 'A distributor of every device that companies build')).toEqual([]);
  });

  it('puts the candidate that offers the specific thing sought above one sharing only generic words', () => {
    const asker: HybridAsker = {
      texts: { profile: 'We farm salmon and need oxygen sensors', needs: 'oxygen sensors for sea cages' },
      country: 'NO',
      preferredCountries: [],
    };
    const candidate = (id: string, offers: string) => ({
      ranked: { id, score: 0.5, scores: {} },
      side: { texts: { profile: offers, offers, needs: '' }, country: 'IS' },
    });
    const ranked = hybridRerank(lexical, PARTNER_SIGNALS, asker, [
      candidate('generic', 'We build every kind of device for companies'),
      candidate('sensors', 'Underwater oxygen sensors'),
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['sensors', 'generic']);
    expect(ranked[0]!.scores['lexical']).toBeGreaterThan(ranked[1]!.scores['lexical']!);
  });

  it('prefers a candidate in a country the asker named, and one whose needs name the asker’s country', () => {
    const asker: HybridAsker = { texts: { profile: 'sensors', needs: 'sensors' }, country: 'SE', preferredCountries: ['NO'] };
    const side = (country: string, needs = '') => ({ texts: { profile: 'sensors', offers: 'sensors', needs }, country });
    const ranked = hybridRerank(lexical, PARTNER_SIGNALS, asker, [
      { ranked: { id: 'dk', score: 0.5, scores: {} }, side: side('DK') },
      { ranked: { id: 'no', score: 0.5, scores: {} }, side: side('NO') },
      { ranked: { id: 'fi-seeks-se', score: 0.5, scores: {} }, side: side('FI', 'Customers in Sweden') },
      { ranked: { id: 'is-seeks-dk', score: 0.5, scores: {} }, side: side('IS', 'Customers in Denmark only') },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['no', 'fi-seeks-se', 'dk', 'is-seeks-dk']);
  });

  it('names the specific concepts both sides hold, per signal', () => {
    const shared = sharedConcepts(
      lexical,
      PARTNER_SIGNALS,
      { texts: { needs: 'oxygen sensors' }, country: 'NO' },
      { texts: { offers: 'Underwater oxygen sensors' }, country: 'IS' },
    );
    expect(shared.map((s) => [s.signal, s.asker.english])).toEqual(
      expect.arrayContaining([
        ['needsOffers', 'oxygen'],
        ['needsOffers', 'sensors'],
      ]),
    );
  });
});
