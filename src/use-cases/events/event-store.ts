// Reading and changing one event document: every verb of src/use-cases/events goes through here,
// so a change is one transaction and a stale If-Match is a 412.
import { WriteConflict, type Versioned } from '../../db/index.js';
import type { EventParticipant, MatchEvent, Meeting } from '../../domain/index.js';
import { AppError, appError, ErrorCodes, notFound } from '../../errors.js';
import type { Engine } from '../../engine/index.js';

export const noEvent = (id: string) => notFound('event', id);

export const staleEvent = (id: string, version: number) =>
  new AppError(ErrorCodes.STALE, `The event "${id}" was changed meanwhile (it is now at version ${version}); load it again and redo the change.`, [
    { path: 'If-Match', message: `stale: the current ETag is "${version}"` },
  ]);

export async function getEvent(engine: Engine, id: string): Promise<MatchEvent> {
  return (await getVersionedEvent(engine, id)).value;
}

export async function getVersionedEvent(engine: Engine, id: string): Promise<Versioned<MatchEvent>> {
  const found = await engine.repo.getVersionedEvent(id);
  if (!found) throw noEvent(id);
  return found;
}

/**
 * One read-change-write of an event; `change` throwing leaves it untouched. With `ifMatch`, only
 * if the event is still at that version (else 412).
 */
export async function changeEvent(
  engine: Engine,
  id: string,
  change: (e: MatchEvent) => MatchEvent | Promise<MatchEvent>,
  ifMatch?: number,
): Promise<Versioned<MatchEvent>> {
  try {
    const updated = await engine.repo.updateEvent(id, change, ifMatch);
    if (!updated) throw noEvent(id);
    return updated;
  } catch (err) {
    if (err instanceof WriteConflict) throw staleEvent(id, err.found as number);
    throw err;
  }
}

export function participantOf(e: MatchEvent, companyId: string): EventParticipant {
  const p = e.participants.find((x) => x.companyId === companyId);
  if (!p) throw appError('NOT_A_PARTICIPANT', { companyId, eventId: e.id }, [{ path: 'companyId', message: 'not a participant' }]);
  return p;
}

export const samePairOf = (a: string, b: string, x: string, y: string) => (a === x && b === y) || (a === y && b === x);
export const samePair = (m: Meeting, x: string, y: string) => samePairOf(m.a, m.b, x, y);
