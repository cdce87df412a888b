// What a staff search means beyond its literal words: each word's other forms (Snowball stems of
// the five Nordic-market languages the stemmers know, so "batteries" also finds "battery"), and
// the sector a query names in any of the six languages ("fish farming", "fiskeldi" ->
// aquaculture). The word index is not changed: Snowball stems in these languages are prefixes of
// the inflected forms, so a prefix match of the stem finds them on SQLite FTS5 and PostgreSQL
// tsvector alike. English turns a final y into i ("battery" -> "batteri"), the one case where the
// stem is no prefix of a form; that stem is also searched with its y.
// The console's type check reads the domain's types too, without the server's declarations folder.
/// <reference path="../types/snowball-stemmers.d.ts" />
import snowball from 'snowball-stemmers';
import { foldText, MIN_PREFIX_CHARS } from './search-words.js';
import { SECTORS, type Sector } from './vocabulary.js';

const STEMMERS = ['english', 'swedish', 'norwegian', 'danish', 'finnish'].map((l) => snowball.newStemmer(l));
/** A shorter stem would match too much as a prefix ("farm" matches "farmaceutisk"; "fi" most words). */
export const MIN_STEM_CHARS = 4;
/** Forms per word, the word itself included: the query stays small whatever a stemmer returns. */
export const MAX_FORMS_PER_WORD = 4;

/** Lower-case words as typed (letters kept), split where search-words.ts splits. */
const rawWords = (q: string): string[] =>
  q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The folded word and its folded stems, longest first, at most MAX_FORMS_PER_WORD. */
export function wordForms(word: string): string[] {
  const forms = new Set([foldText(word)]);
  if (word.length >= MIN_STEM_CHARS && !/\d/.test(word)) {
    const stems = STEMMERS.map((s) => s.stem(word)).filter((s) => s.length >= MIN_STEM_CHARS);
    for (const stem of stems) {
      forms.add(foldText(stem));
      if (stem.endsWith('i')) forms.add(foldText(`${stem.slice(0, -1)}y`));
    }
  }
  // A form that is a prefix of another already finds it: keep the shorter one only.
  const kept = [...forms].filter((f) => f.length >= MIN_PREFIX_CHARS || forms.size === 1);
  const minimal = kept.filter((f) => !kept.some((g) => g !== f && f.startsWith(g)));
  return minimal.sort((a, b) => b.length - a.length).slice(0, MAX_FORMS_PER_WORD);
}

/** Per query word, the forms any of which may match (prefix), in query order. */
export const searchWordForms = (q: string): string[][] => rawWords(q).map(wordForms);

// Sector names as people write them, in English (with everyday synonyms) and the Nordic
// languages. Words like "and", "och", "og", "ja" are left out: a name is matched by its words.
const SECTOR_NAMES: Record<Sector, string[]> = {
  bioeconomy: ['bioeconomy', 'bio economy', 'bioekonomi', 'biotalous', 'bioøkonomi', 'lífhagkerfi'],
  forestry: ['forestry', 'forest', 'skogsbruk', 'skog', 'metsätalous', 'metsä', 'skogbruk', 'skovbrug', 'skógrækt'],
  cleantech: ['cleantech', 'clean tech', 'environmental technology', 'miljöteknik', 'puhdas teknologia', 'cleantech', 'miljøteknologi', 'hrein tækni'],
  energy: ['energy', 'energi', 'energia', 'orka'],
  hydrogen: ['hydrogen', 'vätgas', 'vety', 'brint', 'vetni'],
  batteries: ['battery', 'batteries', 'batterier', 'akku', 'akut', 'rafhlaða', 'rafhlöður'],
  maritime: ['maritime', 'shipping', 'sjöfart', 'meriteollisuus', 'maritim', 'maritim næring', 'siglingar'],
  aquaculture: [
    'aquaculture',
    'fish farming',
    'fish farm',
    'salmon farming',
    'vattenbruk',
    'fiskodling',
    'vesiviljely',
    'kalankasvatus',
    'havbruk',
    'fiskeoppdrett',
    'oppdrett',
    'akvakultur',
    'fiskeopdræt',
    'fiskeldi',
  ],
  food: ['food', 'livsmedel', 'elintarvike', 'elintarvikkeet', 'mat', 'fødevarer', 'matvæli'],
  health: ['health', 'healthcare', 'hälsa', 'terveys', 'helse', 'sundhed', 'heilbrigði'],
  medtech: ['medtech', 'medical technology', 'medical devices', 'medicinteknik', 'terveysteknologia', 'medisinsk teknologi', 'medicoteknik', 'lækningatækni'],
  ict: ['ict', 'information technology', 'ikt', 'tieto tekniikka', 'upplýsingatækni'],
  'ai-data': ['ai data', 'artificial intelligence', 'machine learning', 'ai och data', 'tekoäly data', 'tekoäly', 'ki data', 'gervigreind gögn', 'gervigreind'],
  cybersecurity: [
    'cybersecurity',
    'cyber security',
    'information security',
    'cybersäkerhet',
    'kyberturvallisuus',
    'cybersikkerhet',
    'cybersikkerhed',
    'netöryggi',
  ],
  gaming: ['gaming', 'games', 'video games', 'spel', 'pelit', 'peli', 'spill', 'spil', 'tölvuleikir'],
  manufacturing: ['manufacturing', 'tillverkning', 'valmistava teollisuus', 'teollisuus', 'industri', 'fremstilling', 'framleiðsla'],
  robotics: ['robotics', 'robots', 'robotik', 'robotiikka', 'robotikk', 'robotteknologi', 'róbótatækni'],
  mining: ['mining', 'gruvnäring', 'gruvdrift', 'kaivosala', 'kaivos', 'gruvedrift', 'minedrift', 'námuvinnsla'],
  construction: ['construction', 'building', 'bygg', 'byggnad', 'rakentaminen', 'bygg anlegg', 'byggeri', 'byggingariðnaður'],
  tourism: ['tourism', 'travel', 'turism', 'matkailu', 'reiseliv', 'turisme', 'ferðaþjónusta'],
  logistics: ['logistics', 'transport', 'logistik', 'logistiikka', 'logistikk', 'flutningar'],
  textiles: ['textiles', 'textile', 'fashion', 'textil', 'tekstiili', 'tekstiilit', 'tekstil', 'tekstiler', 'textíll'],
  space: ['space', 'space technology', 'rymd', 'avaruus', 'romfart', 'rumfart', 'geimtækni'],
  fintech: ['fintech', 'financial technology', 'finanssiteknologia', 'fjártækni'],
  education: ['education', 'edtech', 'utbildning', 'koulutus', 'utdanning', 'uddannelse', 'menntun'],
  creative: ['creative industries', 'kreativa näringar', 'luovat alat', 'kreative næringer', 'kreative erhverv', 'skapandi greinar'],
};

// Equal forms, not prefixes: "air" must not name the sector "AI and data".
const sameWord = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
// Joining words of sector names ("AI and data", "bygg og anlegg"): a name is matched by its other words.
const JOINING = new Set(['and', 'och', 'og', 'ja', 'og', 'of', 'the', 'samt']);
const contentWords = (q: string) => rawWords(q).filter((w) => !JOINING.has(w));

// Each name as its words' forms: a query names a sector when its words and a name's words pair
// up one to one by a shared form ("batteries" and "battery" share "batteri").
const NAME_FORMS: [Sector, string[][]][] = SECTORS.flatMap((s) =>
  SECTOR_NAMES[s].map((name) => [s, contentWords(name).map(wordForms)] as [Sector, string[][]]),
);

/** The sectors whose name (in any language) the whole query is, as words in any order and form. */
export function sectorsNamed(q: string): Sector[] {
  const query = contentWords(q).map(wordForms);
  if (!query.length) return [];
  const named = new Set<Sector>();
  for (const [sector, name] of NAME_FORMS) {
    if (name.length === query.length && name.every((w) => query.some((qw) => sameWord(w, qw))) && query.every((qw) => name.some((w) => sameWord(w, qw)))) {
      named.add(sector);
    }
  }
  return [...named];
}
