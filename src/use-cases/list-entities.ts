// Listing companies, opportunities or clusters a page at a time, filtered and searched.
import type { EntityStore, ListQuery, Page } from '../db/index.js';
import type { EntityByType, EntityType } from '../domain/index.js';

/** One page of entities matching the query, by id, with the total that match. */
export async function listEntities<T extends EntityType>(
  deps: { readonly repo: Pick<EntityStore, 'list'> },
  type: T,
  query: ListQuery,
): Promise<Page<EntityByType[T]>> {
  return deps.repo.list(type, query);
}
