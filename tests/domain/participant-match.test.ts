// Name similarity for pasted participant lists: folding, typos, and a bounded set of searches.
import { describe, expect, it } from 'vitest';
import { candidateSearches, nameSimilarity } from '../../src/domain/participant-match.js';

describe('nameSimilarity', () => {
  it('is 1 for the same name in any letter case, accents or Nordic letters', () => {
    expect(nameSimilarity('Laxoga', 'Laxøga')).toBe(1);
    expect(nameSimilarity('SMORREBROD foods aps', 'Smørrebrød Foods ApS')).toBe(1);
    expect(nameSimilarity('Cafe Ahus', 'Café Åhus')).toBe(1);
  });

  it('stays high for a line that is the start of the name, or has a typo', () => {
    expect(nameSimilarity('Laxoga', 'Laxøga AS')).toBeGreaterThan(0.8);
    expect(nameSimilarity('Kartonki Packagng', 'Kartonki Packaging Oy')).toBeGreaterThan(0.6);
  });

  it('is low for unrelated names and 0 for an empty line', () => {
    expect(nameSimilarity('Fjordlaks', 'Vindservice ApS')).toBeLessThan(0.2);
    expect(nameSimilarity('  ', 'Vindservice ApS')).toBe(0);
  });
});

describe('candidateSearches', () => {
  it('searches all words, then long words alone and their first part, at most seven searches', () => {
    expect(candidateSearches('Laxøga AS')).toEqual(['laxoga as', 'laxoga', 'laxo']);
    expect(candidateSearches('one two three four five six seven eight nine').length).toBeLessThanOrEqual(7);
    expect(candidateSearches(' -- ')).toEqual([]);
  });
});
