// Staff judge a suggestion made to a company ("good" / "wrong"): one verdict per company, kind
// and candidate. Verdicts hold ids, names, verdicts and staff notes, never contact data.
import { randomUUID } from 'node:crypto';
import type { EntityStore, FeedbackStore } from '../db/index.js';
import type { Feedback, FeedbackInput, FeedbackKind } from '../domain/index.js';
import { appError } from '../errors.js';
import { getEntity } from './get-entity.js';
import { forgetJudgedCompanies } from './read-verdicts.js';

/** What recording a judgment needs: the feedback store, and entities to check ids against. */
export interface RecordFeedbackDeps {
  readonly repo: Pick<FeedbackStore, 'upsertFeedback'> & Pick<EntityStore, 'getVersioned' | 'existingIds'>;
}

/** Records (or replaces) a verdict, parsed at the edge, on a suggestion made to the company; `keyId` is the staff key that gave it. */
export async function recordFeedback(engine: RecordFeedbackDeps, companyId: string, input: FeedbackInput, keyId: string | null): Promise<Feedback> {
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

async function checkCandidate(engine: RecordFeedbackDeps, companyId: string, kind: FeedbackKind, candidateId: string): Promise<void> {
  if (kind === 'partner' && candidateId === companyId) {
    throw appError('SELF_JUDGMENT', {}, [{ path: 'candidateId', message: 'must be another company' }]);
  }
  const type = kind === 'partner' ? 'company' : 'opportunity';
  if ((await engine.repo.existingIds(type, [candidateId])).size === 0) {
    throw appError('NO_CANDIDATE', { kind: type, id: candidateId }, [{ path: 'candidateId', message: `no such ${type}` }]);
  }
}
