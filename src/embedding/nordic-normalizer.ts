// Turns Nordic text into the tokens of a lexicon-mapped static model, before the model sees it.
// The language is identified per text by its function words and by which lexicon knows its
// words (an npm detector, tinyld, took 350-1,100 µs a text, more than a profile's whole embedding
// budget). Each word is stemmed with that language's Snowball stemmer (a light suffix stripper
// for Icelandic, which has none) and looked up as a language-tagged stem; inflected forms the
// stemmer leaves apart, compounds and loan words get further chances. Unknown words are dropped.
import snowball from 'snowball-stemmers';

export const NORDIC_LANGUAGES = ['fi', 'sv', 'nb', 'da', 'is'] as const;
export type NordicLanguage = (typeof NORDIC_LANGUAGES)[number];
export type TextLanguage = NordicLanguage | 'en';

export interface NordicNormalizerConfig {
  type: 'nordic-lexicon';
  /** Prefix of language-tagged tokens: `q` + language + stem, e.g. `qsvförpackning`. */
  prefix: string;
  /** A stem found only by prefix matching must share at least this many letters. */
  fuzzyMinPrefix: number;
}

const SNOWBALL: Record<Exclude<NordicLanguage, 'is'>, string> = { fi: 'finnish', sv: 'swedish', nb: 'norwegian', da: 'danish' };
// The commonest function words: they tell close languages apart (Danish `af`, Norwegian `av`).
const FUNCTION_WORDS: Record<TextLanguage, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'for', 'with', 'is', 'are', 'we', 'our', 'that', 'from', 'on', 'by', 'as'],
  // Finnish text is mostly inflected forms the lexicon lookup here does not undo: more of its
  // (uninflected or common) function words make up for that.
  fi: [
    'ja',
    'on',
    'että',
    'se',
    'joka',
    'jotka',
    'ovat',
    'myös',
    'sekä',
    'tai',
    'kuin',
    'olemme',
    'meidän',
    'ei',
    'mutta',
    'jolla',
    'jossa',
    'jonka',
    'joiden',
    'joita',
    'kanssa',
    'mukaan',
    'meille',
    'meitä',
    'tämä',
    'nämä',
    'kun',
    'jos',
    'vain',
    'sitä',
    'siitä',
    'niin',
    'voi',
    'voimme',
  ],
  sv: ['och', 'att', 'för', 'med', 'som', 'är', 'det', 'ett', 'på', 'av', 'till', 'vi', 'vår', 'våra', 'inte', 'från', 'också'],
  nb: ['og', 'å', 'for', 'med', 'som', 'er', 'det', 'et', 'på', 'av', 'til', 'vi', 'vår', 'våre', 'ikke', 'fra', 'også'],
  da: ['og', 'at', 'for', 'med', 'som', 'er', 'det', 'et', 'på', 'af', 'til', 'vi', 'vores', 'ikke', 'fra', 'også', 'være'],
  is: ['og', 'að', 'er', 'við', 'sem', 'á', 'í', 'um', 'með', 'fyrir', 'til', 'frá', 'okkar', 'eru', 'erum', 'ekki', 'einnig'],
};
const FUNCTION_WORD_LANGUAGES = new Map<string, TextLanguage[]>();
for (const [language, words] of Object.entries(FUNCTION_WORDS) as [TextLanguage, readonly string[]][]) {
  for (const w of words) FUNCTION_WORD_LANGUAGES.set(w, [...(FUNCTION_WORD_LANGUAGES.get(w) ?? []), language]);
}
const LANGUAGE_SAMPLE = 40;
const wordsOf = (text: string) => [...text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}]*/gu)].map((m) => m[0]);
// Forms of auxiliary verbs that would otherwise be undone to a noun that looks the same
// (Finnish voimme "we can" is not voi "butter"): they carry no content, so they give no token.
const AUXILIARIES: Record<NordicLanguage, ReadonlySet<string>> = {
  fi: new Set([
    'voi',
    'voin',
    'voit',
    'voimme',
    'voitte',
    'voivat',
    'voisi',
    'voisimme',
    'voisivat',
    'olemme',
    'olette',
    'olisi',
    'olisimme',
    'oli',
    'olivat',
    'olimme',
  ]),
  sv: new Set(),
  nb: new Set(),
  da: new Set(),
  is: new Set(),
};
// Linking letters Scandinavian compounds put between their parts (`förpackning-s-material`).
const LINKS: Record<NordicLanguage, string[]> = {
  fi: [''],
  sv: ['', 's', 'e', 'a', 'u'],
  nb: ['', 's', 'e'],
  da: ['', 's', 'e'],
  is: ['', 's', 'a', 'u', 'ar'],
};
const MIN_PART = 3;
// A known head with an unknown modifier still says what the thing is, if it is not too short.
const MIN_HEAD_ALONE = 5;
// A compound part found only as a look-alike stem must be at least this long.
const MIN_FUZZY_PART = 6;
// English words this frequent (by vocabulary id) may be a compound's inflected head (spill·studioet).
const COMMON_LOAN_RANK = 20_000;

interface Part {
  tokens: string[];
  /** Sum of squared part lengths, halved for look-alike stems: higher is surer. */
  score: number;
}

// Icelandic has no Snowball stemmer: strip the commonest inflectional endings, longest first.
const ICELANDIC_ENDINGS = [
  'arnir',
  'irnir',
  'urnar',
  'unnar',
  'anna',
  'unum',
  'inum',
  'inni',
  'ings',
  'anir',
  'unni',
  'inu',
  'num',
  'inn',
  'ins',
  'ina',
  'ið',
  'ann',
  'rar',
  'ar',
  'ir',
  'ur',
  'um',
  'na',
  'an',
  'in',
  'un',
  'ri',
  'ra',
  'ja',
  'i',
  'a',
  'u',
  's',
  'r',
].sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------------------------
// Inflections: endings a word may carry, and the headword forms the rest may come from. The
// normaliser tries them only after the word and its Snowball stem failed, and accepts a guess only
// if it is a whole headword of the lexicon.

interface InflectionRules {
  /** Endings, longest first. */
  endings: readonly string[];
  /**
   * Headword candidates for the word without its ending, in groups: every ending's first group
   * is tried before any ending's second (so a plain reading beats one that needs a grade change).
   * Later groups are computed only when the earlier ones found nothing.
   */
  lemmas: (rest: string, ending: string) => (() => string[])[];
}

const byLength = (list: string) => [...new Set(list.split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
const VOWEL = /[aeiouyäöå]/;
export const FINNISH_POSSESSIVES = ['mme', 'nne', 'nsa', 'nsä'] as const;

// Finnish consonant gradation, both ways, on the consonants before the last vowel: a case or
// personal form has the other grade than the headword (toimittaa, toimitamme; lääke, lääkkeen).
const GRADATION: readonly [string, string][] = [
  ['tt', 't'],
  ['kk', 'k'],
  ['pp', 'p'],
  ['nt', 'nn'],
  ['lt', 'll'],
  ['rt', 'rr'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['ht', 'hd'],
  ['lk', 'lj'],
  ['rk', 'rj'],
  ['t', 'd'],
  ['p', 'v'],
];

/** `word` with the consonants before its last vowel in the strong (`strong`) or weak grade. */
function gradations(word: string, strong: boolean): string[] {
  const m = /^(.*?)([^aeiouyäö]+)([aeiouyäö]+[^aeiouyäö]?)$/.exec(word);
  if (!m) return [];
  const [, head, cluster, tail] = m as unknown as [string, string, string, string];
  const out: string[] = [];
  for (const [s, w] of GRADATION) {
    const [from, to] = strong ? [w, s] : [s, w];
    if (cluster.endsWith(from)) out.push(head + cluster.slice(0, cluster.length - from.length) + to + tail);
  }
  return out;
}

function finnishLemmas(rest: string, ending: string): (() => string[])[] {
  const a = /[aou]/.test(rest) ? 'a' : 'ä';
  // Plural forms of i-nouns (pele-i-lle, anture-i-ta) and of a-nouns (marjo-ja, ravintolo-i-lle).
  if (/^e[ij]/.test(ending)) return [() => [rest + 'i', rest + 'e']];
  if (/^[oö][ij]/.test(ending)) {
    const forms = [rest + a, rest + 'o', rest + 'ö'];
    return [() => forms, () => forms.flatMap((f) => gradations(f, true)), () => forms.flatMap((f) => gradations(f, false))];
  }
  const last = rest.at(-1)!;
  const bare = rest.slice(0, -1);
  const forms = [rest, rest + a, rest + 'i', rest + 'o', rest + 'u', rest + 'y', rest + 'e', rest + 'ö'];
  if (VOWEL.test(last)) {
    forms.push(bare + 'i', bare + a, rest + 's');
    // k drops in the weak grade: hae-mme -> hakea, tue-mme -> tukea
    if (VOWEL.test(rest.at(-2) ?? '')) forms.push(bare + 'k' + last + a, bare + 'k' + last);
    // tarjoa-mme -> tarjota, suojaa-mme -> suojata (verbs in -ta/-tä)
    if (last === a && VOWEL.test(rest.at(-2) ?? '')) forms.push(bare + 't' + a);
    // myy-mme -> myydä, hallinnoi-mme -> hallinnoida
    forms.push(rest + 'd' + a);
    // suunnittele-mme -> suunnitella, julkaise-e -> julkaista, tarvitse-mme -> tarvita
    if (/[lnr]e$/.test(rest)) for (const b of [bare, ...gradations(bare, false)]) forms.push(b + rest.at(-2)! + a);
    if (rest.endsWith('se')) forms.push(bare.slice(0, -1) + 'st' + a, bare.slice(0, -1) + 'nen', bare + 'nen');
    if (rest.endsWith('itse')) forms.push(rest.slice(0, -2) + a);
    // koneiste-ttuja -> koneistaa
    if (last === 'e') forms.push(bare + a + a);
  }
  // yritykse-n, yrityks-i-ä -> yritys; pakkaukse-n -> pakkaus; teräkse-stä -> teräs
  if (rest.endsWith('kse')) forms.push(rest.slice(0, -3) + 's');
  if (rest.endsWith('ks')) forms.push(rest.slice(0, -2) + 's');
  // yksityis-i-lle -> yksityinen
  if (rest.endsWith('s')) forms.push(bare + 'nen');
  // ruostumattoma-sta -> ruostumaton
  const ton = /tt([oö])m[aä]?$/.exec(rest);
  if (ton) forms.push(rest.slice(0, ton.index) + 't' + ton[1] + 'n');
  // teollisuude-lle -> teollisuus, teollisuut-ta -> teollisuus
  if (/[uy]de$/.test(rest)) forms.push(rest.slice(0, -2) + 's');
  if (/[aeiouyäö][uy]t$/.test(rest)) forms.push(rest.slice(0, -1) + 's');
  // puhelime-n -> puhelin
  if (/ime?$/.test(rest)) forms.push(rest.replace(/ime?$/, 'in'));
  // tehtaa-lle -> tehdas, huonee-n -> huone
  if (/([aeiouyäö])\1$/.test(rest)) forms.push(bare + 's', bare);
  // The forms as they are, then in the strong grade (a weak-grade verb form: toimita-mme ->
  // toimittaa), then in the weak grade (a strong-grade case form: lääkke-itä -> lääke).
  // Headwords end in a vowel, or in -s or -n (yritys, puhelin); other consonant endings are the
  // Snowball stems in the vocabulary, which could belong to any word with that beginning.
  const lemma = (f: string) => /[aeiouyäösn]$/.test(f);
  return [
    () => forms.filter(lemma),
    () => forms.flatMap((f) => gradations(f, true)).filter(lemma),
    () => forms.flatMap((f) => gradations(f, false)).filter(lemma),
  ];
}

const FINNISH_ENDINGS = byLength(`
  isimme isitte isivat isivät isin isit isi imme itte ivat ivät mme tte vat vät taan tään daan dään ttiin tiin diin
  maan mään massa mässä masta mästä malla mällä maton mätön minen misen mista mistä miseen
  neet nut nyt ttuja ttyjä ttuna ttynä ttua ttyä ttu tty tuja tyjä tuna tynä tua tyä tu ty
  vien ville villa villä vassa vässä vaa vää via viä va vä
  issa issä ista istä illa illä ilta iltä ille iksi ihin iden itten ineen ina inä ita itä ien ia iä it
  oja öjä oita öitä oissa öissä oista öistä oille öille oilla öillä oihin öihin oiden öiden ojen öjen oiksi öiksi oina öinä
  eja ejä eita eitä eissa eissä eista eistä eille eilla eillä eihin eiden ejen eiksi eina einä
  ja jä jen ssa ssä sta stä lla llä lta ltä lle ksi seen siin hin hen han hon hun hyn hän hön den tten ten tta ttä
  sia siä sten set na nä ta tä nsa nsä nne a ä n t i e`);

function icelandicLemmas(rest: string): (() => string[])[] {
  const forms = [rest, rest + 'a', rest + 'i', rest + 'ur', rest + 'ir', rest + 'ar', rest + 'l', rest + 'n', rest + 'r', rest + 'un', rest + 'ing'];
  // u-umlaut: sölu-aðila -> sala, löndum -> land
  const i = rest.lastIndexOf('ö');
  if (i >= 0) {
    const plain = rest.slice(0, i) + 'a' + rest.slice(i + 1);
    forms.push(plain, plain + 'a', plain + 'ur', plain + 'i');
  }
  return [() => forms];
}

const ICELANDIC_INFLECTIONS = byLength(`
  unum inum anna unni inni arnir irnir urnar unar anir aðir uðum uðu aði aðu aður uð num ana ina inn ins ið in
  um ar ir ur na an un ri ra ja ju jum a i u s r n`);

function scandinavianLemmas(rest: string): (() => string[])[] {
  return [() => [rest, rest + 'e', rest + 'a', rest + 'er', rest + 'ar', rest + 'ere', rest + 'ning', rest + 'ing', rest + 'else']];
}

const SCANDINAVIAN_INFLECTIONS = byLength(`
  arnas ernas ornas arna erna orna ande ende ade ades ad at ar er or en et na ts de te tt are
  ene erne ede ete ens ets ere erer e s t n a r`);

const INFLECTIONS: Record<NordicLanguage, InflectionRules> = {
  fi: { endings: FINNISH_ENDINGS, lemmas: finnishLemmas },
  is: { endings: ICELANDIC_INFLECTIONS, lemmas: icelandicLemmas },
  sv: { endings: SCANDINAVIAN_INFLECTIONS, lemmas: scandinavianLemmas },
  nb: { endings: SCANDINAVIAN_INFLECTIONS, lemmas: scandinavianLemmas },
  da: { endings: SCANDINAVIAN_INFLECTIONS, lemmas: scandinavianLemmas },
};

// The endings by their last letter, so a word is compared only with endings it could have.
const ENDINGS_BY_LAST_LETTER = new Map<NordicLanguage, Map<string, string[]>>(
  (Object.entries(INFLECTIONS) as [NordicLanguage, InflectionRules][]).map(([language, rules]) => {
    const byLast = new Map<string, string[]>();
    for (const ending of rules.endings) byLast.set(ending.at(-1)!, [...(byLast.get(ending.at(-1)!) ?? []), ending]);
    return [language, byLast];
  }),
);

export function stemIcelandic(word: string): string {
  let stem = word;
  for (const ending of ICELANDIC_ENDINGS) {
    if (word.length - ending.length >= 3 && word.endsWith(ending)) {
      stem = word.slice(0, -ending.length);
      break;
    }
  }
  // u-umlaut turns a into ö before an ending with u (saga, sögu; plata, plötur): undo it so
  // the forms share a stem.
  return stem.replace(/ö/g, 'a');
}

type Stemmer = (word: string) => string;

/** How a word was resolved: see `NordicNormalizer.explain`. */
export type ResolutionPath = 'exact' | 'inflected' | 'loan' | 'other-nordic' | 'fuzzy' | 'compound' | 'english' | 'unknown';

export function stemmerFor(language: NordicLanguage): Stemmer {
  if (language === 'is') return stemIcelandic;
  const stemmer = snowball.newStemmer(SNOWBALL[language]);
  return (word) => stemmer.stem(word);
}

export const stripAccents = (word: string) => word.normalize('NFD').replace(/\p{Mn}/gu, '');

export class NordicNormalizer {
  private readonly stemmers = new Map<NordicLanguage, Stemmer>();
  /** Sorted stems per language, for prefix matching of forms the stemmer leaves apart. */
  private readonly sortedStems = new Map<NordicLanguage, string[]>();
  private readonly memo = new Map<string, readonly string[]>();
  private readonly wordLanguages = new Map<string, readonly (readonly [TextLanguage, number])[]>();
  private readonly parts = new Map<string, Part | undefined>();

  private readonly vocab: ReadonlyMap<string, number>;

  /** `vocab`: the model's tokens with their ids (a set when ids do not matter, as in tests). */
  constructor(
    vocab: ReadonlyMap<string, number> | ReadonlySet<string>,
    private readonly config: NordicNormalizerConfig,
  ) {
    this.vocab = vocab instanceof Map ? vocab : new Map([...vocab].map((t, i) => [t, i]));
    for (const language of NORDIC_LANGUAGES) {
      this.stemmers.set(language, stemmerFor(language));
      const tag = config.prefix + language;
      const stems = [...this.vocab.keys()].filter((t) => t.startsWith(tag)).map((t) => t.slice(tag.length));
      this.sortedStems.set(language, stems.sort());
    }
  }

  /** The model tokens of `text`, space-separated: what the model's own tokenizer would split. */
  normalize(text: string): string {
    return this.tokens(text).join(' ');
  }

  /** Token ids of `text`, ready for the model; the tokenizer's work is already done. */
  tokenIds(text: string): number[] {
    return this.tokens(text).map((t) => this.vocab.get(t)!);
  }

  private tokens(text: string): string[] {
    const words = wordsOf(text);
    const language = this.languageOf(words);
    const out: string[] = [];
    for (const word of words) out.push(...this.tokensOf(word, language));
    return out;
  }

  /**
   * The language of a text: two points for each function word of a language, one for each word
   * its lexicon (or, for English, the vocabulary) knows. English wins ties: it is the fallback.
   */
  detect(text: string): TextLanguage {
    return this.languageOf(wordsOf(text));
  }

  private languageOf(words: readonly string[]): TextLanguage {
    const score: Record<TextLanguage, number> = { en: 0, fi: 0, sv: 0, nb: 0, da: 0, is: 0 };
    for (const word of words.slice(0, LANGUAGE_SAMPLE)) {
      for (const [language, points] of this.languagePoints(word)) score[language] += points;
    }
    let best: TextLanguage = 'en';
    for (const language of NORDIC_LANGUAGES) if (score[language] > score[best]) best = language;
    return best;
  }

  /** What one word says about a text's language, worked out once per word: detection runs per text. */
  private languagePoints(word: string): readonly (readonly [TextLanguage, number])[] {
    let points = this.wordLanguages.get(word);
    if (!points) {
      const tally = new Map<TextLanguage, number>();
      const add = (language: TextLanguage, n: number) => tally.set(language, (tally.get(language) ?? 0) + n);
      for (const language of FUNCTION_WORD_LANGUAGES.get(word) ?? []) add(language, 2);
      if (this.vocab.has(word)) add('en', 1);
      for (const language of NORDIC_LANGUAGES) if (this.knows(word, language)) add(language, 1);
      points = [...tally];
      if (this.wordLanguages.size > 500_000) this.wordLanguages.clear();
      this.wordLanguages.set(word, points);
    }
    return points;
  }

  private knows(word: string, language: NordicLanguage): boolean {
    return this.cached(`?${language}:${word}`, () => this.exact(word, language) ?? []).length > 0;
  }

  /** Tokens of one word read as `language`; memoised, since profile vocabulary repeats a lot. */
  tokensOf(word: string, language: TextLanguage): readonly string[] {
    return this.cached(`${language}:${word}`, () => this.resolve(word, language));
  }

  private cached(key: string, compute: () => readonly string[]): readonly string[] {
    let tokens = this.memo.get(key);
    if (!tokens) {
      tokens = compute();
      if (this.memo.size > 500_000) this.memo.clear();
      this.memo.set(key, tokens);
    }
    return tokens;
  }

  /**
   * How `word` resolves when read as `language`: its tokens and the path that found them
   * (for coverage measurement and debugging; not memoised).
   */
  explain(word: string, language: TextLanguage): { tokens: readonly string[]; via: ResolutionPath } {
    return this.resolveWithPath(word.toLowerCase(), language);
  }

  private resolve(word: string, language: TextLanguage): string[] {
    return this.resolveWithPath(word, language).tokens;
  }

  private resolveWithPath(word: string, language: TextLanguage): { tokens: string[]; via: ResolutionPath } {
    const found = (tokens: string[] | undefined, via: ResolutionPath) => (tokens ? { tokens, via } : undefined);
    if (language !== 'en' && AUXILIARIES[language].has(word)) return { tokens: [], via: 'unknown' };
    if (language === 'en') return found(this.english(word), 'english') ?? found(this.anyNordic(word), 'other-nordic') ?? { tokens: [], via: 'unknown' };
    const whole = this.tag(language, word);
    // Finnish Snowball stems cut personal and case endings too deep (toimitamme -> toim, the stem
    // of toimia): endings undone back to a headword come first there.
    const finnish = language === 'fi' && !this.vocab.has(whole) ? this.inflected(word, language) : undefined;
    return (
      found(finnish, 'inflected') ??
      found(this.exact(word, language), 'exact') ??
      // Case and verb endings stripped back to a headword (valmistamme -> valmistaa).
      found(language === 'fi' ? undefined : this.inflected(word, language), 'inflected') ??
      // Loan words (software, design, startup) are written as in English.
      found(word.length >= 4 ? (this.english(word) ?? this.inflectedLoan(word, language)) : undefined, 'loan') ??
      // Mixed text, or Danish read as Norwegian: the other languages' lexicons.
      found(this.anyNordic(word, language), 'other-nordic') ??
      // A compound of known parts is a surer reading than a stem that merely looks alike.
      found(this.compound(word, language, false), 'compound') ??
      found(this.nearest(word, language), 'fuzzy') ??
      found(this.compound(word, language, true), 'compound') ?? { tokens: [], via: 'unknown' }
    );
  }

  private english(word: string): string[] | undefined {
    if (this.vocab.has(word)) return [word];
    const plain = stripAccents(word);
    return this.vocab.has(plain) ? [plain] : undefined;
  }

  private tag(language: NordicLanguage, stem: string): string {
    return this.config.prefix + language + stem;
  }

  /** The word as a headword, or its stem. */
  private exact(word: string, language: NordicLanguage): string[] | undefined {
    if (word.length < 2) return undefined;
    const whole = this.tag(language, word);
    if (this.vocab.has(whole)) return [whole];
    const tagged = this.tag(language, this.stemmers.get(language)!(word));
    return this.vocab.has(tagged) ? [tagged] : undefined;
  }

  private nearest(word: string, language: NordicLanguage): string[] | undefined {
    const near = this.nearestStem(this.stemmers.get(language)!(word), language);
    return near === undefined ? undefined : [this.tag(language, near)];
  }

  /** Whether any token of `language` begins with `prefix` (binary search in the sorted stems). */
  private hasStemStarting(prefix: string, language: NordicLanguage): boolean {
    const stems = this.sortedStems.get(language)!;
    return stems[lowerBound(stems, prefix)]?.startsWith(prefix) ?? false;
  }

  // Consonant gradation and case endings (pakkaus, pakkauksia, pakkausten) leave stems that
  // differ only at the end: accept a known stem that the word's stem extends or nearly shares.
  private nearestStem(stem: string, language: NordicLanguage): string | undefined {
    if (stem.length < this.config.fuzzyMinPrefix) return undefined;
    const stems = this.sortedStems.get(language)!;
    const lo = lowerBound(stems, stem);
    let best: string | undefined;
    let bestShared = 0;
    for (const i of [lo - 2, lo - 1, lo, lo + 1]) {
      const candidate = stems[i];
      if (candidate === undefined) continue;
      const shared = commonPrefix(candidate, stem);
      const tolerance = Math.min(2, Math.floor(candidate.length / 4));
      if (shared >= this.config.fuzzyMinPrefix && shared >= candidate.length - tolerance && shared >= stem.length - 3 && shared > bestShared) {
        best = candidate;
        bestShared = shared;
      }
    }
    return best;
  }

  /**
   * A headword reached by undoing an inflection: each ending the word has is stripped and the
   * remainder given back the endings and consonant grades a headword of the language can have.
   * Only whole headwords count here (not stems), so the guesses cannot land on chance stems.
   */
  private inflected(word: string, language: NordicLanguage): string[] | undefined {
    if (word.length < 4) return undefined;
    const rules = INFLECTIONS[language];
    const endings = (ENDINGS_BY_LAST_LETTER.get(language)!.get(word.at(-1)!) ?? []).filter((e) => word.endsWith(e) && word.length - e.length >= 3);
    // A headword that is the word without an ending wins (the longest such), then tier by tier,
    // within a tier the longest headword found (the least taken off the word).
    let direct: string | undefined;
    for (const ending of endings) {
      const rest = word.slice(0, word.length - ending.length);
      if (direct && rest.length <= direct.length) continue;
      if (/[aeiouyäöåæøsn]$/.test(rest) && this.vocab.has(this.tag(language, rest))) direct = rest;
    }
    if (direct) return [this.tag(language, direct)];
    const groups = endings.map((ending) => rules.lemmas(word.slice(0, word.length - ending.length), ending));
    for (let g = 0; g < 3; g++) {
      let best: string | undefined;
      for (const group of groups) {
        for (const candidate of group[g]?.() ?? []) {
          if (candidate.length < 3 || candidate === word || (best && candidate.length <= best.length)) continue;
          if (this.vocab.has(this.tag(language, candidate))) best = candidate;
        }
      }
      if (best) return [this.tag(language, best)];
    }
    // A Finnish possessive suffix after a case ending (asiakkaille·mme, tuotteistamme).
    if (language === 'fi') {
      for (const suffix of FINNISH_POSSESSIVES) {
        if (word.endsWith(suffix) && word.length - suffix.length >= 5) {
          const inner = word.slice(0, word.length - suffix.length);
          return this.vocab.has(this.tag(language, inner)) ? [this.tag(language, inner)] : this.inflected(inner, language);
        }
      }
    }
    return undefined;
  }

  /** One part of a compound: tokens and how surely it was found (see `compound`). */
  private part(word: string, language: NordicLanguage, depth: number, head: boolean): Part | undefined {
    const key = `${depth}${head ? 'h' : 'm'}${language}:${word}`;
    if (this.parts.has(key)) return this.parts.get(key);
    let found: Part | undefined;
    // Most cut positions leave a piece no lexicon stem even begins like: skip those cheaply.
    if (word.length >= MIN_PART && this.hasStemStarting(word.slice(0, MIN_PART), language)) {
      // Three-letter parts only as whole headwords (työ, maa, bil, tre): shorter stems match by chance.
      const whole = this.tag(language, word);
      if (this.vocab.has(whole)) found = { tokens: [whole], score: word.length ** 2 };
      else if (word.length > MIN_PART) {
        // Only the head carries the compound's inflection; a modifier is a stem or a headword.
        const direct = this.exact(word, language) ?? (head ? this.inflected(word, language) : undefined);
        if (direct) found = { tokens: direct, score: word.length ** 2 };
        else if (word.length >= MIN_FUZZY_PART) {
          const near = this.nearest(word, language);
          if (near) found = { tokens: near, score: word.length ** 2 / 2 };
        }
        if (!found && depth === 0) {
          const inner = this.split(word, language, depth + 1);
          if (inner) found = inner;
        }
      }
    }
    if (this.parts.size > 200_000) this.parts.clear();
    this.parts.set(key, found);
    return found;
  }

  /**
   * Splits a compound into known parts (modifier, head; each may itself be a two-part compound),
   * with the language's linking letters. Of all splits, the one whose parts are longest wins
   * (sum of squared part lengths): long known parts are rarely there by chance, short ones often
   * are (valmis + tamme). With `headAlone`, a known head of 5+ letters is accepted alone.
   */
  private compound(word: string, language: NordicLanguage, headAlone: boolean): string[] | undefined {
    let stem = word;
    // Finnish possessive suffixes (yhtiömme, tuotteensa) sit outside the compound.
    if (language === 'fi')
      for (const suffix of FINNISH_POSSESSIVES)
        if (stem.endsWith(suffix) && stem.length - suffix.length >= 6) {
          stem = stem.slice(0, -suffix.length);
          break;
        }
    if (!headAlone) return this.split(stem, language, 0)?.tokens;
    for (let cut = MIN_PART; cut <= stem.length - MIN_HEAD_ALONE; cut++) {
      const head = this.part(stem.slice(cut), language, 1, true);
      if (head) return head.tokens;
    }
    return undefined;
  }

  private split(word: string, language: NordicLanguage, depth: number): Part | undefined {
    let best: Part | undefined;
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const head = this.part(word.slice(cut), language, depth, true) ?? this.englishPart(word.slice(cut), language, true);
      if (!head) continue;
      const modifier = word.slice(0, cut);
      for (const link of LINKS[language]) {
        if (link && !modifier.endsWith(link)) continue;
        const base = modifier.slice(0, modifier.length - link.length);
        if (base.length < MIN_PART) continue;
        const mod = this.part(base, language, depth, false) ?? this.englishPart(base, language);
        if (!mod) continue;
        const score = mod.score + head.score - (link ? 1 : 0);
        if (!best || score > best.score) best = { tokens: [...mod.tokens, ...head.tokens], score };
      }
    }
    return best;
  }

  /** A Scandinavian definite or plural form of an English loan word (studioet, designerne). */
  private inflectedLoan(word: string, language: NordicLanguage): string[] | undefined {
    if (language === 'fi' || language === 'is') return undefined;
    for (const ending of SCANDINAVIAN_INFLECTIONS) {
      if (word.endsWith(ending) && word.length - ending.length >= 4) {
        const loan = this.english(word.slice(0, word.length - ending.length));
        if (loan) return loan;
      }
    }
    return undefined;
  }

  /**
   * An English loan word as a compound part: a modifier as written (5+ letters), a head also in
   * a Scandinavian inflected form, but then only a common English word of 5+ letters (the
   * vocabulary is in frequency order), since rare ones (names, places) match endings by chance.
   */
  private englishPart(word: string, language: NordicLanguage, head = false): Part | undefined {
    if (word.length < 5) return undefined;
    let tokens = this.english(word);
    if (head) {
      tokens ??= this.inflectedLoan(word, language);
      if (tokens && (tokens[0]!.length < 5 || (this.vocab.get(tokens[0]!) ?? Infinity) >= COMMON_LOAN_RANK)) tokens = undefined;
    }
    return tokens ? { tokens, score: word.length ** 2 } : undefined;
  }

  private anyNordic(word: string, except?: NordicLanguage): string[] | undefined {
    for (const language of NORDIC_LANGUAGES) {
      if (language === except) continue;
      const found = this.exact(word, language);
      if (found) return found;
    }
    return undefined;
  }
}

/** The first index of `sorted` whose entry is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
