// Staff verdicts listed: a company's, a page of all, every one matching filters, or all as CSV.
import { stringify } from 'csv-stringify/sync';
import type { EntityStore, FeedbackQuery, FeedbackStore, Page } from '../db/index.js';
import type { Feedback } from '../domain/index.js';
import { getEntity } from './get-entity.js';

/** What listing judgments needs: the feedback store, and entities for names. */
export interface FeedbackListDeps {
  readonly repo: Pick<FeedbackStore, 'listFeedback'> & Pick<EntityStore, 'getVersioned' | 'getMany'>;
}

const PAGE = 500;

/** Every judgment made for the company's suggestions. */
export async function feedbackOfCompany(engine: FeedbackListDeps, companyId: string): Promise<Feedback[]> {
  await getEntity(engine, 'company', companyId);
  return allFeedback(engine, { companyId });
}

/** Every judgment matching the filters, newest first (all pages). */
export async function allFeedback(
  engine: { readonly repo: Pick<FeedbackStore, 'listFeedback'> },
  filters: Omit<FeedbackQuery, 'limit' | 'offset'> = {},
): Promise<Feedback[]> {
  const out: Feedback[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await engine.repo.listFeedback({ ...filters, limit: PAGE, offset });
    out.push(...page.items);
    if (page.items.length < PAGE) return out;
  }
}

/** One page of judgments matching the query, newest first. */
export async function feedbackPage(engine: { readonly repo: Pick<FeedbackStore, 'listFeedback'> }, query: FeedbackQuery): Promise<Page<Feedback>> {
  return engine.repo.listFeedback(query);
}

/** The columns of the feedback CSV, in order. */
export const FEEDBACK_COLUMNS = [
  'companyId',
  'companyName',
  'kind',
  'candidateId',
  'candidateName',
  'verdict',
  'score',
  'note',
  'createdAt',
  'updatedAt',
] as const;

/** All judgments matching the filters as CSV, with names beside the ids so a person can read it. */
export async function feedbackCsv(engine: FeedbackListDeps, filters: Pick<FeedbackQuery, 'kind' | 'verdict'> = {}): Promise<string> {
  const rows = await allFeedback(engine, filters);
  const companyNames = await namesOf(
    engine,
    'company',
    rows.flatMap((f) => (f.kind === 'partner' ? [f.companyId, f.candidateId] : [f.companyId])),
  );
  const opportunityTitles = await namesOf(
    engine,
    'opportunity',
    rows.filter((f) => f.kind === 'opportunity').map((f) => f.candidateId),
  );
  const records = rows.map((f) => [
    f.companyId,
    companyNames.get(f.companyId) ?? '',
    f.kind,
    f.candidateId,
    (f.kind === 'partner' ? companyNames : opportunityTitles).get(f.candidateId) ?? '',
    f.verdict,
    f.score ?? '',
    f.note ?? '',
    f.createdAt,
    f.updatedAt,
  ]);
  return stringify(records, { header: true, columns: [...FEEDBACK_COLUMNS], escape_formulas: true });
}

async function namesOf(engine: FeedbackListDeps, type: 'company' | 'opportunity', ids: readonly string[]): Promise<Map<string, string>> {
  const entities = await engine.repo.getMany(type, [...new Set(ids)]);
  return new Map(entities.map((e) => [e.id, 'title' in e ? e.title : e.name]));
}
