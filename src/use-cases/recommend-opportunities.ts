// Export opportunities abroad for a company (or a free-text description), and the companies to
// alert about an opportunity. Both directions score the same pair identically.
import { z } from 'zod';
import {
  COUNTRIES,
  decimalInt,
  listFilter,
  OPPORTUNITY_TYPES,
  PARTNER_TYPES,
  SECTORS,
  CountrySchema,
  OpportunityTypeSchema,
  PartnerTypeSchema,
  SectorSchema,
  daysLeft,
  isOpen,
  type Company,
  type Opportunity,
} from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import {
  AUDIENCE_SIGNALS,
  describeOpeningIn,
  FITTED_CALIBRATION,
  OPPORTUNITY_SIGNALS,
  readerLanguage,
  type CandidateQuery,
  type ReaderLanguage,
} from '../matching/index.js';
import { verdictsFor } from './read-verdicts.js';
import { companyCandidate, hybridResults, scoredFields, type ScoredResult } from './hybrid-results.js';
import type { Engine } from '../engine/index.js';
import { embedFreeText, FreeTextSchema, profileAsker, ReaderLanguageSchema, type Asker, type RecommendOptions } from './recommend-partners.js';
import { storedVectors, type FacetVectors } from '../index-lifecycle/index.js';
import { getEntity } from './get-entity.js';

/** The one opportunity filter: the HTTP query, the search body and every other caller share it. */
export const OpportunityFiltersSchema = z.strictObject({
  limit: decimalInt(1, 100).default(10),
  types: listFilter(OpportunityTypeSchema, OPPORTUNITY_TYPES.length).optional().meta({ description: 'Only these opportunity types' }),
  sectors: listFilter(SectorSchema, SECTORS.length).optional(),
  countries: listFilter(CountrySchema, COUNTRIES.length).optional(),
  language: ReaderLanguageSchema,
});

export const OpportunitySearchSchema = OpportunityFiltersSchema.extend(FreeTextSchema.shape).strict();

/** A free-text opportunity search as parsed at the edge (defaults applied). */
export type OpportunitySearch = z.output<typeof OpportunitySearchSchema>;

/** Whom staff should alert about an opportunity: the HTTP query and the digest share it. */
export const AudienceFiltersSchema = z.strictObject({
  limit: decimalInt(1, 500).default(50),
  countries: listFilter(CountrySchema, COUNTRIES.length).optional(),
  sectors: listFilter(SectorSchema, SECTORS.length).optional(),
  partnerTypes: listFilter(PartnerTypeSchema, PARTNER_TYPES.length).optional(),
});

export type OpportunityFilters = z.output<typeof OpportunityFiltersSchema>;
export type AudienceFilters = z.output<typeof AudienceFiltersSchema>;

export type OpportunityResult = ScoredResult<'opportunity', Opportunity>;

export interface OpportunityResponse {
  results: OpportunityResult[];
  model: string;
}

export type AudienceResult = ScoredResult<'company', Company>;

export interface AudienceResponse {
  opportunity: Opportunity & { open: boolean };
  results: AudienceResult[];
  model: string;
}

/** `now: null` ranks closed opportunities too (quality evaluation on judged sets only). */
export interface Clock {
  now?: Date | null;
}

export async function opportunitiesForCompany(
  engine: Engine,
  id: string,
  f: OpportunityFilters,
  clock: Clock = {},
  options: RecommendOptions = {},
): Promise<OpportunityResponse> {
  const company = await getEntity(engine, 'company', id);
  const vectors = await storedVectors(engine, 'company', id);
  const language = readerLanguage(f.language, options.acceptLanguage);
  const verdicts = options.verdicts === false ? undefined : await verdictsFor(engine, id, 'opportunity');
  return respond(engine, { vectors, country: company.country, sectors: company.sectors }, f, profileAsker(company), clock, language, verdicts);
}

/** Opportunities for a free-text search, parsed by the caller (the edge, or `OpportunitySearchSchema.parse`). */
export async function opportunitiesForText(
  engine: Engine,
  s: OpportunitySearch,
  clock: Clock = {},
  options: RecommendOptions = {},
): Promise<OpportunityResponse> {
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  const language = readerLanguage(s.language, options.acceptLanguage);
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker, clock, language);
}

async function respond(
  engine: Engine,
  query: CandidateQuery,
  f: OpportunityFilters,
  asker: Asker,
  clock: Clock,
  language: ReaderLanguage,
  verdicts?: ReadonlyMap<string, 'good' | 'wrong'>,
): Promise<OpportunityResponse> {
  const now = clock.now === undefined ? new Date() : clock.now;
  const filters = { countries: f.countries, sectors: f.sectors, opportunityTypes: f.types, openAt: now ?? undefined };
  const results = await hybridResults(engine, {
    type: 'opportunity',
    dense: { query, filters, signals: OPPORTUNITY_SIGNALS },
    limit: f.limit,
    signals: OPPORTUNITY_SIGNALS,
    calibration: FITTED_CALIBRATION.opportunities,
    asker,
    sideOf: opportunitySide,
    language,
    sectorsOf: (o) => o.sectors,
    askerSectors: asker.sectors,
    verdicts,
  });
  return {
    results: results.map((r) => ({ opportunity: r.entity, ...scoredFields(r, [...r.reasons, describeOpening(r.entity, now, language)]) })),
    model: engine.embedder.modelId,
  };
}

const opportunitySide = (o: Opportunity) => ({ texts: facetTexts('opportunity', o), country: o.country, opportunityType: o.type });

/** "Tender, Norway, open until 2027-01-20 (54 days left)", in the reader's language. */
export function describeOpening(o: Opportunity, now: Date | null, language: ReaderLanguage = 'en'): string {
  return describeOpeningIn(o, now ? daysLeft(o.deadline ?? '', o.country, now) : null, language);
}

/** Companies in other countries that fit an opportunity best: whom staff should alert. */
export async function companiesForOpportunity(engine: Engine, id: string, f: AudienceFilters, clock: Clock = {}): Promise<AudienceResponse> {
  const opportunity = await getEntity(engine, 'opportunity', id);
  const now = clock.now === undefined ? new Date() : clock.now;
  const results = await rankAudience(engine, opportunity, await storedVectors(engine, 'opportunity', id), f);
  const open = now ? isOpen(opportunity.deadline, opportunity.country, now) : true;
  return { opportunity: { ...opportunity, open }, results, model: engine.embedder.modelId };
}

/**
 * The companies abroad an opportunity fits, scored from each company's side so that both
 * directions agree on every pair (the digest and the company's own list never disagree).
 */
export async function rankAudience(engine: Engine, o: Opportunity, vectors: FacetVectors, f: AudienceFilters): Promise<AudienceResult[]> {
  const query: CandidateQuery = { vectors, country: o.country, sectors: o.sectors };
  const results = await hybridResults(engine, {
    ...companyCandidate,
    dense: { query, filters: f, signals: AUDIENCE_SIGNALS },
    limit: f.limit,
    signals: OPPORTUNITY_SIGNALS,
    calibration: FITTED_CALIBRATION.opportunities,
    asker: { ...opportunitySide(o), preferredCountries: [] },
    mirrored: true,
    language: 'en',
    askerSectors: o.sectors,
  });
  return results.map((r) => ({ company: r.entity, ...scoredFields(r) }));
}
