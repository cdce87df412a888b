// Staff verdicts on suggestions ("good" / "wrong"): recorded per company and candidate, listed,
// withdrawn and exported. They hold ids, names, verdicts and staff notes, never contact data.
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { EntityStore, FeedbackQuery, FeedbackStore, Page } from '../db/index.js';
import { FeedbackInputSchema, type Feedback, type FeedbackKind, type FeedbackVerdict } from '../domain/index.js';
import { appError } from '../errors.js';
import { parseOrThrow } from '../validation/index.js';
import { getEntity } from './get-entity.js';

/** What reading verdicts needs. */
export interface VerdictReaderDeps {
  readonly repo: Pick<FeedbackStore, 'listFeedback' | 'judgedCompanies'>;
}

/** What recording, listing and withdrawing judgments need: the feedback store, and entities to check ids against. */
export interface FeedbackDeps {
  readonly repo: FeedbackStore & Pick<EntityStore, 'getVersioned' | 'existingIds' | 'getMany'>;
}

const PAGE = 500;

/**
 * Staff verdicts on a company's suggestions of one kind, by candidate. Most companies have none:
 * the set of judged companies is read at most every JUDGED_TTL_MS (and at once after this
 * process's own verdict changes), so their rankings cost no extra query.
 */
export async function verdictsFor(engine: VerdictReaderDeps, companyId: string, kind: FeedbackKind): Promise<Map<string, FeedbackVerdict>> {
  if (!(await judgedCompanies(engine)).has(companyId)) return new Map();
  const page = await engine.repo.listFeedback({ companyId, kind, limit: MAX_VERDICTS, offset: 0 });
  return new Map(page.items.map((f) => [f.candidateId, f.verdict]));
}

// Verdicts are given one by one in the console: a company has few. Another replica's verdict
// reaches this process's rankings within JUDGED_TTL_MS.
const MAX_VERDICTS = 500;
const JUDGED_TTL_MS = 5_000;
// Keyed by the store, so every process (and test) with its own database has its own cache.
const judged = new WeakMap<object, { readAt: number; ids: Promise<Set<string>> }>();

function judgedCompanies(engine: VerdictReaderDeps): Promise<Set<string>> {
  const cached = judged.get(engine.repo);
  if (cached && Date.now() - cached.readAt < JUDGED_TTL_MS) return cached.ids;
  const ids = engine.repo.judgedCompanies().then((list) => new Set(list));
  // A failed read is not cached: the next ranking asks again.
  ids.catch(() => judged.delete(engine.repo));
  judged.set(engine.repo, { readAt: Date.now(), ids });
  return ids;
}

/** After this process changes verdicts: the next ranking reads the judged companies afresh. */
export function forgetJudgedCompanies(engine: { readonly repo: object }): void {
  judged.delete(engine.repo);
}

/** Records (or replaces) a verdict on a suggestion made to the company; `keyId` is the staff key that gave it. */
export async function recordFeedback(engine: FeedbackDeps, companyId: string, body: unknown, keyId: string | null): Promise<Feedback> {
  const input = parseOrThrow(FeedbackInputSchema, body, 'feedback');
  await getEntity(engine, 'company', companyId);
  await checkCandidate(engine, companyId, input.kind, input.candidateId);
  const now = new Date().toISOString();
  forgetJudgedCompanies(engine);
  return engine.repo.upsertFeedback({
    id: `fb_${randomUUID()}`,
    companyId,
    kind: input.kind,
    candidateId: input.candidateId,
    verdict: input.verdict,
    score: input.score ?? null,
    note: input.note ?? null,
    keyId,
    createdAt: now,
    updatedAt: now,
  });
}

async function checkCandidate(engine: FeedbackDeps, companyId: string, kind: FeedbackKind, candidateId: string): Promise<void> {
  if (kind === 'partner' && candidateId === companyId) {
    throw appError('SELF_JUDGMENT', {}, [{ path: 'candidateId', message: 'must be another company' }]);
  }
  const type = kind === 'partner' ? 'company' : 'opportunity';
  if ((await engine.repo.existingIds(type, [candidateId])).size === 0) {
    throw appError('NO_CANDIDATE', { kind: type, id: candidateId }, [{ path: 'candidateId', message: `no such ${type}` }]);
  }
}

/** Every judgment made for the company's suggestions. */
export async function feedbackOfCompany(engine: FeedbackDeps, companyId: string): Promise<Feedback[]> {
  await getEntity(engine, 'company', companyId);
  return allFeedback(engine, { companyId });
}

/** Removes one verdict; a not-found error when there was none. */
export async function withdrawFeedback(engine: { readonly repo: Pick<FeedbackStore, 'deleteFeedback'> }, companyId: string, kind: FeedbackKind, candidateId: string): Promise<void> {
  forgetJudgedCompanies(engine);
  if (!(await engine.repo.deleteFeedback(companyId, kind, candidateId))) {
    throw appError('NOT_JUDGED', { kind, companyId, candidateId }, [{ path: 'candidateId', message: 'not judged' }]);
  }
}

/** Every judgment matching the filters, newest first (all pages). */
export async function allFeedback(engine: { readonly repo: Pick<FeedbackStore, 'listFeedback'> }, filters: Omit<FeedbackQuery, 'limit' | 'offset'> = {}): Promise<Feedback[]> {
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
export const FEEDBACK_COLUMNS = ['companyId', 'companyName', 'kind', 'candidateId', 'candidateName', 'verdict', 'score', 'note', 'createdAt', 'updatedAt'] as const;

/** All judgments matching the filters as CSV, with names beside the ids so a person can read it. */
export async function feedbackCsv(engine: FeedbackDeps, filters: Pick<FeedbackQuery, 'kind' | 'verdict'> = {}): Promise<string> {
  const rows = await allFeedback(engine, filters);
  const companyNames = await namesOf(engine, 'company', rows.flatMap((f) => (f.kind === 'partner' ? [f.companyId, f.candidateId] : [f.companyId])));
  const opportunityTitles = await namesOf(engine, 'opportunity', rows.filter((f) => f.kind === 'opportunity').map((f) => f.candidateId));
  const records = rows.map((f) => [
    f.companyId, companyNames.get(f.companyId) ?? '', f.kind, f.candidateId,
    (f.kind === 'partner' ? companyNames : opportunityTitles).get(f.candidateId) ?? '',
    f.verdict, f.score ?? '', f.note ?? '', f.createdAt, f.updatedAt,
  ]);
  return stringify(records, { header: true, columns: [...FEEDBACK_COLUMNS], escape_formulas: true });
}

async function namesOf(engine: FeedbackDeps, type: 'company' | 'opportunity', ids: readonly string[]): Promise<Map<string, string>> {
  const entities = await engine.repo.getMany(type, [...new Set(ids)]);
  return new Map(entities.map((e) => [e.id, 'title' in e ? e.title : e.name]));
}
