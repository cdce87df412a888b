// Partner recommendations for a stored company or for a free-text description.
import { z } from 'zod';
import { CountrySchema, PartnerTypeSchema, SectorSchema, toPublicCompany, type Company, type PublicCompany } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import {
  FITTED_CALIBRATION, hybridRerank, probabilityOf, sharedConcepts, strengthOf, namedCountries, namedOpportunityTypes, PARTNER_SIGNALS, rankCandidates, readFreeText,
  type CandidateFilters, type CandidateQuery, type ExplainSide, type RankedCandidate,
} from '../matching/index.js';
import type { Engine } from './engine.js';
import { defined, storedVectors } from './stored-vectors.js';
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
  const texts = facetTexts('company', company);
  return respond(engine, query, f, { texts, vectors: query.vectors, ...profileAsker(company) });
}

export async function partnersForText(engine: Engine, body: unknown): Promise<PartnerResponse> {
  const s = parseOrThrow(PartnerSearchSchema, body, 'partner search');
  const asker = await embedFreeText(engine, s, s.sectors ?? []);
  return respond(engine, { vectors: asker.vectors, country: s.country, sectors: asker.sectors }, s, asker);
}

/** A stored company as an asker: its sectors, and the countries and openings its needs name. */
export function profileAsker(company: Company): Omit<FreeTextAsker, 'texts' | 'vectors'> {
  return {
    sectors: company.sectors,
    country: company.country,
    preferredCountries: namedCountries(company.needs).filter((c) => c !== company.country),
    preferredKinds: namedOpportunityTypes(company.needs),
  };
}

/** A free-text asker as a company-shaped side, with what it offers and seeks read from the text. */
export interface FreeTextAsker extends ExplainSide {
  country: string;
  preferredCountries: string[];
  preferredKinds: string[];
}

/**
 * Reads a free text as a company-shaped side: what the writer offers and seeks (split by cue
 * phrases unless given apart), and the countries it names as a preference. Each distinct text is
 * embedded once. A text that never says what it offers leaves `offers` out rather than comparing
 * the writer's needs with the candidates' needs, which would rank competitors first.
 */
export async function embedFreeText(engine: Engine, s: z.output<typeof FreeTextSchema>, sectors: readonly string[]): Promise<FreeTextAsker> {
  const read = readFreeText(s.text);
  const texts: Record<string, string> = {
    profile: s.text,
    offers: s.offers?.trim() || (read.needs ? read.offers : s.text),
    needs: s.needs?.trim() || read.needs || s.text,
  };
  const distinct = [...new Set(Object.values(texts).filter((t) => t.trim()))];
  const vectors = await engine.embedder.embed(distinct, 'query');
  const vectorOf = (text: string) => (text.trim() ? vectors[distinct.indexOf(text)] : undefined);
  const preferredCountries = read.countries.filter((c) => c !== s.country);
  return {
    texts,
    vectors: defined({ profile: vectorOf(texts['profile']!), offers: vectorOf(texts['offers']!), needs: vectorOf(texts['needs']!) }),
    sectors,
    country: s.country,
    preferredCountries,
    preferredKinds: read.opportunityTypes,
  };
}

// Dense ranking draws this many candidates (at least) for hybrid re-ranking to reorder.
export const RERANK_DEPTH = 30;

async function respond(engine: Engine, query: CandidateQuery, f: CandidateFilters & { limit: number }, asker: FreeTextAsker): Promise<PartnerResponse> {
  const pool = rankCandidates(engine.index.companies, query, f, Math.max(f.limit * 3, RERANK_DEPTH));
  const companies = new Map((await engine.repo.getMany('company', pool.map((r) => r.id))).map((c) => [c.id, c]));
  // Deleted between index and database read: never recommend what no longer exists.
  const sides = new Map(pool.filter((r) => companies.has(r.id)).map((r) => [r.id, { texts: facetTexts('company', companies.get(r.id)!), country: companies.get(r.id)!.country }]));
  const ranked = hybridRerank(engine.lexical, PARTNER_SIGNALS, asker, pool.filter((r) => sides.has(r.id)).map((r) => ({ ranked: r, side: sides.get(r.id)! }))).slice(0, f.limit);
  const results: PartnerResult[] = [];
  for (const [i, r] of ranked.entries()) {
    const company = companies.get(r.id)!;
    const shared = sharedConcepts(engine.lexical, PARTNER_SIGNALS, asker, sides.get(r.id)!);
    const relevance = probabilityOf(FITTED_CALIBRATION.partners, r.score, i + 1);
    results.push({
      company: toPublicCompany(company), score: r.score, relevance, strength: strengthOf(relevance, isSpecific(engine, shared)), scores: r.scores,
      reasons: await explain(engine, asker, company, r),
    });
  }
  return { results, model: engine.embedder.modelId };
}

/** Whether a match rests on more than generic words (always, when no lexical signal can tell). */
export function isSpecific(engine: Engine, shared: readonly unknown[]): boolean {
  return !engine.lexical.available || shared.length > 0;
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
