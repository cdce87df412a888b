// Partner recommendations for a stored company or for a free-text description.
import { z } from 'zod';
import { decimalInt, CountrySchema, PartnerTypeSchema, SectorSchema, toPublicCompany, type Company, type PublicCompany } from '../domain/index.js';
import { employeeBand, shortDescription, type EmployeeBand } from '../domain/company-card.js';
import { facetTexts } from '../embedding/index.js';
import {
  asAsker, DEFAULT_RANKER, FITTED_CALIBRATION, PARTNER_SIGNALS, rankCandidates, READER_LANGUAGES, readerLanguage, readFreeText,
  type CandidateFilters, type CandidateQuery, type HybridAsker, type ReaderLanguage,
} from '../matching/index.js';
import { verdictsFor } from './feedback.js';
import { hybridResults } from './hybrid-results.js';
import type { Engine } from './engine.js';
import { defined, storedVectors, type FacetVectors } from './stored-vectors.js';
import { parseOrThrow } from './validate.js';
import { getEntity } from './write-entities.js';

export interface PartnerResult {
  company: PublicCompany;
  /** The fused ranking score, 0..1 (comparable within one answer). */
  score: number;
  /** Calibrated probability (0..1) that a person judges this result relevant; see README "Matching quality". */
  relevance: number;
  scores: Record<string, number>;
  /** The relevance in words: very strong, strong, good or some. */
  strength: string;
  reasons: string[];
  /** The first sentences of the company's description, in its own language, for a result card. */
  summary: string;
  /** The company's size class (EU SME bands), or null when unknown. */
  employeeBand: EmployeeBand | null;
}

export interface PartnerResponse {
  results: PartnerResult[];
  model: string;
  /** Only on a paged search (one that sent `offset`): where the next page starts, or null at the end. */
  nextOffset?: number | null;
}

export const PartnerFiltersSchema = z.object({
  limit: decimalInt(1, 100).default(10),
  countries: z.array(CountrySchema).max(8).optional(),
  sectors: z.array(SectorSchema).max(30).optional(),
  partnerTypes: z.array(PartnerTypeSchema).max(10).optional(),
  /** The reader's language for reasons; else the Accept-Language header, else English. */
  language: z.enum(READER_LANGUAGES).optional(),
});

/** What someone without a profile writes: one text, or offers and needs apart. */
export const FreeTextSchema = z.object({
  text: z.string().trim().min(3, 'describe your company and what you seek (at least 3 characters)').max(5_000),
  /** Your country: matches are always from another one. */
  country: CountrySchema,
  /** What you offer, if you want to say it apart from `text`. */
  offers: z.string().max(5_000).optional(),
  /** What you seek, if you want to say it apart from `text`. */
  needs: z.string().max(5_000).optional(),
});

/** A paged search ranks at most this many results in all, pages of at most PAGE_SIZE_MAX each. */
export const PAGED_TOTAL = 40;
export const PAGE_SIZE_MAX = 20;

export const PartnerSearchSchema = PartnerFiltersSchema.extend(FreeTextSchema.shape)
  .extend({
    /** Asks for a page: the results from here on, with `nextOffset` in the answer ("show more"). */
    offset: z.number().int().min(0).max(PAGED_TOTAL - 1).optional(),
  })
  .strict()
  .refine((s) => s.offset === undefined || s.limit <= PAGE_SIZE_MAX, { path: ['limit'], message: `at most ${PAGE_SIZE_MAX} per page when offset is given` });

export type PartnerFilterInput = z.input<typeof PartnerFiltersSchema>;

/** How a recommendation is asked for beside its filters. */
export interface RecommendOptions {
  /** The request's Accept-Language header: reasons follow it when the filters name no language. */
  acceptLanguage?: string | undefined;
  /** Staff verdicts on the company's suggestions move them (default); evaluation against the verdicts turns this off. */
  verdicts?: boolean;
}

/** `among` restricts partners to a set of companies, e.g. an event's participants. */
export async function partnersForCompany(engine: Engine, id: string, filters: PartnerFilterInput, among?: ReadonlySet<string>, options: RecommendOptions = {}): Promise<PartnerResponse> {
  const f = { ...parseOrThrow(PartnerFiltersSchema, filters, 'partner query'), among };
  const company = await getEntity(engine, 'company', id);
  const query: CandidateQuery = { vectors: await storedVectors(engine, 'company', id), country: company.country, sectors: company.sectors, excludeId: id };
  const verdicts = options.verdicts === false ? undefined : await verdictsFor(engine, id, 'partner');
  return respond(engine, query, f, profileAsker(company), readerLanguage(f.language, options.acceptLanguage), { verdicts });
}


export async function partnersForText(engine: Engine, body: unknown, options: RecommendOptions = {}): Promise<PartnerResponse> {
  const s = parseOrThrow(PartnerSearchSchema, body, 'partner search');
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  const page = s.offset === undefined ? undefined : { offset: s.offset, limit: s.limit };
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker, readerLanguage(s.language, options.acceptLanguage), { page });
}

/** An asker of a recommendation: its texts by facet, sectors, and where it stands. */
export interface Asker extends HybridAsker {
  sectors: readonly string[];
}

/** A stored company as an asker: its texts, sectors, and the countries and openings its needs name. */
export function profileAsker(company: Company): Asker {
  return { ...asAsker({ texts: facetTexts('company', company), country: company.country }), sectors: company.sectors };
}

/**
 * Reads a free text as a company-shaped asker: what the writer offers and seeks (split by cue
 * phrases unless given apart), and the countries and kinds of opening it names as preferences.
 * Each distinct text is embedded once. A text that never says what it offers leaves `offers`
 * out rather than comparing the writer's needs with the candidates' needs, which would rank
 * competitors first.
 */
export async function embedFreeText(engine: Engine, s: z.output<typeof FreeTextSchema>, sectors: readonly string[]): Promise<Asker & { vectors: FacetVectors }> {
  const read = readFreeText(s.text);
  const texts: Record<string, string> = {
    profile: s.text,
    offers: s.offers?.trim() || (read.needs ? read.offers : s.text),
    needs: s.needs?.trim() || read.needs || s.text,
  };
  const distinct = [...new Set(Object.values(texts).filter((t) => t.trim()))];
  const embedded = await engine.embedder.embed(distinct, 'query');
  const vectors = defined(Object.fromEntries(Object.entries(texts).map(([facet, text]) => [facet, text.trim() ? embedded[distinct.indexOf(text)] : undefined])));
  return { texts, vectors, sectors, country: s.country, preferredCountries: read.countries.filter((c) => c !== s.country), preferredKinds: read.opportunityTypes };
}

// Dense ranking draws this many candidates (at least) for hybrid re-ranking to reorder.
export const RERANK_DEPTH = 30;

async function respond(
  engine: Engine,
  query: CandidateQuery,
  f: CandidateFilters & { limit: number },
  asker: Asker,
  language: ReaderLanguage,
  { verdicts, page }: { verdicts?: ReadonlyMap<string, 'good' | 'wrong'> | undefined; page?: { offset: number; limit: number } | undefined } = {},
): Promise<PartnerResponse> {
  // Every page of a paged search ranks the same bounded list (the same draw and pool whatever the
  // offset), so pages neither repeat nor skip a result; one extra result tells whether more follow.
  const shown = page ? PAGED_TOTAL : f.limit;
  const end = page ? Math.min(page.offset + page.limit, PAGED_TOTAL) : f.limit;
  const results = await hybridResults(engine, {
    type: 'company',
    pool: rankCandidates(engine.index.companies, query, f, Math.max(shown * 3, RERANK_DEPTH), PARTNER_SIGNALS, DEFAULT_RANKER, shown),
    limit: page ? Math.min(end + 1, PAGED_TOTAL) : f.limit,
    offset: page?.offset,
    signals: PARTNER_SIGNALS,
    calibration: FITTED_CALIBRATION.partners,
    asker,
    sideOf: (c) => ({ texts: facetTexts('company', c), country: c.country }),
    language,
    partnerTypesOf: (c) => c.partnerTypes,
    sectorsOf: (c) => c.sectors,
    askerSectors: asker.sectors,
    verdicts,
  });
  const shownResults = page ? results.slice(0, end - page.offset) : results;
  const response: PartnerResponse = {
    results: shownResults.map((r) => ({
      company: toPublicCompany(r.entity), score: r.ranked.score, relevance: r.relevance, strength: r.strength, scores: r.ranked.scores, reasons: r.reasons,
      summary: shortDescription(r.entity.description), employeeBand: employeeBand(r.entity.employees),
    })),
    model: engine.embedder.modelId,
  };
  if (page) response.nextOffset = results.length > shownResults.length ? end : null;
  return response;
}
