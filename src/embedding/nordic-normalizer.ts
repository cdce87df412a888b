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
  fi: ['ja', 'on', 'että', 'se', 'joka', 'jotka', 'ovat', 'myös', 'sekä', 'tai', 'kuin', 'olemme', 'meidän', 'ei', 'mutta'],
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
// Linking letters Scandinavian compounds put between their parts (`förpackning-s-material`).
const LINKS: Record<NordicLanguage, string[]> = { fi: [''], sv: ['', 's', 'e', 'a', 'u'], nb: ['', 's', 'e'], da: ['', 's', 'e'], is: ['', 's', 'a', 'u', 'ar'] };
const MIN_PART = 3;
// A known head with an unknown modifier still says what the thing is, if it is not too short.
const MIN_HEAD_ALONE = 5;

// Icelandic has no Snowball stemmer: strip the commonest inflectional endings, longest first.
const ICELANDIC_ENDINGS = [
  'arnir', 'irnir', 'urnar', 'unnar', 'anna', 'unum', 'inum', 'inni', 'ings', 'anir', 'unni', 'inu', 'num', 'inn', 'ins', 'ina',
  'ið', 'ann', 'rar', 'ar', 'ir', 'ur', 'um', 'na', 'an', 'in', 'un', 'ri', 'ra', 'ja', 'i', 'a', 'u', 's', 'r',
].sort((a, b) => b.length - a.length);

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
      for (const language of FUNCTION_WORD_LANGUAGES.get(word) ?? []) score[language] += 2;
      if (this.vocab.has(word)) score.en++;
      for (const language of NORDIC_LANGUAGES) if (this.knows(word, language)) score[language]++;
    }
    let best: TextLanguage = 'en';
    for (const language of NORDIC_LANGUAGES) if (score[language] > score[best]) best = language;
    return best;
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

  private resolve(word: string, language: TextLanguage): string[] {
    if (language === 'en') return this.english(word) ?? this.anyNordic(word) ?? [];
    return (
      this.exact(word, language) ??
      // Loan words (software, design, startup) are written as in English.
      (word.length >= 4 ? this.english(word) : undefined) ??
      // Mixed text, or Danish read as Norwegian: the other languages' lexicons.
      this.anyNordic(word, language) ??
      this.nearest(word, language) ??
      this.compound(word, language) ??
      []
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

  private nordic(word: string, language: NordicLanguage): string[] | undefined {
    return this.exact(word, language) ?? this.nearest(word, language);
  }

  // Consonant gradation and case endings (pakkaus, pakkauksia, pakkausten) leave stems that
  // differ only at the end: accept a known stem that the word's stem extends or nearly shares.
  private nearestStem(stem: string, language: NordicLanguage): string | undefined {
    if (stem.length < this.config.fuzzyMinPrefix) return undefined;
    const stems = this.sortedStems.get(language)!;
    let lo = 0;
    let hi = stems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (stems[mid]! < stem) lo = mid + 1;
      else hi = mid;
    }
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

  /** Splits a compound into a known modifier and a known head (the head carries the meaning). */
  private compound(word: string, language: NordicLanguage): string[] | undefined {
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const head = this.nordic(word.slice(cut), language);
      if (!head) continue;
      const modifier = word.slice(0, cut);
      for (const link of LINKS[language]) {
        if (link && !modifier.endsWith(link)) continue;
        const base = modifier.slice(0, modifier.length - link.length);
        if (base.length < MIN_PART) continue;
        const mod = this.nordic(base, language) ?? (base.length >= 5 ? this.english(base) : undefined);
        if (mod) return [...mod, ...head];
      }
      // Only the head is known: it still says what the thing is.
      if (word.length - cut >= MIN_HEAD_ALONE) return head;
    }
    return undefined;
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

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
