// Fitting the strength words: isotonic regression of "judged relevant" on the fused score, over
// every judged result of the development sets, and an honest check of the fit on queries it
// never saw (two folds by query).
import { fitCalibration, probabilityOf, strengthOf, type Calibration } from '../matching/index.js';
import type { ScoredSample } from './evaluate.js';

export interface CalibrationCheck {
  /** Results labelled strong or better by a fit made without their query, and how many of them were judged irrelevant. */
  strongResults: number;
  strongIrrelevant: number;
}

export function fitStrength(samples: readonly ScoredSample[], about: string): Calibration {
  return fitCalibration(
    samples.map((s) => ({ score: s.score, rank: s.rank, relevant: s.grade >= 1 })),
    about,
  );
}

/** Two-fold cross-check: fit on half of the queries, label the other half, and swap. */
export function crossCheck(samples: readonly ScoredSample[]): CalibrationCheck {
  const queries = [...new Set(samples.map((s) => s.queryId))].sort();
  const fold = new Map(queries.map((q, i) => [q, i % 2]));
  let strongResults = 0;
  let strongIrrelevant = 0;
  for (const held of [0, 1]) {
    const fit = fitStrength(
      samples.filter((s) => fold.get(s.queryId) !== held),
      'fold',
    );
    for (const s of samples.filter((x) => fold.get(x.queryId) === held)) {
      const strength = strengthOf(probabilityOf(fit, s.score, s.rank));
      if (strength !== 'strong' && strength !== 'very strong') continue;
      strongResults++;
      if (s.grade === 0) strongIrrelevant++;
    }
  }
  return { strongResults, strongIrrelevant };
}
