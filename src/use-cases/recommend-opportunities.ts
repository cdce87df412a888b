// Export opportunities abroad for a company (or a free-text description), and the companies to
// alert about an opportunity. Both directions score the same pair identically.
import { z } from 'zod';
import { decimalInt,
  CountrySchema, OpportunityTypeSchema, PartnerTypeSchema, SectorSchema, daysLeft, isOpen,
  type Company, type Opportunity,
} from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import { AUDIENCE_SIGNALS, describeStrength, OPPORTUNITY_SIGNALS, rankCandidates, type CandidateQuery, type ExplainSide, type RankedCandidate } from '../matching/index.js';
import type { Engine } from './engine.js';
import { embedFreeText, FreeTextSchema } from './recommend-partners.js';
import { storedVectors } from './stored-vectors.js';
import { parseOrThrow } from './validate.js';
import { getEntity } from './write-entities.js';

export const OpportunityFiltersSchema = z.object({
  limit: decimalInt(1, 100).default(10),
  types: z.array(OpportunityTypeSchema).max(10).optional(),
  sectors: z.array(SectorSchema).max(30).optional(),
  countries: z.array(CountrySchema).max(8).optional(),
});

export const OpportunitySearchSchema = OpportunityFiltersSchema.extend(FreeTextSchema.shape).strict();

export const AudienceFiltersSchema = z.object({
  limit: decimalInt(1, 500).default(50),
  countries: z.array(CountrySchema).max(8).optional(),
  sectors: z.array(SectorSchema).max(30).optional(),
  partnerTypes: z.array(PartnerTypeSchema).max(10).optional(),
});

export interface OpportunityResult {
  opportunity: Opportunity;
  score: number;
  scores: Record<string, number>;
  strength: string;
  reasons: string[];
}

export interface OpportunityResponse {
  results: OpportunityResult[];
  model: string;
}

export interface AudienceResult {
  company: Company;
  score: number;
  scores: Record<string, number>;
  strength: string;
  reasons: string[];
}

export interface AudienceResponse {
  opportunity: Opportunity & { open: boolean };
  results: AudienceResult[];
  model: string;
}

/** `now: null` ranks closed opportunities too (quality evaluation on judged sets only). */
export interface Clock {
  now?: Date | null;
}

export async function opportunitiesForCompany(engine: Engine, id: string, filters: unknown, clock: Clock = {}): Promise<OpportunityResponse> {
  const f = parseOrThrow(OpportunityFiltersSchema, filters, 'opportunity query');
  const company = await getEntity(engine, 'company', id);
  const vectors = await storedVectors(engine, 'company', id);
  const asker: ExplainSide = { texts: facetTexts('company', company), vectors, sectors: company.sectors };
  return respond(engine, { vectors, country: company.country, sectors: company.sectors }, f, asker, clock);
}

export async function opportunitiesForText(engine: Engine, body: unknown, clock: Clock = {}): Promise<OpportunityResponse> {
  const s = parseOrThrow(OpportunitySearchSchema, body, 'opportunity search');
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker, clock);
}

async function respond(
  engine: Engine,
  query: CandidateQuery,
  f: z.output<typeof OpportunityFiltersSchema>,
  asker: ExplainSide,
  clock: Clock,
): Promise<OpportunityResponse> {
  const now = clock.now === undefined ? new Date() : clock.now;
  const filters = { countries: f.countries, sectors: f.sectors, kinds: f.types, openAt: now ?? undefined };
  const ranked = rankCandidates(engine.index.opportunities, query, filters, f.limit, OPPORTUNITY_SIGNALS);
  const byId = new Map((await engine.repo.getMany('opportunity', ranked.map((r) => r.id))).map((o) => [o.id, o]));
  const results: OpportunityResult[] = [];
  for (const r of ranked) {
    const opportunity = byId.get(r.id);
    if (!opportunity) continue;
    results.push({ opportunity, score: r.score, strength: describeStrength(r.score), scores: r.scores, reasons: await explainOpportunity(engine, asker, opportunity, r, now) });
  }
  return { results, model: engine.embedder.modelId };
}

export async function explainOpportunity(engine: Engine, asker: ExplainSide, o: Opportunity, ranked: RankedCandidate, now: Date | null): Promise<string[]> {
  const candidate = { texts: facetTexts('opportunity', o), vectors: engine.index.opportunities.vectorsOf(o.id), sectors: o.sectors };
  const reasons = await engine.explainer.explain(asker, candidate, ranked, OPPORTUNITY_SIGNALS);
  return [...reasons, describeOpening(o, now)];
}

/** "Tender in NO, open until 2027-01-20 (54 days left)". */
export function describeOpening(o: Opportunity, now: Date | null): string {
  const kind = `${o.type.charAt(0).toUpperCase()}${o.type.slice(1).replace('-', ' ')} in ${o.country}`;
  if (!o.deadline) return `${kind}, no deadline given`;
  if (!now) return `${kind}, deadline ${o.deadline}`;
  const days = daysLeft(o.deadline, o.country, now);
  const left = days === 0 ? 'closes today' : days > 0 ? `${days} day${days === 1 ? '' : 's'} left` : 'closed';
  return `${kind}, open until ${o.deadline} (${left})`;
}

/** Companies in other countries that fit an opportunity best: whom staff should alert. */
export async function companiesForOpportunity(engine: Engine, id: string, filters: unknown, clock: Clock = {}): Promise<AudienceResponse> {
  const f = parseOrThrow(AudienceFiltersSchema, filters, 'audience query');
  const opportunity = await getEntity(engine, 'opportunity', id);
  const now = clock.now === undefined ? new Date() : clock.now;
  const asker = audienceAsker(opportunity, await storedVectors(engine, 'opportunity', id));
  const ranked = rankAudience(engine, opportunity, asker.vectors, f);
  const companies = new Map((await engine.repo.getMany('company', ranked.map((r) => r.id))).map((c) => [c.id, c]));
  const results: AudienceResult[] = [];
  for (const r of ranked) {
    const company = companies.get(r.id);
    if (!company) continue;
    results.push({ company, score: r.score, strength: describeStrength(r.score), scores: r.scores, reasons: await explainAudience(engine, asker, company, r) });
  }
  const open = now ? isOpen(opportunity.deadline, opportunity.country, now) : true;
  return { opportunity: { ...opportunity, open }, results, model: engine.embedder.modelId };
}

export function rankAudience(engine: Engine, o: Pick<Opportunity, 'country' | 'sectors'>, vectors: CandidateQuery['vectors'], f: z.output<typeof AudienceFiltersSchema>): RankedCandidate[] {
  const query: CandidateQuery = { vectors, country: o.country, sectors: o.sectors };
  return rankCandidates(engine.index.companies, query, f, f.limit, AUDIENCE_SIGNALS);
}

export function audienceAsker(o: Opportunity, vectors: CandidateQuery['vectors']): ExplainSide {
  return { texts: facetTexts('opportunity', o), vectors, sectors: o.sectors };
}

export function explainAudience(engine: Engine, asker: ExplainSide, company: Company, ranked: RankedCandidate): Promise<string[]> {
  const candidate = { texts: facetTexts('company', company), vectors: engine.index.companies.vectorsOf(company.id), sectors: company.sectors };
  return engine.explainer.explain(asker, candidate, ranked, AUDIENCE_SIGNALS);
}
