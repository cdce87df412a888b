// Staff withdraw a verdict they gave.
import type { FeedbackStore } from '../db/index.js';
import type { FeedbackKind } from '../domain/index.js';
import { appError } from '../errors.js';
import { forgetJudgedCompanies } from './read-verdicts.js';

/** Removes one verdict; a not-found error when there was none. */
export async function withdrawFeedback(
  engine: { readonly repo: Pick<FeedbackStore, 'deleteFeedback'> },
  companyId: string,
  kind: FeedbackKind,
  candidateId: string,
): Promise<void> {
  forgetJudgedCompanies(engine);
  if (!(await engine.repo.deleteFeedback(companyId, kind, candidateId))) {
    throw appError('NOT_JUDGED', { kind, companyId, candidateId }, [{ path: 'candidateId', message: 'not judged' }]);
  }
}
