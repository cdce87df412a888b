// Reading one company, opportunity or cluster by id, as every use case that names one does.
import type { EntityStore, Versioned } from '../db/index.js';
import type { EntityByType, EntityType } from '../domain/index.js';
import { notFound } from '../errors.js';

/** What reading an entity needs. */
export interface EntityReaderDeps {
  readonly repo: Pick<EntityStore, 'getVersioned'>;
}

/** The entity; a not-found error when there is none. */
export async function getEntity<T extends EntityType>(deps: EntityReaderDeps, type: T, id: string): Promise<EntityByType[T]> {
  return (await getVersionedEntity(deps, type, id)).value;
}

/** The entity with its version (its ETag); a not-found error when there is none. */
export async function getVersionedEntity<T extends EntityType>(deps: EntityReaderDeps, type: T, id: string): Promise<Versioned<EntityByType[T]>> {
  const found = await deps.repo.getVersioned(type, id);
  if (!found) throw notFound(type, id);
  return found;
}
