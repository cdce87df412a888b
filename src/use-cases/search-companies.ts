// Company search for staff that finds what they mean: the words with their stems, the sector the
// query names in any of six languages, and, when no company has the words, the profiles closest
// in meaning (the embedder and the company index), labelled as such. Costs stay bounded: the word
// index is capped as for `q`, and the fallback asks the index for at most SEMANTIC_K neighbours.
import { z } from 'zod';
import {
  CountrySchema,
  decimalInt,
  IdSchema,
  MAX_SEARCH_CHARS,
  MAX_SEARCH_WORDS,
  searchWordForms,
  searchWords,
  SectorSchema,
  sectorsNamed,
  type Company,
  type Sector,
} from '../domain/index.js';
import type { Engine } from '../engine/index.js';
import { parseOrThrow } from '../validation/index.js';

/** The fallback offers at most this many profiles: a hint, not a ranking to page through. */
export const SEMANTIC_K = 5;
/**
 * Profiles less similar than this are not offered: with the shipped model, unrelated profiles
 * score about 0-0.1 and a fitting one 0.4 or more ("trout" -> a salmon farm 0.64, a battery maker 0.06).
 */
export const MIN_SIMILARITY = 0.2;
/** Neighbours asked of the index when filters apply, so a few still pass them: bounded all the same. */
const SEMANTIC_FILTERED_K = SEMANTIC_K * 8;

export const CompanySearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'type a word to search for')
    .max(MAX_SEARCH_CHARS)
    .refine((q) => searchWords(q).length >= 1, 'type a word (letters or digits) to search for')
    .refine((q) => searchWords(q).length <= MAX_SEARCH_WORDS, `at most ${MAX_SEARCH_WORDS} words (letters and digits; anything else separates words)`)
    .meta({ description: `Up to ${MAX_SEARCH_WORDS} words; stems, sector names (six languages) and letters without accents find their forms` }),
  limit: decimalInt(1, 100).default(20).meta({ description: 'Page size (1-100)' }),
  offset: decimalInt(0, 10_000_000).default(0),
  country: CountrySchema.optional(),
  sector: SectorSchema.optional(),
  cluster: IdSchema.optional().meta({ description: 'Only members of this cluster' }),
});
export type CompanySearchQuery = z.infer<typeof CompanySearchQuerySchema>;

/** How the companies were found: by their words (or named sector), by meaning, or not at all. */
export type MatchedBy = 'words' | 'meaning' | 'none';

export interface CompanySearchResult {
  items: Company[];
  total: number;
  matchedBy: MatchedBy;
  /** Sectors the query names ("fish farming" -> aquaculture): their companies match too. */
  sectors: Sector[];
  /** With `meaning`: each offered company's cosine similarity to the query, best first. */
  similarity: { id: string; similarity: number }[];
  /** What to try next, when the words found nothing. */
  hint: string | null;
}

const HINT_MEANING = 'No company has these words. These are the profiles closest in meaning; check the spelling or try other words.';
const HINT_NONE = 'No company has these words. Check the spelling, try fewer or other words, or create the company.';

export async function searchCompanies(engine: Pick<Engine, 'repo' | 'embedder' | 'index'>, input: unknown): Promise<CompanySearchResult> {
  const { q, limit, offset, ...filters } = parseOrThrow(CompanySearchQuerySchema, input, 'company search');
  const sectors = sectorsNamed(q);
  const page = await engine.repo.list('company', { limit, offset, ...filters, wordForms: searchWordForms(q), orSectors: sectors });
  if (page.total > 0 || offset > 0) return { ...page, matchedBy: 'words', sectors, similarity: [], hint: null };
  const filtered = Object.values(filters).some(Boolean);
  const closest = await closestInMeaning(engine, q, filtered ? SEMANTIC_FILTERED_K : SEMANTIC_K);
  const byId = new Map(
    (
      await engine.repo.getMany(
        'company',
        closest.map((c) => c.id),
      )
    ).map((c) => [c.id, c]),
  );
  // A company deleted since the index saw it is left out, and so is one the filters exclude.
  const found = closest
    .filter((c) => c.similarity >= MIN_SIMILARITY && byId.has(c.id) && passes(byId.get(c.id)!, filters))
    .slice(0, Math.min(SEMANTIC_K, limit));
  if (!found.length) return { items: [], total: 0, matchedBy: 'none', sectors, similarity: [], hint: HINT_NONE };
  return { items: found.map((c) => byId.get(c.id)!), total: found.length, matchedBy: 'meaning', sectors, similarity: found, hint: HINT_MEANING };
}

function passes(c: Company, f: { country?: string | undefined; sector?: Sector | undefined; cluster?: string | undefined }): boolean {
  return (!f.country || c.country === f.country) && (!f.sector || c.sectors.includes(f.sector)) && (!f.cluster || c.clusterIds.includes(f.cluster));
}

/** Up to `k` companies whose whole profile is nearest the query text. */
async function closestInMeaning(engine: Pick<Engine, 'embedder' | 'index'>, text: string, k: number): Promise<{ id: string; similarity: number }[]> {
  const profiles = engine.index.companies.facet('profile');
  if (profiles.size === 0) return [];
  const [vector] = await engine.embedder.embed([text], 'query');
  return profiles.search(vector!, Math.min(k, profiles.size)).map((hit) => ({ id: hit.key, similarity: Math.round(hit.similarity * 1000) / 1000 }));
}
