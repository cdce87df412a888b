// Do staff verdicts help? Verdicts are simulated from the graded judgments as staff would give
// them (the top 10 of each company: "good" for grade 2+, "wrong" for unjudged), weights are
// learned on the other companies' verdicts, and each held-out company is re-ranked with them.
import {
  applyVerdicts,
  correction,
  HYBRID_WEIGHTS,
  learnWeights,
  PARTNER_SIGNALS,
  priorWeights,
  SECTOR_SIGNAL_NAME,
  type LinearWeights,
  type SignalScores,
} from '../matching/index.js';
import type { Engine } from '../engine/index.js';
import { partnersForCompany } from '../use-cases/recommend-partners.js';
import { ndcgAt, type Grades } from './metrics.js';

export interface VerdictLearning {
  companies: number;
  verdicts: { good: number; wrong: number };
  folds: number;
  /** Mean nDCG@5 of held-out companies: fixed weights, and weights learned from the other folds' verdicts. */
  fixed: number;
  learned: number;
  /** Learned on all verdicts (not applied by the service: they did not beat the fixed weights). */
  weights: LinearWeights;
  /** Mean nDCG@5 after staff judge each company's top 5 and the verdicts move those suggestions. */
  afterTop5Verdicts: number;
}

const SEEN = 10;
const POOL = 30;

export function partnerPrior(): LinearWeights {
  const dense = Object.fromEntries([
    ...PARTNER_SIGNALS.facets.map((s) => [s.name, s.weight] as const),
    [SECTOR_SIGNAL_NAME, PARTNER_SIGNALS.sectorWeight] as const,
  ]);
  return priorWeights(dense, HYBRID_WEIGHTS.lexical);
}

export async function crossValidateVerdicts(engine: Engine, judgments: Record<string, Grades>, folds = 5): Promise<VerdictLearning> {
  const companies: { id: string; grades: Grades; pool: { id: string; score: number; scores: SignalScores }[] }[] = [];
  for (const [id, grades] of Object.entries(judgments).sort()) {
    const r = await partnersForCompany(engine, id, { limit: POOL }, undefined, { verdicts: false });
    companies.push({ id, grades, pool: r.results.map((x) => ({ id: x.company.id, score: x.score, scores: x.scores })) });
  }
  const prior = partnerPrior();
  const pairsOf = (list: typeof companies) =>
    list.flatMap((c) => {
      const seen = c.pool.slice(0, SEEN);
      const good = seen.filter((x) => (c.grades[x.id] ?? 0) >= 2);
      const wrong = seen.filter((x) => (c.grades[x.id] ?? 0) === 0);
      return good.flatMap((g) => wrong.map((w) => ({ better: g.scores, worse: w.scores })));
    });
  const rerank = (c: (typeof companies)[number], w: LinearWeights) =>
    [...c.pool]
      .map((x) => ({ id: x.id, s: x.score + correction(x.scores, w, prior) }))
      .sort((a, b) => b.s - a.s || (a.id < b.id ? -1 : 1))
      .map((x) => x.id);
  let fixed = 0;
  let learned = 0;
  for (let f = 0; f < folds; f++) {
    const train = companies.filter((_, i) => i % folds !== f);
    const weights = learnWeights(pairsOf(train), prior);
    for (const c of companies.filter((_, i) => i % folds === f)) {
      fixed += ndcgAt(
        c.pool.map((x) => x.id),
        c.grades,
        5,
      );
      learned += ndcgAt(rerank(c, weights), c.grades, 5);
    }
  }
  let moved = 0;
  for (const c of companies) {
    const verdicts = new Map<string, 'good' | 'wrong'>();
    for (const x of c.pool.slice(0, 5)) {
      const grade = c.grades[x.id] ?? 0;
      if (grade !== 1) verdicts.set(x.id, grade >= 2 ? 'good' : 'wrong');
    }
    moved += ndcgAt(
      applyVerdicts(c.pool, verdicts).map((x) => x.id),
      c.grades,
      5,
    );
  }
  const seen = companies.flatMap((c) => c.pool.slice(0, SEEN).map((x) => c.grades[x.id] ?? 0));
  return {
    companies: companies.length,
    verdicts: { good: seen.filter((g) => g >= 2).length, wrong: seen.filter((g) => g === 0).length },
    folds,
    fixed: fixed / companies.length,
    learned: learned / companies.length,
    weights: learnWeights(pairsOf(companies), prior),
    afterTop5Verdicts: moved / companies.length,
  };
}
