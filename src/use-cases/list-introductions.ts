// Staff read the introduction requests, newest first.
import type { AccessStore, IntroductionQuery, Page } from '../db/index.js';
import type { Introduction } from '../domain/index.js';

/** One page of requests, newest first. */
export async function listIntroductions(
  engine: { readonly repo: Pick<AccessStore, 'listIntroductions'> },
  query: IntroductionQuery,
): Promise<Page<Introduction>> {
  return engine.repo.listIntroductions(query);
}
