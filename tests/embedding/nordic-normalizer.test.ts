import { describe, expect, it } from 'vitest';
import { NordicNormalizer } from '../../src/embedding/index.js';
import { stemIcelandic, stemmerFor } from '../../src/embedding/nordic-normalizer.js';

const config = { type: 'nordic-lexicon', prefix: 'q', fuzzyMinPrefix: 5 } as const;
const tag = (language: 'fi' | 'sv' | 'nb' | 'da' | 'is', word: string) => `q${language}${stemmerFor(language)(word)}`;

// A tiny vocabulary built the way scripts/build-model.ts builds the real one.
const vocab = new Set([
  'packaging',
  'software',
  'distributor',
  'malmo',
  tag('fi', 'pakkaus'),
  tag('fi', 'pahvi'),
  tag('fi', 'tukkukauppa'),
  tag('sv', 'förpackning'),
  tag('sv', 'kartong'),
  tag('sv', 'material'),
  tag('sv', 'grossist'),
  tag('nb', 'emballasje'),
  tag('da', 'emballage'),
  tag('is', 'umbúðir'),
  // Headword tokens (the build makes one per headword beside its stem token).
  ...[
    'valmistaa',
    'valmis',
    'tamme',
    'tarjota',
    'toimittaa',
    'happi',
    'anturi',
    'sähköposti',
    'huijaus',
    'tietoturva',
    'koulutus',
    'yritys',
    'yksityinen',
    'asiakas',
    'voi',
  ].map((w) => `qfi${w}`),
  ...['framleiða', 'leita'].map((w) => `qis${w}`),
]);
const normalizer = new NordicNormalizer(vocab, config);

describe('language detection', () => {
  it.each([
    ['fi', 'Valmistamme kierrätettäviä pahvipakkauksia elintarviketeollisuudelle ja etsimme tukkukauppaa Ruotsista.'],
    ['sv', 'Vi tillverkar återvinningsbara kartongförpackningar för livsmedelsindustrin och söker en grossist i Finland.'],
    ['nb', 'Vi produserer resirkulerbar emballasje for næringsmiddelindustrien og søker en grossist i Sverige.'],
    ['da', 'Vi fremstiller genanvendelig emballage til fødevareindustrien og søger en grossist i Sverige.'],
    ['is', 'Við framleiðum endurvinnanlegar umbúðir fyrir matvælaiðnaðinn og leitum að heildsala í Svíþjóð.'],
    ['en', 'We manufacture recyclable cardboard packaging for the food industry and seek a wholesaler in Sweden.'],
  ])('recognises %s', (language, text) => {
    expect(normalizer.detect(text)).toBe(language);
  });
});

describe('Nordic normaliser', () => {
  it('maps inflected forms to the lexicon stem (Swedish definite and plural forms)', () => {
    for (const form of ['förpackning', 'förpackningen', 'förpackningar', 'förpackningarna']) {
      expect(normalizer.tokensOf(form, 'sv')).toEqual([tag('sv', 'förpackning')]);
    }
  });

  it('accepts Finnish case forms whose stems differ at the end (pakkaus, pakkauksia, pakkausten)', () => {
    for (const form of ['pakkaus', 'pakkauksia', 'pakkausten', 'pakkauksen']) {
      expect(normalizer.tokensOf(form, 'fi')).toEqual([tag('fi', 'pakkaus')]);
    }
  });

  it('splits compounds into known parts, with Scandinavian linking letters', () => {
    expect(normalizer.tokensOf('kartongförpackningar', 'sv')).toEqual([tag('sv', 'kartong'), tag('sv', 'förpackning')]);
    expect(normalizer.tokensOf('förpackningsmaterial', 'sv')).toEqual([tag('sv', 'förpackning'), tag('sv', 'material')]);
    expect(normalizer.tokensOf('pahvipakkauksia', 'fi')).toEqual([tag('fi', 'pahvi'), tag('fi', 'pakkaus')]);
  });

  it('reads Finnish verb forms as their headword before trying compounds (valmistamme is not valmis + tamme)', () => {
    expect(normalizer.tokensOf('valmistamme', 'fi')).toEqual(['qfivalmistaa']);
    expect(normalizer.tokensOf('tarjoamme', 'fi')).toEqual(['qfitarjota']);
    expect(normalizer.tokensOf('toimitamme', 'fi')).toEqual(['qfitoimittaa']);
    expect(normalizer.explain('valmistamme', 'fi').via).toBe('inflected');
  });

  it('strips Finnish case endings to reach headwords, also inside compounds', () => {
    expect(normalizer.tokensOf('yksityisille', 'fi')).toEqual(['qfiyksityinen']);
    expect(normalizer.tokensOf('yritysten', 'fi')).toEqual(['qfiyritys']);
    expect(normalizer.tokensOf('happiantureita', 'fi')).toEqual(['qfihappi', 'qfianturi']);
    expect(normalizer.tokensOf('huijaussähköposteja', 'fi')).toEqual(['qfihuijaus', 'qfisähköposti']);
    expect(normalizer.tokensOf('tietoturvakoulutusta', 'fi')).toEqual(['qfitietoturva', 'qfikoulutus']);
  });

  it('undoes a possessive suffix after a case ending, and leaves auxiliaries alone (voimme is not voi, butter)', () => {
    expect(normalizer.tokensOf('asiakkaillemme', 'fi')).toEqual(['qfiasiakas']);
    expect(normalizer.tokensOf('voimme', 'fi')).toEqual([]);
  });

  it('reads Icelandic first person plural verbs as their infinitive', () => {
    expect(normalizer.tokensOf('framleiðum', 'is')).toEqual(['qisframleiða']);
    expect(normalizer.tokensOf('leitum', 'is')).toEqual(['qisleita']);
  });

  it('keeps loan words that are written as in English, and English accents plain', () => {
    expect(normalizer.tokensOf('software', 'sv')).toEqual(['software']);
    expect(normalizer.tokensOf('malmö', 'en')).toEqual(['malmo']);
  });

  it('falls back to the other Nordic lexicons when detection picks a neighbour language', () => {
    expect(normalizer.tokensOf('emballage', 'nb')).toEqual([tag('da', 'emballage')]);
  });

  it('drops words it cannot place instead of guessing', () => {
    expect(normalizer.tokensOf('xyzzyplugh', 'fi')).toEqual([]);
    expect(normalizer.tokensOf('och', 'sv')).toEqual([]);
  });

  it('normalises a whole text to known tokens only', () => {
    const out = normalizer.normalize('Vi säljer kartongförpackningar och söker en grossist i Malmö.').split(' ');
    expect(out).toEqual(expect.arrayContaining([tag('sv', 'kartong'), tag('sv', 'förpackning'), tag('sv', 'grossist')]));
    expect(out.every((t) => vocab.has(t))).toBe(true);
  });
});

describe('Icelandic light stemmer', () => {
  it('removes common inflectional endings but keeps short words whole', () => {
    expect(new Set(['fyrirtæki', 'fyrirtækið', 'fyrirtækinu', 'fyrirtækja'].map(stemIcelandic))).toEqual(new Set(['fyrirtæk']));
    expect(stemIcelandic('umbúðir')).toBe('umbúð');
    expect(stemIcelandic('bát')).toBe('bát');
  });
});
