// The common tail of every recommendation: read the dense pool's entities, re-rank them with the
// hybrid signals, and give each result its calibrated relevance, strength word and reasons in
// the reader's language. Partners, opportunities and an opportunity's audience all end here.
import type { EntityByType } from '../domain/index.js';
import {
  applyVerdicts, asAsker, buildReasons, hybridRerank, probabilityOf, sharedConcepts, statedInterest, strengthOf,
  type Calibration, type HybridAsker, type HybridSide, type RankedCandidate, type ReaderLanguage, type SignalSet,
} from '../matching/index.js';
import type { Engine } from './engine.js';

export interface HybridRequest<T extends 'company' | 'opportunity'> {
  type: T;
  /** Dense candidates, best first, deeper than the answer so re-ranking can reorder them. */
  pool: readonly RankedCandidate[];
  limit: number;
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
  strength: string;
  reasons: string[];
}

export async function hybridResults<T extends 'company' | 'opportunity'>(engine: Engine, r: HybridRequest<T>): Promise<HybridResult<EntityByType[T]>[]> {
  const entities = new Map((await engine.repo.getMany(r.type, r.pool.map((c) => c.id))).map((e) => [e.id, e as EntityByType[T]]));
  // Deleted between index and database read: never recommend what no longer exists.
  const sides = new Map([...entities].map(([id, e]) => [id, r.sideOf(e)]));
  const candidates = r.pool.filter((c) => sides.has(c.id)).map((c) => ({ ranked: c, side: sides.get(c.id)! }));
  const ranked = applyVerdicts(hybridRerank(engine.lexical, r.signals, r.asker, candidates, { mirrored: r.mirrored }), r.verdicts ?? new Map()).slice(0, r.limit);
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
