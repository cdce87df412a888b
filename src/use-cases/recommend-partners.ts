// Partner recommendations for a stored company or for a free-text description.
import { z } from 'zod';
import {
  COUNTRIES,
  decimalInt,
  listFilter,
  PARTNER_TYPES,
  SECTORS,
  CountrySchema,
  PartnerTypeSchema,
  SectorSchema,
  toPublicCompany,
  type Company,
  type PublicCompany,
} from '../domain/index.js';
import { employeeBand, shortDescription, type EmployeeBand } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import {
  asAsker,
  FITTED_CALIBRATION,
  PARTNER_SIGNALS,
  READER_LANGUAGES,
  readerLanguage,
  readFreeText,
  type CandidateFilters,
  type CandidateQuery,
  type HybridAsker,
  type ReaderLanguage,
} from '../matching/index.js';
import { verdictsFor } from './read-verdicts.js';
import { companyCandidate, hybridResults, scoredFields, type ScoredResult } from './hybrid-results.js';
import type { Engine } from '../engine/index.js';
import { defined, storedVectors, type FacetVectors } from '../index-lifecycle/index.js';
import { getEntity } from './get-entity.js';

/** A partner result: the public profile, its scores and reasons, and what a result card shows. */
export type PartnerResult = ScoredResult<'company', PublicCompany> & {
  /** The first sentences of the company's description, in its own language, for a result card. */
  summary: string;
  /** The company's size class (EU SME bands), or null when unknown. */
  employeeBand: EmployeeBand | null;
};

export interface PartnerResponse {
  results: PartnerResult[];
  model: string;
  /** Only on a paged search (one that sent `offset`): where the next page starts, or null at the end. */
  nextOffset?: number | null;
}

/** The reader's language for reasons; else the Accept-Language header, else English. */
export const ReaderLanguageSchema = z
  .enum(READER_LANGUAGES)
  .optional()
  .meta({ description: 'Language of the reasons (en, sv, fi, nb, da, is); else the Accept-Language header, else English' });

/** The one partner filter: the HTTP query, the search body and every other caller share it. */
export const PartnerFiltersSchema = z.strictObject({
  limit: decimalInt(1, 100).default(10),
  countries: listFilter(CountrySchema, COUNTRIES.length).optional(),
  sectors: listFilter(SectorSchema, SECTORS.length).optional(),
  partnerTypes: listFilter(PartnerTypeSchema, PARTNER_TYPES.length).optional().meta({ description: 'Only companies looking for a partner of these types' }),
  language: ReaderLanguageSchema,
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
    offset: z
      .number()
      .int()
      .min(0)
      .max(PAGED_TOTAL - 1)
      .optional(),
  })
  .strict()
  .refine((s) => s.offset === undefined || s.limit <= PAGE_SIZE_MAX, { path: ['limit'], message: `at most ${PAGE_SIZE_MAX} per page when offset is given` });

/** A free-text partner search as parsed at the edge (defaults applied). */
export type PartnerSearch = z.output<typeof PartnerSearchSchema>;

/** Partner filters as validated at the edge (defaults applied). */
export type PartnerFilters = z.output<typeof PartnerFiltersSchema>;

/** How a recommendation is asked for beside its filters. */
export interface RecommendOptions {
  /** The request's Accept-Language header: reasons follow it when the filters name no language. */
  acceptLanguage?: string | undefined;
  /** Staff verdicts on the company's suggestions move them (default); evaluation against the verdicts turns this off. */
  verdicts?: boolean;
}

/** `among` restricts partners to a set of companies, e.g. an event's participants. */
export async function partnersForCompany(
  engine: Engine,
  id: string,
  filters: PartnerFilters,
  among?: ReadonlySet<string>,
  options: RecommendOptions = {},
): Promise<PartnerResponse> {
  const f = { ...filters, among };
  const company = await getEntity(engine, 'company', id);
  const query: CandidateQuery = { vectors: await storedVectors(engine, 'company', id), country: company.country, sectors: company.sectors, excludeId: id };
  const verdicts = options.verdicts === false ? undefined : await verdictsFor(engine, id, 'partner');
  return respond(engine, query, f, profileAsker(company), readerLanguage(f.language, options.acceptLanguage), { verdicts });
}

/** Partners for a free-text search, parsed by the caller (the edge, or `PartnerSearchSchema.parse`). */
export async function partnersForText(engine: Engine, s: PartnerSearch, options: RecommendOptions = {}): Promise<PartnerResponse> {
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  const page = s.offset === undefined ? undefined : { offset: s.offset, limit: s.limit };
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker, readerLanguage(s.language, options.acceptLanguage), {
    page,
  });
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
 * phrases unless given apart), and the countries and opportunity types it names as preferences.
 * Each distinct text is embedded once. A text that never says what it offers leaves `offers`
 * out rather than comparing the writer's needs with the candidates' needs, which would rank
 * competitors first.
 */
export async function embedFreeText(
  engine: Engine,
  s: z.output<typeof FreeTextSchema>,
  sectors: readonly string[],
): Promise<Asker & { vectors: FacetVectors }> {
  const read = readFreeText(s.text);
  const texts: Record<string, string> = {
    profile: s.text,
    offers: s.offers?.trim() || (read.needs ? read.offers : s.text),
    needs: s.needs?.trim() || read.needs || s.text,
  };
  const distinct = [...new Set(Object.values(texts).filter((t) => t.trim()))];
  const embedded = await engine.embedder.embed(distinct, 'query');
  const vectors = defined(
    Object.fromEntries(Object.entries(texts).map(([facet, text]) => [facet, text.trim() ? embedded[distinct.indexOf(text)] : undefined])),
  );
  return {
    texts,
    vectors,
    sectors,
    country: s.country,
    preferredCountries: read.countries.filter((c) => c !== s.country),
    preferredOpportunityTypes: read.opportunityTypes,
  };
}

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
    ...companyCandidate,
    dense: { query, filters: f, signals: PARTNER_SIGNALS },
    depth: shown,
    limit: page ? Math.min(end + 1, PAGED_TOTAL) : f.limit,
    offset: page?.offset,
    signals: PARTNER_SIGNALS,
    calibration: FITTED_CALIBRATION.partners,
    asker,
    language,
    askerSectors: asker.sectors,
    verdicts,
  });
  const shownResults = page ? results.slice(0, end - page.offset) : results;
  const response: PartnerResponse = {
    results: shownResults.map((r) => ({
      company: toPublicCompany(r.entity),
      ...scoredFields(r),
      summary: shortDescription(r.entity.description),
      employeeBand: employeeBand(r.entity.employees),
    })),
    model: engine.embedder.modelId,
  };
  if (page) response.nextOffset = results.length > shownResults.length ? end : null;
  return response;
}
