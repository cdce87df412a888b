// Opportunity and cluster matching quality on a judged data set, each beside a BM25 keyword
// ranking of the same candidates. Deadlines are not applied: a judged set's deadlines are dates
// from when it was written, and ranking quality is what is measured here (tests cover deadlines).
import type { Cluster, Company, Opportunity } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import type { Engine } from '../engine/index.js';
import { clusterPartners } from '../use-cases/recommend-clusters.js';
import { opportunitiesForCompany } from '../use-cases/recommend-opportunities.js';
import { Bm25 } from './bm25.js';
import type { ScoredSample } from './evaluate.js';
import { summarise, type Grades, type QualityFigures } from './metrics.js';

export interface MatchEvaluation {
  engine: QualityFigures & { sameCountryResults: number };
  bm25: QualityFigures;
}

export interface OpportunityEvaluation extends MatchEvaluation {
  /** Scores of judged-relevant pairs and of all other cross-border pairs: where a digest threshold sits. */
  scoreSpread: { relevantMin: number; relevantMedian: number; otherMedian: number; otherP90: number };
  /** The top 10 of each query with score and judged grade, for strength calibration. */
  samples: ScoredSample[];
}

type Judgments = Record<string, Grades>;
type Run = { ranked: string[]; grades: Grades };

export async function evaluateOpportunities(
  engine: Engine,
  judgments: Judgments,
  companies: readonly Company[],
  opportunities: readonly Opportunity[],
): Promise<OpportunityEvaluation> {
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const countryOf = new Map(opportunities.map((o) => [o.id, o.country]));
  const bm25 = new Bm25(opportunities.map((o) => ({ id: o.id, text: facetTexts('opportunity', o)['profile']! })));
  const ours: Run[] = [];
  const baseline: Run[] = [];
  const relevant: number[] = [];
  const other: number[] = [];
  const samples: ScoredSample[] = [];
  let sameCountryResults = 0;
  for (const [companyId, grades] of Object.entries(judgments)) {
    const company = companyById.get(companyId);
    if (!company) continue;
    const all = await opportunitiesForCompany(engine, companyId, { limit: 100 }, { now: null });
    sameCountryResults += all.results.filter((r) => r.opportunity.country === company.country).length;
    ours.push({ ranked: all.results.slice(0, 10).map((r) => r.opportunity.id), grades });
    for (const [i, r] of all.results.slice(0, 10).entries())
      samples.push({ queryId: companyId, score: r.score, rank: i + 1, grade: grades[r.opportunity.id] ?? 0 });
    for (const r of all.results) ((grades[r.opportunity.id] ?? 0) >= 2 ? relevant : other).push(r.score);
    const text = [company.offers, company.description].join('\n');
    baseline.push({ ranked: bm25.search(text, 10, (id) => countryOf.get(id) !== company.country).map((h) => h.id), grades });
  }
  return {
    engine: { ...summarise(ours), sameCountryResults },
    bm25: summarise(baseline),
    samples,
    scoreSpread: {
      relevantMin: quantile(relevant, 0),
      relevantMedian: quantile(relevant, 0.5),
      otherMedian: quantile(other, 0.5),
      otherP90: quantile(other, 0.9),
    },
  };
}

export async function evaluateClusters(engine: Engine, judgments: Judgments, clusters: readonly Cluster[]): Promise<MatchEvaluation> {
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const bm25 = new Bm25(clusters.map((c) => ({ id: c.id, text: facetTexts('cluster', c)['profile']! })));
  const ours: Run[] = [];
  const baseline: Run[] = [];
  let sameCountryResults = 0;
  for (const [clusterId, grades] of Object.entries(judgments)) {
    const cluster = byId.get(clusterId);
    if (!cluster) continue;
    const response = await clusterPartners(engine, clusterId, { limit: 10 });
    sameCountryResults += response.results.filter((r) => r.cluster.country === cluster.country).length;
    ours.push({ ranked: response.results.map((r) => r.cluster.id), grades });
    const text = facetTexts('cluster', cluster)['profile']!;
    baseline.push({ ranked: bm25.search(text, 10, (id) => id !== clusterId && byId.get(id)?.country !== cluster.country).map((h) => h.id), grades });
  }
  return { engine: { ...summarise(ours), sameCountryResults }, bm25: summarise(baseline) };
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
