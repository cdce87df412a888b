// Matching pasted company names to stored companies: the request shapes and the pure scoring.
// Names are compared after the same letter folding as the word index (search-words.ts), so
// "Laxoga" and "Laxøga" are one name, and a typo costs a little score instead of the match.
import { z } from 'zod';
import { IdSchema } from './schemas.js';
import { foldText, searchWords } from './search-words.js';

export const MAX_MATCH_LINES = 500;
export const MAX_MATCH_LINE_CHARS = 200;
/** Alternatives offered per line in the review step. */
export const MAX_MATCH_CANDIDATES = 5;
/** Below this a company is not offered at all: the line is treated as "not found". */
export const MIN_MATCH_SCORE = 0.35;

export const ParticipantMatchSchema = z.strictObject({
  lines: z.array(z.string().max(MAX_MATCH_LINE_CHARS)).min(1).max(MAX_MATCH_LINES),
});

export const BulkParticipantsSchema = z.strictObject({
  companyIds: z.array(IdSchema).min(1).max(MAX_MATCH_LINES),
});

/**
 * Similarity of two names in [0, 1]: the Dice coefficient of their letter trigrams after
 * folding, lifted when every word of the line is the start of a word of the name (a pasted
 * "Laxoga" for "Laxøga AS" is a sure match even though the trigrams of "as" are missing).
 */
export function nameSimilarity(line: string, name: string): number {
  const a = foldText(line)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const b = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!a || !b) return 0;
  if (a === b) return 1;
  const dice = diceOfTrigrams(a, b);
  const lineWords = searchWords(a);
  const nameWords = searchWords(b);
  const prefixes = lineWords.every((w) => nameWords.some((n) => n.startsWith(w))) ? 0.9 : 0;
  return Math.round(Math.max(dice, prefixes * Math.min(1, a.length / b.length + 0.3)) * 1000) / 1000;
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function diceOfTrigrams(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const [g, n] of ta) shared += Math.min(n, tb.get(g) ?? 0);
  const total = [...ta.values(), ...tb.values()].reduce((s, n) => s + n, 0);
  return total ? (2 * shared) / total : 0;
}

/**
 * The word-index searches that find a line's candidates, most specific first: all its words,
 * then each long word alone, then each long word's first part (a typo near the end of
 * "Laxogaa" still finds "Laxøga"). At most 1 + 2 × 3 searches, each an index lookup with its
 * own cap (MAX_SEARCH_MATCHES), so the cost per line does not grow with the table.
 */
export function candidateSearches(line: string): string[] {
  const words = searchWords(line);
  if (!words.length) return [];
  const long = [...new Set(words)]
    .filter((w) => w.length >= 3)
    .sort((x, y) => y.length - x.length)
    .slice(0, 3);
  const searches = [words.slice(0, 8).join(' '), ...long, ...long.map((w) => w.slice(0, Math.max(3, Math.ceil(w.length * 0.6))))];
  return [...new Set(searches)];
}
