// Partner recommendations for a stored company or for a free-text description.
import { z } from 'zod';
import { CountrySchema, PartnerTypeSchema, SectorSchema, toPublicCompany, type Company, type PublicCompany } from '../domain/index.js';
import { facetTexts, isZero, type CompanyFacet } from '../embedding/index.js';
import { rankPartners, type ExplainSide, type PartnerFilters, type PartnerQuery, type RankedCandidate } from '../matching/index.js';
import type { Engine } from './engine.js';
import { getEntity } from './write-entities.js';
import { parseOrThrow } from './validate.js';

export interface PartnerResult {
  company: PublicCompany;
  score: number;
  scores: Record<string, number>;
  reasons: string[];
}

export interface PartnerResponse {
  results: PartnerResult[];
  model: string;
}

export const PartnerFiltersSchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  countries: z.array(CountrySchema).max(8).optional(),
  sectors: z.array(SectorSchema).max(30).optional(),
  partnerTypes: z.array(PartnerTypeSchema).max(10).optional(),
});

export const PartnerSearchSchema = PartnerFiltersSchema.extend({
  text: z.string().trim().min(3, 'describe your company and what you seek (at least 3 characters)').max(5_000),
  /** Your country: partners are always from another one. */
  country: CountrySchema,
  /** What you offer partners, if you want to say it apart from `text`. */
  offers: z.string().max(5_000).optional(),
  /** What you seek, if you want to say it apart from `text`. */
  needs: z.string().max(5_000).optional(),
}).strict();

export type PartnerFilterInput = z.input<typeof PartnerFiltersSchema>;

export async function partnersForCompany(engine: Engine, id: string, filters: PartnerFilterInput): Promise<PartnerResponse> {
  const f = parseOrThrow(PartnerFiltersSchema, filters, 'partner query');
  const company = await getEntity(engine, 'company', id);
  const index = engine.companies.index;
  let vectors = index.vectorsOf(id);
  if (!index.attributes.has(id)) {
    // Written by another process a moment ago: read its vectors from the source of truth.
    vectors = Object.fromEntries((await engine.repo.embeddings('company', [id])).map((e) => [e.facet, e.vector]));
  }
  const query: PartnerQuery = { vectors: defined(vectors), country: company.country, sectors: company.sectors, excludeId: id };
  const asker: ExplainSide = { texts: facetTexts('company', company), vectors: query.vectors, sectors: company.sectors };
  return respond(engine, query, f, asker);
}

export async function partnersForText(engine: Engine, body: unknown): Promise<PartnerResponse> {
  const s = parseOrThrow(PartnerSearchSchema, body, 'partner search');
  const texts = { profile: s.text, offers: s.offers?.trim() || s.text, needs: s.needs?.trim() || s.text };
  const [profile, offers, needs] = await engine.embedder.embed([texts.profile, texts.offers, texts.needs], 'query');
  const vectors = { profile: profile!, offers: offers!, needs: needs! };
  const query: PartnerQuery = { vectors: defined(vectors), country: s.country, sectors: s.sectors ?? [] };
  return respond(engine, query, s, { texts, vectors: query.vectors, sectors: query.sectors });
}

async function respond(engine: Engine, query: PartnerQuery, f: PartnerFilters & { limit: number }, asker: ExplainSide): Promise<PartnerResponse> {
  const index = engine.companies.index;
  const ranked = rankPartners(index, query, f, f.limit);
  const companies = new Map((await engine.repo.getMany('company', ranked.map((r) => r.id))).map((c) => [c.id, c]));
  const results: PartnerResult[] = [];
  for (const r of ranked) {
    const company = companies.get(r.id);
    // Deleted between index and database read: never recommend what no longer exists.
    if (!company) continue;
    results.push({ company: toPublicCompany(company), score: r.score, scores: r.scores, reasons: await explain(engine, asker, company, r) });
  }
  return { results, model: engine.embedder.modelId };
}

function explain(engine: Engine, asker: ExplainSide, company: Company, ranked: RankedCandidate): Promise<string[]> {
  const candidate = {
    texts: facetTexts('company', company),
    vectors: engine.companies.index.vectorsOf(company.id),
    sectors: company.sectors,
    partnerTypes: company.partnerTypes,
  };
  return engine.explainer.explain(asker, candidate, ranked);
}

/** Facets with a vector; an empty text (zero vector) says nothing and is left out. */
function defined(v: Record<string, Float32Array | undefined>): Partial<Record<CompanyFacet, Float32Array>> {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && !isZero(x))) as Partial<Record<CompanyFacet, Float32Array>>;
}
