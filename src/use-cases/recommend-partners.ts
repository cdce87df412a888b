// Partner recommendations for a stored company or for a free-text description.
import { z } from 'zod';
import { decimalInt, CountrySchema, PartnerTypeSchema, SectorSchema, toPublicCompany, type Company, type PublicCompany } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import { describeStrength, rankCandidates, type CandidateFilters, type CandidateQuery, type ExplainSide, type RankedCandidate } from '../matching/index.js';
import type { Engine } from './engine.js';
import { defined, storedVectors } from './stored-vectors.js';
import { parseOrThrow } from './validate.js';
import { getEntity } from './write-entities.js';

export interface PartnerResult {
  company: PublicCompany;
  score: number;
  scores: Record<string, number>;
  /** The score in words: very strong, strong, good or some. */
  strength: string;
  reasons: string[];
}

export interface PartnerResponse {
  results: PartnerResult[];
  model: string;
}

export const PartnerFiltersSchema = z.object({
  limit: decimalInt(1, 100).default(10),
  countries: z.array(CountrySchema).max(8).optional(),
  sectors: z.array(SectorSchema).max(30).optional(),
  partnerTypes: z.array(PartnerTypeSchema).max(10).optional(),
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

export const PartnerSearchSchema = PartnerFiltersSchema.extend(FreeTextSchema.shape).strict();

export type PartnerFilterInput = z.input<typeof PartnerFiltersSchema>;

/** `among` restricts partners to a set of companies, e.g. an event's participants. */
export async function partnersForCompany(engine: Engine, id: string, filters: PartnerFilterInput, among?: ReadonlySet<string>): Promise<PartnerResponse> {
  const f = { ...parseOrThrow(PartnerFiltersSchema, filters, 'partner query'), among };
  const company = await getEntity(engine, 'company', id);
  const query: CandidateQuery = { vectors: await storedVectors(engine, 'company', id), country: company.country, sectors: company.sectors, excludeId: id };
  return respond(engine, query, f, { texts: facetTexts('company', company), vectors: query.vectors, sectors: company.sectors });
}

export async function partnersForText(engine: Engine, body: unknown): Promise<PartnerResponse> {
  const s = parseOrThrow(PartnerSearchSchema, body, 'partner search');
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker);
}

/** A free-text asker as a company-shaped side: profile, offers and needs. */
export async function embedFreeText(engine: Engine, s: z.output<typeof FreeTextSchema>, sectors: readonly string[]): Promise<ExplainSide> {
  const texts = { profile: s.text, offers: s.offers?.trim() || s.text, needs: s.needs?.trim() || s.text };
  const [profile, offers, needs] = await engine.embedder.embed([texts.profile, texts.offers, texts.needs], 'query');
  return { texts, vectors: defined({ profile, offers, needs }), sectors };
}

async function respond(engine: Engine, query: CandidateQuery, f: CandidateFilters & { limit: number }, asker: ExplainSide): Promise<PartnerResponse> {
  const ranked = rankCandidates(engine.index.companies, query, f, f.limit);
  const companies = new Map((await engine.repo.getMany('company', ranked.map((r) => r.id))).map((c) => [c.id, c]));
  const results: PartnerResult[] = [];
  for (const r of ranked) {
    const company = companies.get(r.id);
    // Deleted between index and database read: never recommend what no longer exists.
    if (!company) continue;
    results.push({ company: toPublicCompany(company), score: r.score, strength: describeStrength(r.score), scores: r.scores, reasons: await explain(engine, asker, company, r) });
  }
  return { results, model: engine.embedder.modelId };
}

function explain(engine: Engine, asker: ExplainSide, company: Company, ranked: RankedCandidate): Promise<string[]> {
  const candidate = {
    texts: facetTexts('company', company),
    vectors: engine.index.companies.vectorsOf(company.id),
    sectors: company.sectors,
    partnerTypes: company.partnerTypes,
  };
  return engine.explainer.explain(asker, candidate, ranked);
}
