// The words of a staff search (`q`), split and folded exactly as the databases' word indexes
// split and fold the searched text (prisma/migrations/*_word_search): what is counted against
// the cap is what is searched.

/** At most this many words, and characters before splitting, per search. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_SEARCH_CHARS = 200;
/**
 * A search looks at no more than this many rows holding its words (then applies the other
 * filters, sorts and pages): its cost is bounded whatever the table size. A word in most
 * profiles ("company") needs another word to narrow it.
 */
export const MAX_SEARCH_MATCHES = 2_000;
/** Shorter words match whole words only: a one-letter prefix would expand to most of the index. */
export const MIN_PREFIX_CHARS = 2;

// Letters that Unicode does not decompose into a base letter and an accent. The migrations
// replace the same letters, upper and lower case, before indexing.
const NORDIC_LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ð: 'd', þ: 'th', ß: 'ss', œ: 'oe', ł: 'l', đ: 'd' };

/** Lower case, accents removed (ä → a, é → e), Nordic letters spelled in ASCII (ø → o, þ → th). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æøåðþßœłđ]/g, (c) => NORDIC_LETTERS[c]!);
}

/** Words are runs of letters and digits; everything else (spaces, punctuation, `%`, `_`) separates. */
export const searchWords = (q: string): string[] =>
  foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
