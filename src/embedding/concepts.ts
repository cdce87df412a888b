// Language-independent terms of a text, for the lexical signal beside the dense vectors: every
// content word becomes an English concept (its stem), whatever language it was written in, with a
// weight for how specific it is. Finnish "akkujärjestelmä", Swedish "batterisystem" and English
// "battery systems" share the concepts `batteri` and `system`; "weld" weighs far more than "build".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import snowball from 'snowball-stemmers';
import type { NordicNormalizer, TextLanguage } from './nordic-normalizer.js';

/** One concept of a text: what it means, how specific it is, and the word that carried it. */
export interface Term {
  /** English stem (`batteri`), or `~word` for a word no lexicon knows (product names, rare words). */
  concept: string;
  /** 0..1: near 0 for everyday and generic business words, 1 for rare, specific ones. */
  weight: number;
  /** The word as written, lower-case. */
  word: string;
  /** The English word the concept stems from (the word itself for unknown words). */
  english: string;
}

export interface TextTerms {
  language: TextLanguage;
  terms: Term[];
}

export interface ConceptTable {
  /** Nordic model token -> English translations, most central first. */
  translations: Record<string, string[]>;
  /** Per Nordic language: English word -> the headword that renders it. */
  words: Record<string, Record<string, string>>;
}

// Everyday words rank below this in the source's frequency list and say little; rarer than the
// upper rank, a word is as specific as it gets.
const COMMON_RANK = 300;
const RARE_RANK = 40_000;
const MIN_LETTERS = 3;
/** Unknown words are kept as themselves only from this length: shorter ones are mostly noise. */
const MIN_UNKNOWN = 5;
const UNKNOWN_WEIGHT = 0.7;
const GENERIC_WEIGHT = 0.1;

// The vocabulary of partner profiles: present in nearly every need and offer, so sharing them
// proves nothing (a match on "distributor" and "device" alone is no match).
const GENERIC = new Set(
  `company business firm enterprise startup partner partnership customer client buyer seller supplier distributor distribution
   reseller retailer wholesaler importer exporter dealer agent manufacturer maker producer provider vendor contractor
   product service solution system systems equipment device devices technology technical tool platform project programme
   quality market export import sale sales develop development design make produce production manufacture manufacturing
   offer provide supply deliver sell buy need seek want look find search require interested like help support work team
   every each all build built new small large big good high best better leading modern innovative experience expert
   international global local nordic region regional scandinavian europe european country countries world year years
   today first also together include including use using able access direct full long level part well based area
   opportunity opportunities cooperation collaboration network contact our own other more most wide range various`
    .split(/\s+/)
    .filter(Boolean),
);
// Countries are a preference of their own (see the query reader), not words to match on.
const PLACES = new Set(
  `finland finnish sweden swedish norway norwegian denmark danish iceland icelandic nordic nordics scandinavia
   scandinavian baltic germany german`
    .split(/\s+/)
    .filter(Boolean),
);

// Function words of the six languages: the dense model averages them away, but as terms they
// would match everything (Icelandic "við" is "we", not the wood its lexicon entry also means).
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `about above after again against all also and any are because been before being below between both but can could did
   does doing down during each few for from further had has have having her here hers him his how into its itself just
   more most nor not now off once only other our ours out over own same she should some such than that the their theirs
   them then there these they this those through too under until very was were what when where which while who whom why
   will with would you your yours per via etc our we're we'd any
   och att det som ett är för med på av till den har inte om oss vår våra vårt eller från kan ska samt även där här nu
   vill måste också mycket inom utan efter under hos genom mot mellan sig sin sina sitt alla andra annan
   että tai kuin myös sekä olla ovat joka jotka meidän mukaan olemme mutta kanssa sekä jossa joiden jonka meille meiltä
   tämä nämä hän niin vain sitten kun jos vielä
   og er til af med den det de som en et vi vores eller fra kan skal også har ikke for at der her nu vil gerne meget
   inden uden efter under hos gennem mod mellem sig sin sine alle andre anden
   av vår våre å ikke fra hos mellom gjennom mot eller noe noen
   við og er til á af með sem okkar eða frá getur skal einnig hefur ekki fyrir að í um eru erum sem þess þar hér nú vil
   viljum mjög eftir undir hjá gegnum milli sig sína allir aðra annar upp einhver einhverjir`
    .split(/\s+/)
    .filter(Boolean),
);

const englishStemmer = snowball.newStemmer('english');
const stem = (word: string) => englishStemmer.stem(word);

export function loadConceptTable(modelFolder: string): ConceptTable | undefined {
  const file = path.join(modelFolder, 'concepts.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as ConceptTable;
}

export class ConceptReader {
  private readonly memo = new Map<string, readonly Term[]>();

  /** `vocab`: the model's tokens with their ids; English ids are ranks in the source's frequency list. */
  constructor(
    private readonly normalizer: NordicNormalizer,
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly table: ConceptTable,
    private readonly memoLimit = 200_000,
  ) {}

  /** `language`: the text's language when known (a stored profile's); otherwise it is detected. */
  read(text: string, language: TextLanguage = this.normalizer.detect(text)): TextTerms {
    const terms: Term[] = [];
    for (const match of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}]*/gu)) {
      const word = match[0];
      if (word.length < MIN_LETTERS || FUNCTION_WORDS.has(word)) continue;
      terms.push(...this.termsOf(word, language));
    }
    return { language, terms };
  }

  /** The headword that renders an English concept word in `language`, if the lexicon has one. */
  wordFor(english: string, language: TextLanguage): string | undefined {
    if (language === 'en') return english;
    return this.table.words[language]?.[english];
  }

  private termsOf(word: string, language: TextLanguage): readonly Term[] {
    const key = `${language}:${word}`;
    let terms = this.memo.get(key);
    if (!terms) {
      terms = this.resolve(word, language);
      if (this.memo.size >= this.memoLimit) this.memo.clear();
      this.memo.set(key, terms);
    }
    return terms;
  }

  private resolve(word: string, language: TextLanguage): Term[] {
    const tokens = this.normalizer.tokensOf(word, language);
    if (tokens.length === 0) {
      return word.length >= MIN_UNKNOWN ? [{ concept: `~${word}`, weight: UNKNOWN_WEIGHT, word, english: word }] : [];
    }
    const out: Term[] = [];
    for (const token of tokens) {
      // A Nordic token means its most central English translation.
      const english = this.table.translations[token]?.[0] ?? token;
      const weight = this.weightOf(english);
      if (weight > 0) out.push({ concept: stem(english), weight, word, english });
    }
    return out;
  }

  private weightOf(english: string): number {
    if (PLACES.has(english)) return 0;
    const rank = this.vocab.get(english) ?? RARE_RANK;
    const specificity = Math.min(1, Math.max(0, Math.log(rank / COMMON_RANK) / Math.log(RARE_RANK / COMMON_RANK)));
    return GENERIC.has(english) ? Math.min(specificity, GENERIC_WEIGHT) : specificity;
  }
}
