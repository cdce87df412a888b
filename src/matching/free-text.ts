// Free text read as people write it: "We make X and are looking for Y in Norway" says what the
// writer offers, what they seek and where. Cue phrases in six languages split the two sides, and
// country names become a preference. General language only: no sector or product words here.

/** What a free text says about its writer. */
export interface ReadText {
  /** What the writer is and offers (sentences without a cue count as describing the writer). */
  offers: string;
  /** What the writer seeks; empty when no sentence says it. */
  needs: string;
  /** Countries the text names, in order of first mention. */
  countries: string[];
  /** Kinds of export opportunity the text asks for (tender, investment, …). */
  opportunityTypes: string[];
}

type Side = 'offers' | 'needs';

// Phrases that open what the writer seeks. Matched at word boundaries, lower-case.
const NEED_CUES = [
  // en
  'looking for',
  'look for',
  'looks for',
  'seeking',
  'we seek',
  'searching for',
  'in search of',
  'we need',
  'need',
  'needs',
  'we want',
  'want',
  'wants',
  'would like',
  "we'd like",
  'require',
  'requires',
  'interested in',
  'any',
  'are there',
  'is there',
  'who can',
  // sv
  'söker',
  'letar efter',
  'letar',
  'behöver',
  'vill ha',
  'vill',
  'önskar',
  'efterfrågar',
  'finns det',
  'intresserade av',
  'vem kan',
  // nb
  'søker',
  'ser etter',
  'leter etter',
  'trenger',
  'vil ha',
  'vil',
  'ønsker',
  'hvem kan',
  'på jakt etter',
  'finnes det',
  // da
  'søger',
  'leder efter',
  'har brug for',
  'mangler',
  'vil gerne',
  'er der',
  'findes der',
  // fi
  'etsimme',
  'etsii',
  'etsivät',
  'etsitään',
  'haemme',
  'hakee',
  'tarvitsemme',
  'tarvitsee',
  'tarvitaan',
  'haluamme',
  'haluaa',
  'haluavat',
  'haluaisimme',
  'kaipaamme',
  'onko',
  'löytyykö',
  'kiinnostaa',
  // is
  'leitum',
  'leitar',
  'leita',
  'vantar',
  'þurfum',
  'þarf',
  'viljum',
  'vill',
  'óskum eftir',
  'eru einhver',
  'er einhver',
  'hver getur',
];

// Phrases that open what the writer does or offers. "We" followed by any other verb counts too.
const OFFER_CUES = [
  'we are',
  "we're",
  'our',
  'vi är',
  'vi er',
  'vår',
  'vårt',
  'vores',
  'við erum',
  'okkar',
  'olemme',
  'we offer',
  'we provide',
  'we supply',
  'we sell',
  'vi erbjuder',
  'vi tilbyr',
  'vi tilbyder',
  'tarjoamme',
  'toimitamme',
  'við bjóðum',
];
const FIRST_PERSON = new Set(['we', 'vi', 'við']);
// Finnish first-person plural verbs (valmistamme, kehitämme) open what the writer does.
const FINNISH_WE_VERB = /^\p{L}{3,}(?:mme)$/u;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

interface Cue {
  words: string[];
  side: Side;
}

const CUES: Cue[] = [
  ...NEED_CUES.map((c) => ({ words: c.split(' '), side: 'needs' as const })),
  ...OFFER_CUES.map((c) => ({ words: c.split(' '), side: 'offers' as const })),
  // Longest first, so "vil gerne" wins over "vil" and "we need" over "we".
].sort((a, b) => b.words.length - a.words.length);

export function readFreeText(text: string): ReadText {
  const offers: string[] = [];
  const needs: string[] = [];
  let seenNeed = false;
  for (const sentence of text.split(/(?<=[.!?;])\s+|\n+/)) {
    const words = [...sentence.matchAll(WORD)].map((m) => m[0]);
    const lower = words.map((w) => w.toLowerCase().replace(/’/g, "'"));
    // A sentence without a cue describes the writer, unless it follows what they seek.
    let side: Side = seenNeed ? 'needs' : 'offers';
    for (let i = 0; i < words.length; i++) {
      const cue = cueAt(lower, i);
      if (cue) side = cue;
      if (side === 'needs') seenNeed = true;
      (side === 'needs' ? needs : offers).push(words[i]!);
    }
  }
  return {
    offers: offers.join(' '),
    needs: needs.join(' '),
    countries: namedCountries(text),
    opportunityTypes: namedOpportunityTypes(needs.join(' ') || text),
  };
}

function cueAt(words: readonly string[], i: number): Side | undefined {
  for (const cue of CUES) {
    if (cue.words.every((w, k) => words[i + k] === w)) return cue.side;
  }
  const word = words[i]!;
  if (FIRST_PERSON.has(word)) return 'offers';
  if (FINNISH_WE_VERB.test(word)) return 'offers';
  return undefined;
}

// Country names, adjectives and their case forms in the six languages, as word patterns.
const COUNTRY_PATTERNS: [country: string, pattern: RegExp][] = [
  ['FI', /^(finland\p{L}*|finnish|finsk\p{L}*|finnland\p{L}*|suomi|suome\p{L}*|suomalai\p{L}*)$/u],
  ['SE', /^(sweden|swedish|sverige\p{L}*|svensk\p{L}*|ruotsi\p{L}*|ruotsa\p{L}*|svíþjóð\p{L}*|sænsk\p{L}*)$/u],
  ['NO', /^(norway|norwegian|\p{L}*norge\p{L}*|norsk\p{L}*|norja\p{L}*|norjan\p{L}*|noreg\p{L}*|norð\p{L}*-noreg\p{L}*)$/u],
  ['DK', /^(denmark|danish|danmark\p{L}*|dansk\p{L}*|tanska\p{L}*|danmörk\p{L}*|dönsk\p{L}*)$/u],
  ['IS', /^(iceland|icelandic|isländsk\p{L}*|islandsk\p{L}*|islanti\p{L}*|islanni\p{L}*|ísland\p{L}*|íslensk\p{L}*)$/u],
];

/** Countries a text names, in order of first mention ("i Norge", "Norjasta", "í Noregi", "in Denmark"). */
export function namedCountries(text: string): string[] {
  // Candidates' needs are read on every ranking: remember recent answers.
  let found = COUNTRY_MEMO.get(text);
  if (!found) {
    found = findCountries(text);
    if (COUNTRY_MEMO.size >= COUNTRY_MEMO_LIMIT) COUNTRY_MEMO.clear();
    COUNTRY_MEMO.set(text, found);
  }
  return [...found];
}

const COUNTRY_MEMO = new Map<string, string[]>();
const COUNTRY_MEMO_LIMIT = 50_000;

function findCountries(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const lower = word.toLowerCase();
    // "Island" is Iceland in Scandinavian text, but an island in English: only the capitalised
    // Scandinavian form after "på" counts, which the caller cannot tell apart cheaply, so keep it
    // to the capitalised word not at the start of a sentence.
    const country =
      lower === 'island'
        ? word === 'Island' && match.index > 0 && !/[.!?]\s*$/.test(text.slice(0, match.index))
          ? 'IS'
          : undefined
        : COUNTRY_PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0];
    if (country && !found.includes(country)) found.push(country);
  }
  return found;
}

// Words that ask for a kind of opening, by the start of the word in the six languages.
const OPPORTUNITY_TYPE_PATTERNS: [type: string, pattern: RegExp][] = [
  ['tender', /^(tender|procurement|upphandl|anbud|udbud|hankin|tarjouskilpailu|útboð|innkjøp|indkøb)/u],
  ['investment', /^(invest|riskkapital|venture|sijoitta|pääom|fjárfest|kapital|funding|financ|rahoitu|fjármagn)/u],
  ['distributor-search', /^(distribut|jakelij|dreifingarað|återförsälj|forhandl|jälleenmyy|importer|importør|maahantuo)/u],
  ['buyer-request', /^(buyer|köpare|kjøper|køber|ostaj|kaupend|purchaser)/u],
  ['project-call', /^(project|projekt|prosjekt|hanke|hankkee|pilot|research|forskning|tutkimu|rannsókn|verkefn|consorti|konsorti)/u],
];

/** Opportunity types a text asks for ("upphandlingar", "riskkapital", "pilot projects"). */
export function namedOpportunityTypes(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    for (const [type, pattern] of OPPORTUNITY_TYPE_PATTERNS) if (pattern.test(match[0])) found.add(type);
  }
  return [...found];
}
