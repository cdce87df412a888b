// Staff verdicts folded into ranking: a linear correction over the per-signal scores, learned from
// "good" and "wrong" verdicts so that, within one company's suggestions, good ones score above
// wrong ones (pairwise logistic loss, held near the fixed weights by an L2 prior). Learned
// weights say which signals staff find telling; they generalise to pairs nobody judged.

/** Per-signal scores of one suggestion (needsOffers, offersNeeds, profile, sectors, lexical …). */
export type SignalScores = Readonly<Record<string, number>>;

export type LinearWeights = Readonly<Record<string, number>>;

/**
 * What the fixed ranking gives each signal when all are present: the dense mean's weights scaled
 * by the dense share (1 - lexical weight), and the lexical weight itself.
 */
export function priorWeights(dense: Readonly<Record<string, number>>, lexicalWeight: number): LinearWeights {
  const total = Object.values(dense).reduce((a, b) => a + b, 0);
  const out: Record<string, number> = { lexical: lexicalWeight };
  for (const [signal, w] of Object.entries(dense)) out[signal] = ((1 - lexicalWeight) * w) / total;
  return out;
}

export const linearScore = (scores: SignalScores, weights: LinearWeights) =>
  Object.entries(weights).reduce((sum, [signal, w]) => sum + w * (scores[signal] ?? 0), 0);

/** The score change learned weights make to a suggestion: zero when they equal the prior. */
export const correction = (scores: SignalScores, learned: LinearWeights, prior: LinearWeights) => linearScore(scores, learned) - linearScore(scores, prior);

export interface LearningOptions {
  /** Pull towards the prior: larger keeps learned weights closer to the fixed ones. */
  l2: number;
  steps: number;
  rate: number;
}

export const DEFAULT_LEARNING: LearningOptions = { l2: 5, steps: 400, rate: 0.1 };

/** Weights under which each pair's `better` outscores its `worse`, by gradient descent from the prior. */
export function learnWeights(
  pairs: readonly { better: SignalScores; worse: SignalScores }[],
  prior: LinearWeights,
  options: LearningOptions = DEFAULT_LEARNING,
): LinearWeights {
  const signals = Object.keys(prior);
  const w = signals.map((s) => prior[s]!);
  if (pairs.length === 0) return prior;
  const diffs = pairs.map((p) => signals.map((s) => (p.better[s] ?? 0) - (p.worse[s] ?? 0)));
  for (let step = 0; step < options.steps; step++) {
    const grad = signals.map((s, k) => 2 * options.l2 * (w[k]! - prior[s]!));
    for (const d of diffs) {
      const margin = d.reduce((sum, x, k) => sum + x * w[k]!, 0);
      // d/dw of log(1 + exp(-margin)), averaged over pairs.
      const g = -1 / (1 + Math.exp(margin)) / diffs.length;
      for (const [k, x] of d.entries()) grad[k]! += g * x;
    }
    for (let k = 0; k < w.length; k++) w[k]! -= options.rate * grad[k]!;
  }
  return Object.fromEntries(signals.map((s, k) => [s, Math.round(w[k]! * 10_000) / 10_000]));
}

/** A staff verdict on one suggestion moves that suggestion: up when good, well down when wrong. */
export const VERDICT_SHIFT = { good: 0.1, wrong: -0.5 } as const;

/** Re-sorts ranked suggestions after the verdicts staff gave on some of them. */
export function applyVerdicts<T extends { id: string; score: number }>(ranked: readonly T[], verdicts: ReadonlyMap<string, keyof typeof VERDICT_SHIFT>): T[] {
  if (verdicts.size === 0) return [...ranked];
  const shifted = ranked.map((r) => {
    const verdict = verdicts.get(r.id);
    return verdict ? { ...r, score: Math.round(Math.max(0, Math.min(1, r.score + VERDICT_SHIFT[verdict])) * 10_000) / 10_000 } : r;
  });
  return shifted.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
