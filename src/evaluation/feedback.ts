// Staff feedback as a second source of judgments: each company's verdicts ("good" = relevant,
// grade 2; "wrong" = not relevant, 0) held against what the live engine suggests to it now.
import { FEEDBACK_KINDS, isOpen, type Feedback, type FeedbackKind } from '../domain/index.js';
import type { Engine } from '../engine/index.js';
import { allFeedback } from '../use-cases/list-feedback.js';
import { opportunitiesForCompany } from '../use-cases/recommend-opportunities.js';
import { partnersForCompany } from '../use-cases/recommend-partners.js';
import { ndcgAt, type Grades } from './metrics.js';

/** How deep the live ranking is read: judged-good items below it count as not found. */
export const FEEDBACK_DEPTH = 20;

export interface FeedbackFigures {
  companiesJudged: number;
  judgments: number;
  good: number;
  wrong: number;
  /** Judgments of candidates that can no longer be suggested (deleted, or a closed opportunity): left out of the figures below. */
  unavailable: number;
  /** Mean nDCG@5 of the condensed ranking (unjudged results dropped), over the companies with a "good" verdict. */
  ndcg5: number;
  /** Companies the nDCG@5 mean is taken over: with only "wrong" verdicts there is nothing to rank first. */
  ndcgCompanies: number;
  goodInTop5: number;
  wrongInTop5: number;
  goodNotInTop20: number;
}

export type FeedbackEvaluation = Record<FeedbackKind, FeedbackFigures>;

/** `now` decides which opportunities are still open (as in live suggestions); tests pin it. */
export async function evaluateFeedback(engine: Engine, options: { now?: Date } = {}): Promise<FeedbackEvaluation> {
  const now = options.now ?? new Date();
  const rows = await allFeedback(engine);
  const result = {} as FeedbackEvaluation;
  for (const kind of FEEDBACK_KINDS)
    result[kind] = await evaluateKind(
      engine,
      kind,
      rows.filter((f) => f.kind === kind),
      now,
    );
  return result;
}

export const hasFeedback = (e: FeedbackEvaluation) => FEEDBACK_KINDS.some((kind) => e[kind].judgments > 0);

async function evaluateKind(engine: Engine, kind: FeedbackKind, rows: readonly Feedback[], now: Date): Promise<FeedbackFigures> {
  const byCompany = groupByCompany(rows);
  const askers = await engine.repo.existingIds('company', [...byCompany.keys()]);
  const suggestable = await stillSuggestable(engine, kind, rows, now);
  const figures: FeedbackFigures = {
    companiesJudged: byCompany.size,
    judgments: rows.length,
    good: count(rows, 'good'),
    wrong: count(rows, 'wrong'),
    unavailable: 0,
    ndcg5: 0,
    ndcgCompanies: 0,
    goodInTop5: 0,
    wrongInTop5: 0,
    goodNotInTop20: 0,
  };
  let ndcgSum = 0;
  for (const [companyId, verdicts] of byCompany) {
    const judged = askers.has(companyId) ? verdicts.filter((f) => suggestable.has(f.candidateId)) : [];
    figures.unavailable += verdicts.length - judged.length;
    if (!judged.length) continue;
    const ranked = await liveRanking(engine, kind, companyId, now);
    const grades: Grades = Object.fromEntries(judged.map((f) => [f.candidateId, f.verdict === 'good' ? 2 : 0]));
    const top5 = ranked.slice(0, 5);
    figures.goodInTop5 += top5.filter((id) => grades[id] === 2).length;
    figures.wrongInTop5 += top5.filter((id) => grades[id] === 0).length;
    figures.goodNotInTop20 += judged.filter((f) => f.verdict === 'good' && !ranked.includes(f.candidateId)).length;
    if (judged.some((f) => f.verdict === 'good')) {
      ndcgSum += ndcgAt(
        ranked.filter((id) => id in grades),
        grades,
        5,
      );
      figures.ndcgCompanies++;
    }
  }
  figures.ndcg5 = figures.ndcgCompanies ? ndcgSum / figures.ndcgCompanies : 0;
  return figures;
}

function groupByCompany(rows: readonly Feedback[]): Map<string, Feedback[]> {
  const groups = new Map<string, Feedback[]>();
  for (const f of rows) groups.set(f.companyId, [...(groups.get(f.companyId) ?? []), f]);
  return groups;
}

const count = (rows: readonly Feedback[], verdict: Feedback['verdict']) => rows.filter((f) => f.verdict === verdict).length;

/** The judged candidates the engine may still suggest: not deleted, and opportunities still open. */
async function stillSuggestable(engine: Engine, kind: FeedbackKind, rows: readonly Feedback[], now: Date): Promise<Set<string>> {
  const ids = [...new Set(rows.map((f) => f.candidateId))];
  if (kind === 'partner') return engine.repo.existingIds('company', ids);
  const opportunities = await engine.repo.getMany('opportunity', ids);
  return new Set(opportunities.filter((o) => isOpen(o.deadline, o.country, now)).map((o) => o.id));
}

async function liveRanking(engine: Engine, kind: FeedbackKind, companyId: string, now: Date): Promise<string[]> {
  // Ranked without the verdicts: held against them, they would only grade themselves.
  if (kind === 'partner')
    return (await partnersForCompany(engine, companyId, { limit: FEEDBACK_DEPTH }, undefined, { verdicts: false })).results.map((r) => r.company.id);
  return (await opportunitiesForCompany(engine, companyId, { limit: FEEDBACK_DEPTH }, { now }, { verdicts: false })).results.map((r) => r.opportunity.id);
}
