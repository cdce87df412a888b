// Strength words that mean what they say. A fused score is no probability: scores crowd into a
// narrow band, so fixed cut-offs called nearly everything strong. Isotonic regression, fitted by
// `npm run eval -- --fit` on judged results, maps a score to the share of such results that people
// judged relevant; the words are cut on that probability.
/**
 * A monotone step function of the score less a small amount per place below the top: at or above
 * `score`, results were judged relevant with `probability`. Rank enters because it separates
 * relevant from irrelevant results better than the score alone (dev set AUC 0.88 against 0.83):
 * a query has few right answers, however close the runners-up score.
 */
export interface Calibration {
  about: string;
  /** Subtracted from the score per place below the first result before the steps are read. */
  rankPenalty: number;
  /** Ascending by score, with non-decreasing probability. */
  steps: { score: number; probability: number }[];
}

/** Per place below the top; chosen with `npm run eval` (dev AUC 0.886 at 0.03, 0.830 at 0). */
export const RANK_PENALTY = 0.03;

/** The strength words, strongest first: what every scored result says in words. */
export const STRENGTHS = ['very strong', 'strong', 'good', 'some'] as const;
export type Strength = (typeof STRENGTHS)[number];

/** Lowest calibrated probability of each word, strongest first; below the last, "some". */
export const STRENGTH_CUTS = [
  { strength: 'very strong', probability: 0.95 },
  { strength: 'strong', probability: 0.9 },
  { strength: 'good', probability: 0.5 },
] as const;

/** The calibrated probability of relevance for a score at a 1-based `rank` of its answer. */
export function probabilityOf(calibration: Calibration, score: number, rank: number): number {
  const x = score - calibration.rankPenalty * (rank - 1);
  let p = 0;
  for (const step of calibration.steps) {
    if (x < step.score) break;
    p = step.probability;
  }
  return p;
}

/**
 * The strength word for a calibrated probability. `specific`: whether the match shares anything
 * beyond generic words; a match that does not is never better than "some".
 */
export function strengthOf(probability: number, specific = true): Strength {
  if (!specific) return 'some';
  return STRENGTH_CUTS.find((c) => probability >= c.probability)?.strength ?? 'some';
}

/**
 * Pool-adjacent-violators isotonic regression of relevance (0/1) on the rank-adjusted score, as steps. Ties in
 * score share one block, so equal scores always get equal probabilities.
 */
export function fitCalibration(samples: readonly { score: number; rank: number; relevant: boolean }[], about: string, minBlock = MIN_BLOCK): Calibration {
  const sorted = samples.map((s) => ({ score: s.score - RANK_PENALTY * (s.rank - 1), relevant: s.relevant })).sort((a, b) => a.score - b.score);
  const blocks: { score: number; sum: number; n: number }[] = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.score === s.score) {
      last.sum += s.relevant ? 1 : 0;
      last.n++;
    } else {
      blocks.push({ score: s.score, sum: s.relevant ? 1 : 0, n: 1 });
    }
    // Merge backwards while the mean would decrease.
    while (blocks.length > 1 && mean(blocks[blocks.length - 2]!) > mean(blocks[blocks.length - 1]!)) {
      const b = blocks.pop()!;
      const a = blocks[blocks.length - 1]!;
      a.sum += b.sum;
      a.n += b.n;
    }
  }
  // A step backed by a handful of results is noise: fold small top blocks into the block below,
  // which can only lower the probabilities claimed (the cautious side).
  while (blocks.length > 1 && blocks[blocks.length - 1]!.n < minBlock) {
    const b = blocks.pop()!;
    const a = blocks[blocks.length - 1]!;
    a.sum += b.sum;
    a.n += b.n;
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  return { about, rankPenalty: RANK_PENALTY, steps: blocks.map((b) => ({ score: round(b.score), probability: round(mean(b)) })) };
}

/** Fewest results a step at the top of the scale must rest on. */
const MIN_BLOCK = 10;

const mean = (b: { sum: number; n: number }) => b.sum / b.n;

/**
 * Clusters have no judged data to calibrate on: their strength word still reads the raw score
 * (very strong from 0.7, strong from 0.55, good from 0.4).
 */
export function describeStrength(score: number): Strength {
  if (score >= 0.7) return 'very strong';
  if (score >= 0.55) return 'strong';
  if (score >= 0.4) return 'good';
  return 'some';
}
