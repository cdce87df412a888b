// Public surface of matching: ranking partners and explaining the ranking.
export { DEFAULT_RANKER, rankPartners, scoreCandidate, type PartnerFilters, type PartnerQuery, type RankedCandidate, type RankerOptions } from './partner-ranker.js';
export { Explainer, describeStrength, type ExplainSide } from './explainer.js';
export { FACET_SIGNALS, SECTOR_SIGNAL } from './signals.js';
