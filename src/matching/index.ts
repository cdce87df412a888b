// Public surface of matching: ranking partners, opportunities and clusters, and explaining it.
export {
  DEFAULT_RANKER,
  buildFilter,
  rankCandidates,
  scoreCandidate,
  type CandidateFilters,
  type CandidateQuery,
  type RankedCandidate,
  type RankerOptions,
} from './ranker.js';
export {
  DEFAULT_CLUSTER_RANKER,
  CLUSTER_MEMBER_PAIRS_WEIGHT,
  rankClusters,
  type ClusterQuery,
  type ClusterRankerOptions,
  type MemberPair,
  type RankedCluster,
} from './cluster-ranker.js';
export { AUDIENCE_SIGNALS, CLUSTER_SIGNALS, OPPORTUNITY_SIGNALS, PARTNER_SIGNALS, SECTOR_SIGNAL_NAME, type FacetSignal, type SignalSet } from './signals.js';
export {
  asAsker,
  HYBRID_WEIGHTS,
  hybridRerank,
  statedInterest,
  LEXICAL_SIGNAL_NAME,
  LexicalMatcher,
  sharedConcepts,
  type HybridAsker,
  type HybridSide,
  type HybridWeights,
  type SharedConcept,
} from './hybrid.js';
export { describeStrength, fitCalibration, probabilityOf, STRENGTH_CUTS, STRENGTHS, strengthOf, type Calibration, type Strength } from './calibration.js';
export { FITTED_CALIBRATION } from './calibration-fit.js';
export { namedCountries, namedOpportunityTypes, readFreeText, type ReadText } from './free-text.js';
export { buildReasons, countryName, describeOpeningIn, READER_LANGUAGES, readerLanguage, type ReaderLanguage, type ReasonFacts } from './reasons.js';
export {
  applyVerdicts,
  correction,
  DEFAULT_LEARNING,
  learnWeights,
  VERDICT_SHIFT,
  linearScore,
  priorWeights,
  type LinearWeights,
  type SignalScores,
} from './learned-weights.js';
