// What a staff search means beyond its letters: each word's forms (itself and its stems, as
// prefixes) and the sector a whole query names in any of the six languages.
import { describe, expect, it } from 'vitest';
import { MAX_FORMS_PER_WORD, searchWordForms, sectorsNamed, wordForms } from '../../src/domain/search-meaning.js';

describe('word forms', () => {
  it('gives the singular and the plural a shared form, the English y -> i included', () => {
    const shared = (a: string, b: string) => wordForms(a).filter((f) => wordForms(b).includes(f));
    expect(shared('batteries', 'battery')).not.toEqual([]);
    // Every form is a prefix of one spelling or the other: a prefix search finds both.
    for (const f of wordForms('batteries')) expect('batteries'.startsWith(f) || 'battery'.startsWith(f)).toBe(true);
    expect(wordForms('battery')).toContain('battery');
  });

  it('folds accents and Nordic letters as the word index does', () => {
    expect(wordForms('Heiðarmjólk')).toEqual(wordForms('heidarmjolk'));
    expect(wordForms('fiskodlingar')[0]).toMatch(/^fiskodl/);
  });

  it('keeps short words and numbers whole, and at most a few forms per word', () => {
    expect(wordForms('ai')).toEqual(['ai']);
    expect(wordForms('2030')).toEqual(['2030']);
    for (const w of ['organisations', 'tekoälyratkaisut', 'batterifabrikker']) expect(wordForms(w).length).toBeLessThanOrEqual(MAX_FORMS_PER_WORD);
  });

  it('splits where the word index splits', () => {
    expect(searchWordForms('fish-farming, Norway').length).toBe(3);
  });
});

describe('sector names', () => {
  it('reads a sector from its name or an everyday phrase in any of the six languages', () => {
    for (const q of ['aquaculture', 'fish farming', 'Fish farms', 'vattenbruk', 'vesiviljely', 'havbruk', 'akvakultur', 'fiskeldi']) {
      expect(sectorsNamed(q), q).toEqual(['aquaculture']);
    }
    expect(sectorsNamed('batteries')).toEqual(['batteries']);
    expect(sectorsNamed('battery')).toEqual(['batteries']);
    expect(sectorsNamed('AI and data')).toEqual(['ai-data']);
  });

  it('needs the whole query to be the name: more words narrow the search instead', () => {
    expect(sectorsNamed('fish farming software')).toEqual([]);
    expect(sectorsNamed('farming')).toEqual([]);
    expect(sectorsNamed('air')).toEqual([]);
    expect(sectorsNamed('')).toEqual([]);
  });
});
