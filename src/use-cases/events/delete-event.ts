// Deleting an event, optionally only at a given version.
import { WriteConflict } from '../../db/index.js';
import type { Engine } from '../../engine/index.js';
import { noEvent, staleEvent } from './event-store.js';

/** With `ifMatch`, deletes only if the event is still at that version (else 412). */
export async function deleteEvent(engine: Engine, id: string, ifMatch?: number): Promise<void> {
  try {
    if (!(await engine.repo.deleteEvent(id, ifMatch))) throw noEvent(id);
  } catch (err) {
    if (err instanceof WriteConflict) throw staleEvent(id, err.found as number);
    throw err;
  }
}
