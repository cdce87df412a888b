// Staff move an introduction request along (new, in-progress, introduced, declined) and note why.
import type { AccessStore } from '../db/index.js';
import { IntroductionPatchSchema, type Introduction } from '../domain/index.js';
import { notFound } from '../errors.js';
import { parseOrThrow } from '../validation/index.js';

/** Staff change a request's status or note; a not-found error when there is no such request. */
export async function updateIntroduction(engine: { readonly repo: Pick<AccessStore, 'updateIntroduction'> }, id: string, body: unknown): Promise<Introduction> {
  const patch = parseOrThrow(IntroductionPatchSchema, body, 'introduction patch');
  const updated = await engine.repo.updateIntroduction(id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
  if (!updated) throw notFound('introduction', id);
  return updated;
}
