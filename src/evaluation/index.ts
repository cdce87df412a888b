// Public surface of evaluation: metrics, the BM25 baseline and the partner evaluation.
export { Bm25 } from './bm25.js';
export { ndcgAt, precisionAt, recallAt, reciprocalRank, summarise, type Grades, type QualityFigures } from './metrics.js';
export { evaluatePartners, type PartnerEvaluation, type PartnerJudgments, type ScoredSample } from './evaluate.js';
export { translationAccuracy, type TranslationPair } from './translation.js';
export { evaluateClusters, evaluateOpportunities, type MatchEvaluation, type OpportunityEvaluation } from './evaluate-exports.js';
export { evaluateFeedback, FEEDBACK_DEPTH, hasFeedback, type FeedbackEvaluation, type FeedbackFigures } from './feedback.js';
export {
  calibrationTable,
  evaluateVisitorQueries,
  STRENGTH_ORDER,
  type CalibrationRow,
  type LabelledResult,
  type VisitorEvaluation,
  type VisitorQuery,
} from './visitor.js';
export { crossCheck, fitStrength, type CalibrationCheck } from './calibrate.js';
export { crossValidateVerdicts, partnerPrior, type VerdictLearning } from './verdict-learning.js';
