// Quality of free-text search as visitors use it: short queries in six languages, scored through
// the same use cases the widget and the free-text endpoints call, beside a BM25 keyword ranking of
// the same candidates, with the traps each query names and the reliability of the strength words.
import type { Company, Opportunity } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import type { Engine } from '../engine/index.js';
import { PartnerSearchSchema, partnersForText } from '../use-cases/recommend-partners.js';
import { OpportunitySearchSchema, opportunitiesForText } from '../use-cases/recommend-opportunities.js';
import { Bm25 } from './bm25.js';
import { summarise, type Grades, type QualityFigures } from './metrics.js';

export type VisitorKind = 'partners' | 'opportunities';

/** One judged query, as `visitor-queries-*.json` holds it. */
export interface VisitorQuery {
  id: string;
  language: string;
  /** The visitor's own country, sent with the query. */
  country: string;
  kind: VisitorKind;
  text: string;
  judged: Grades;
  traps?: string[];
}

/** One result the engine returned, with the strength word it carried and the judged grade. */
export interface LabelledResult {
  queryId: string;
  rank: number;
  score: number;
  strength: string;
  grade: number;
}

export interface VisitorRun {
  query: VisitorQuery;
  ranked: string[];
  bm25: string[];
  results: LabelledResult[];
}

export interface VisitorGroupFigures {
  engine: QualityFigures;
  bm25: QualityFigures;
  /** Queries whose top 5 holds a trap. */
  trapsInTop5: number;
  /** Queries where a trap ranks above the first result judged good (grade 2+). */
  trapAboveFirstGood: number;
}

export interface CalibrationRow {
  strength: string;
  results: number;
  /** Share judged relevant (grade 1+). */
  relevant: number;
  /** Share judged good (grade 2+). */
  good: number;
}

export interface VisitorEvaluation {
  overall: VisitorGroupFigures;
  /** `partners`, `opportunities`, then `partners/en` … per kind and language. */
  groups: Record<string, VisitorGroupFigures>;
  calibration: CalibrationRow[];
  /** Results labelled strong or very strong that are judged irrelevant, as a share of those results. */
  strongIrrelevant: number;
  runs: VisitorRun[];
}

export const STRENGTH_ORDER = ['very strong', 'strong', 'good', 'some'] as const;
const DEPTH = 10;

export async function evaluateVisitorQueries(
  engine: Engine,
  queries: readonly VisitorQuery[],
  companies: readonly Company[],
  opportunities: readonly Opportunity[],
): Promise<VisitorEvaluation> {
  const baselines = {
    partners: baselineOf(companies.map((c) => ({ id: c.id, country: c.country, text: facetTexts('company', c)['profile']! }))),
    opportunities: baselineOf(opportunities.map((o) => ({ id: o.id, country: o.country, text: facetTexts('opportunity', o)['profile']! }))),
  };
  const runs: VisitorRun[] = [];
  for (const query of queries) {
    const body = { text: query.text, country: query.country, limit: DEPTH };
    const results =
      query.kind === 'partners'
        ? (await partnersForText(engine, PartnerSearchSchema.parse(body))).results.map((r) => ({ id: r.company.id, score: r.score, strength: r.strength }))
        : (await opportunitiesForText(engine, OpportunitySearchSchema.parse(body), { now: null })).results.map((r) => ({
            id: r.opportunity.id,
            score: r.score,
            strength: r.strength,
          }));
    runs.push({
      query,
      ranked: results.map((r) => r.id),
      bm25: baselines[query.kind](query.text, query.country),
      results: results.map((r, i) => ({ queryId: query.id, rank: i + 1, score: r.score, strength: r.strength, grade: query.judged[r.id] ?? 0 })),
    });
  }
  const groups: Record<string, VisitorGroupFigures> = {};
  for (const kind of ['partners', 'opportunities'] as const) {
    const ofKind = runs.filter((r) => r.query.kind === kind);
    if (!ofKind.length) continue;
    groups[kind] = figuresOf(ofKind);
    for (const language of [...new Set(ofKind.map((r) => r.query.language))].sort()) {
      groups[`${kind}/${language}`] = figuresOf(ofKind.filter((r) => r.query.language === language));
    }
  }
  const labelled = runs.flatMap((r) => r.results);
  const strong = labelled.filter((r) => r.strength === 'strong' || r.strength === 'very strong');
  return {
    overall: figuresOf(runs),
    groups,
    calibration: calibrationTable(labelled),
    strongIrrelevant: strong.length ? strong.filter((r) => r.grade === 0).length / strong.length : 0,
    runs,
  };
}

/** Per strength word: how many results carried it, and how often they were judged relevant. */
export function calibrationTable(results: readonly LabelledResult[]): CalibrationRow[] {
  return STRENGTH_ORDER.map((strength) => {
    const rows = results.filter((r) => r.strength === strength);
    const share = (minGrade: number) => (rows.length ? rows.filter((r) => r.grade >= minGrade).length / rows.length : 0);
    return { strength, results: rows.length, relevant: share(1), good: share(2) };
  });
}

function figuresOf(runs: readonly VisitorRun[]): VisitorGroupFigures {
  const traps = (r: VisitorRun) => new Set(r.query.traps ?? []);
  return {
    engine: summarise(runs.map((r) => ({ ranked: r.ranked, grades: r.query.judged }))),
    bm25: summarise(runs.map((r) => ({ ranked: r.bm25, grades: r.query.judged }))),
    trapsInTop5: runs.filter((r) => r.ranked.slice(0, 5).some((id) => traps(r).has(id))).length,
    trapAboveFirstGood: runs.filter((r) => {
      const firstGood = r.ranked.findIndex((id) => (r.query.judged[id] ?? 0) >= 2);
      const end = firstGood < 0 ? r.ranked.length : firstGood;
      return r.ranked.slice(0, end).some((id) => traps(r).has(id));
    }).length,
  };
}

function baselineOf(docs: readonly { id: string; country: string; text: string }[]): (text: string, country: string) => string[] {
  const bm25 = new Bm25(docs);
  const countryOf = new Map(docs.map((d) => [d.id, d.country]));
  return (text, country) => bm25.search(text, DEPTH, (id) => countryOf.get(id) !== country).map((h) => h.id);
}
