// Reading free text as people write it: what they offer, what they seek, where, and which kind of
// opening, by cue phrases in the six languages.
import { describe, expect, it } from 'vitest';
import { namedCountries, namedOpportunityTypes, readFreeText } from '../../src/matching/index.js';

describe('reading free text', () => {
  it.each([
    ['en', 'We make oxygen sensors for fish farms and are looking for a reseller in Norway.', 'oxygen sensors', 'reseller'],
    ['sv', 'Vi tillverkar sensorer för fiskodling och söker återförsäljare i Norge.', 'sensorer', 'återförsäljare'],
    ['fi', 'Valmistamme happiantureita kalankasvatukseen. Etsimme jälleenmyyjää Norjasta.', 'happiantureita', 'jälleenmyyjää'],
    ['nb', 'Vi lager oksygensensorer til oppdrett og ser etter en forhandler i Sverige.', 'oksygensensorer', 'forhandler'],
    ['da', 'Vi producerer iltsensorer til havbrug og søger en forhandler i Norge.', 'iltsensorer', 'forhandler'],
    ['is', 'Við framleiðum súrefnisnema fyrir fiskeldi og leitum að endursöluaðila í Noregi.', 'súrefnisnema', 'endursöluaðila'],
  ])('splits what the writer offers from what they seek (%s)', (_language, text, offered, sought) => {
    const read = readFreeText(text);
    expect(read.offers).toContain(offered);
    expect(read.offers).not.toContain(sought);
    expect(read.needs).toContain(sought);
    expect(read.needs).not.toContain(offered);
  });

  it('reads a sentence without a cue as describing the writer, and one after a need as more of it', () => {
    const read = readFreeText('Small skincare brand in Bergen here. We want birch bark extract for face creams. Small batches to start.');
    expect(read.offers).toBe('Small skincare brand in Bergen here');
    expect(read.needs).toContain('birch bark extract');
    expect(read.needs).toContain('Small batches to start');
  });

  it('leaves the needs empty when the text never says what it seeks', () => {
    expect(readFreeText('We build battery systems for electric ferries.').needs).toBe('');
  });

  it.each([
    ['söker partner i Norge och Danmark', ['NO', 'DK']],
    ['Etsimme jakelijoita Ruotsista ja Pohjois-Norjasta', ['SE', 'NO']],
    ['leitum að dreifingaraðila í Svíþjóð eða Finnlandi', ['SE', 'FI']],
    ['importers in Denmark or Iceland', ['DK', 'IS']],
    ['vinterpaket med företag på Island', ['IS']],
  ])('names countries in any of the languages: %s', (text, countries) => {
    expect(namedCountries(text)).toEqual(countries);
  });

  it('does not read an island, or a Norwegian county, as a country', () => {
    expect(namedCountries('A ferry to the island. Boats in Finnmark.')).toEqual([]);
  });

  it('names the kinds of opening a text asks for', () => {
    expect(namedOpportunityTypes('letar efter upphandlingar i Norge samt riskkapital').sort()).toEqual(['investment', 'tender']);
    expect(namedOpportunityTypes('Etsimme hankintoja ja rahoitushakuja').sort()).toEqual(['investment', 'tender']);
    expect(namedOpportunityTypes('pilot projects and a distributor').sort()).toEqual(['distributor-search', 'project-call']);
  });
});
