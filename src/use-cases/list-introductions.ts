// Staff read the introduction requests, newest first, each with the name of the company asked for
// (staff recognise companies by name, not by id).
import type { AccessStore, EntityStore, IntroductionQuery, Page } from '../db/index.js';
import type { Introduction } from '../domain/index.js';

/** A request as listed: null `companyName` when the company has since been deleted. */
export type ListedIntroduction = Introduction & { companyName: string | null };

/** One page of requests, newest first; the company names are read in one batch. */
export async function listIntroductions(
  engine: { readonly repo: Pick<AccessStore, 'listIntroductions'> & Pick<EntityStore, 'getMany'> },
  query: IntroductionQuery,
): Promise<Page<ListedIntroduction>> {
  const page = await engine.repo.listIntroductions(query);
  const ids = [...new Set(page.items.map((i) => i.companyId))];
  const names = new Map((await engine.repo.getMany('company', ids)).map((c) => [c.id, c.name]));
  return { ...page, items: page.items.map((i) => ({ ...i, companyName: names.get(i.companyId) ?? null })) };
}
