// Deleting one entity. Deleting a company erases it everywhere it appears first (events,
// introduction requests, staff feedback); a cluster's members are detached inside the delete.
import type { WriteGuard } from '../db/index.js';
import type { EntityType } from '../domain/index.js';
import { eraseCompanyTraces, type ErasureDeps } from './erase-company-traces.js';
import { getVersionedEntity } from './get-entity.js';
import { stale, writeGuarded, type EntityWriterDeps } from './write-entities.js';

/** What deleting needs: an entity writer, plus the stores erasure reaches. */
export type DeleteEntityDeps = EntityWriterDeps & ErasureDeps;

/** Deletes the entity; with `ifMatch`, only if it is still at that version (else 412). */
export async function deleteEntity(deps: DeleteEntityDeps, type: EntityType, id: string, ifMatch?: number): Promise<void> {
  const current = await getVersionedEntity(deps, type, id);
  if (ifMatch !== undefined && current.version !== ifMatch) throw stale(type, id, current.version);
  // Erasure reaches everywhere the company appears, not only its own row and vectors.
  if (type === 'company') await eraseCompanyTraces(deps, id);
  // A cluster's members are detached from it inside the delete's transaction (see WriteBatch).
  const guard: WriteGuard | undefined = ifMatch === undefined ? undefined : { expect: { entityType: type, id, version: ifMatch } };
  await writeGuarded(deps, type, id, { deletes: [{ entityType: type, id }] }, guard);
  await deps.follower.catchUp();
}
