// Staff verdicts as the rankings read them: a wrong suggestion moves down, a good one up.
import type { FeedbackStore } from '../db/index.js';
import type { FeedbackKind, FeedbackVerdict } from '../domain/index.js';

/** What reading verdicts needs. */
export interface VerdictReaderDeps {
  readonly repo: Pick<FeedbackStore, 'listFeedback' | 'judgedCompanies'>;
}

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
