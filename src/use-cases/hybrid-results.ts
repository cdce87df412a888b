// The common tail of every recommendation: read the dense pool's entities, re-rank them with the
// hybrid signals, and give each result its calibrated relevance, strength word and reasons in
// the reader's language. Partners, opportunities and an opportunity's audience all end here.
import { z } from 'zod';
import type { Company, EntityByType } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import {
  applyVerdicts,
  asAsker,
  buildReasons,
  DEFAULT_RANKER,
  hybridRerank,
  probabilityOf,
  rankCandidates,
  sharedConcepts,
  statedInterest,
  strengthOf,
  STRENGTHS,
  type CandidateFilters,
  type CandidateQuery,
  type Calibration,
  type HybridAsker,
  type HybridSide,
  type RankedCandidate,
  type ReaderLanguage,
  type SignalSet,
  type Strength,
} from '../matching/index.js';
import type { Engine } from '../engine/index.js';

/**
 * What every ranked answer says of one result beside the entity, defined once: the use cases'
 * result types and the HTTP response schemas (and so the OpenAPI document) are built from it.
 */
export const ScoredFields = {
  score: z.number().min(0).max(1).meta({ description: 'The fused ranking score (dense signals, lexical concepts, country fit); comparable within one answer' }),
  relevance: z.number().min(0).max(1).meta({ description: 'Calibrated probability that a person judges this result relevant (isotonic fit on judged data)' }),
  strength: z.enum(STRENGTHS).meta({ description: 'The relevance in words: very strong >= 0.95, strong >= 0.9, good >= 0.5' }),
  scores: z.record(z.string(), z.number()).meta({ description: 'Per signal, 0..1 (partners: needsOffers, offersNeeds, profile, sectors, lexical)' }),
  reasons: z.array(z.string()),
};

export type Scored = z.output<z.ZodObject<typeof ScoredFields>>;

/** A result of a ranked answer: the entity under its own key (`company`, `opportunity`) and its scores. */
export type ScoredResult<K extends string, E> = { [key in K]: E } & Scored;

/** The scored fields of a re-ranked result; `reasons` replaces the result's own when given. */
export const scoredFields = (r: HybridResult<unknown>, reasons: string[] = r.reasons): Scored => ({
  score: r.ranked.score,
  relevance: r.relevance,
  strength: r.strength,
  scores: r.ranked.scores,
  reasons,
});

// Dense ranking draws this many candidates (at least) for hybrid re-ranking to reorder.
export const RERANK_DEPTH = 30;

/** How the dense candidates are drawn from the index of the request's type. */
export interface DenseQuery {
  query: CandidateQuery;
  filters: CandidateFilters;
  signals: SignalSet;
}

export interface HybridRequest<T extends 'company' | 'opportunity'> {
  type: T;
  /** Ranked deeper than the answer (three times `limit`, at least RERANK_DEPTH) so re-ranking can reorder. */
  dense: DenseQuery;
  limit: number;
  /**
   * Draw the dense pool as for an answer this long (default `limit`): every page of a paged
   * search gives the same length, so all pages re-rank the same pool and never repeat or skip.
   */
  depth?: number | undefined;
  /** Results before this rank are ranked but not returned (a later page); 0 when absent. */
  offset?: number | undefined;
  signals: SignalSet;
  calibration: Calibration;
  asker: HybridAsker;
  sideOf(entity: EntityByType[T]): HybridSide;
  /** The candidates ask (an opportunity's audience): pairs are scored from their side. */
  mirrored?: boolean;
  language: ReaderLanguage;
  /** Partner types the candidate looks for, named in its reasons. */
  partnerTypesOf?(entity: EntityByType[T]): readonly string[];
  sectorsOf(entity: EntityByType[T]): readonly string[];
  askerSectors: readonly string[];
  /** Staff verdicts on some candidates for this asker: they move those candidates (see VERDICT_SHIFT). */
  verdicts?: ReadonlyMap<string, 'good' | 'wrong'> | undefined;
}

export interface HybridResult<E> {
  entity: E;
  ranked: RankedCandidate;
  relevance: number;
  strength: Strength;
  reasons: string[];
}

/** How a company candidate is read: its side for the hybrid signals, and what its reasons name. */
export const companyCandidate = {
  type: 'company' as const,
  sideOf: (c: Company): HybridSide => ({ texts: facetTexts('company', c), country: c.country }),
  partnerTypesOf: (c: Company): readonly string[] => c.partnerTypes,
  sectorsOf: (c: Company): readonly string[] => c.sectors,
};

export async function hybridResults<T extends 'company' | 'opportunity'>(engine: Engine, r: HybridRequest<T>): Promise<HybridResult<EntityByType[T]>[]> {
  const { query, filters, signals } = r.dense;
  const index = r.type === 'company' ? engine.index.companies : engine.index.opportunities;
  const depth = r.depth ?? r.limit;
  const pool = rankCandidates(index, query, filters, Math.max(depth * 3, RERANK_DEPTH), signals, DEFAULT_RANKER, depth);
  const entities = new Map(
    (
      await engine.repo.getMany(
        r.type,
        pool.map((c) => c.id),
      )
    ).map((e) => [e.id, e as EntityByType[T]]),
  );
  // Deleted between index and database read: never recommend what no longer exists.
  const sides = new Map([...entities].map(([id, e]) => [id, r.sideOf(e)]));
  const candidates = pool.filter((c) => sides.has(c.id)).map((c) => ({ ranked: c, side: sides.get(c.id)! }));
  const ranked = applyVerdicts(hybridRerank(engine.lexical, r.signals, r.asker, candidates, { mirrored: r.mirrored }), r.verdicts ?? new Map()).slice(
    0,
    r.limit,
  );
  const askerLanguage = engine.embedder.terms?.read(r.asker.texts['profile'] ?? '').language;
  const offset = r.offset ?? 0;
  return ranked.slice(offset).map((c, at) => {
    const i = offset + at;
    const entity = entities.get(c.id)!;
    const side = sides.get(c.id)!;
    const pair = r.mirrored ? { asker: asAsker(side), candidate: r.asker } : { asker: r.asker, candidate: side };
    const shared = sharedConcepts(engine.lexical, r.signals, pair.asker, pair.candidate);
    const relevance = probabilityOf(r.calibration, c.score, i + 1);
    const reasons = buildReasons(
      {
        shared,
        askerLanguage,
        inPreferredCountry: pair.asker.preferredCountries.includes(pair.candidate.country) ? pair.candidate.country : undefined,
        seeksAskerCountry: statedInterest(pair.candidate, pair.asker.country) > 0 ? pair.asker.country : undefined,
        partnerTypes: r.partnerTypesOf?.(entity),
        sharedSectors: r.askerSectors.filter((s) => r.sectorsOf(entity).includes(s)),
      },
      r.language,
      engine.embedder.terms,
    );
    // Without shared specific concepts a match rests on generic words: never more than "some".
    const specific = !engine.lexical.available || shared.length > 0;
    return { entity, ranked: c, relevance, strength: strengthOf(relevance, specific), reasons };
  });
}
