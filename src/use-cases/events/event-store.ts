// Reading and changing one event document: every verb of src/use-cases/events goes through here,
// so a change is one transaction and a stale If-Match is a 412.
import { WriteConflict, type EventStore, type Versioned } from '../../db/index.js';
import type { EventParticipant, MatchEvent, Meeting } from '../../domain/index.js';
import { appError, notFound } from '../../errors.js';

/** What reading an event needs: an Engine has it, and so has a bare repository. */
export type EventReader = { readonly repo: Pick<EventStore, 'getVersionedEvent'> };
/** What changing an event needs. */
export type EventWriter = { readonly repo: Pick<EventStore, 'updateEvent'> };

export const noEvent = (id: string) => notFound('event', id);

export const staleEvent = (id: string, version: number) =>
  appError('STALE_VERSION', { kind: 'event', id, version }, [{ path: 'If-Match', message: `stale: the current ETag is "${version}"` }]);

export async function getEvent(engine: EventReader, id: string): Promise<MatchEvent> {
  return (await getVersionedEvent(engine, id)).value;
}

export async function getVersionedEvent(engine: EventReader, id: string): Promise<Versioned<MatchEvent>> {
  const found = await engine.repo.getVersionedEvent(id);
  if (!found) throw noEvent(id);
  return found;
}

/**
 * One read-change-write of an event; `change` throwing leaves it untouched. With `ifMatch`, only
 * if the event is still at that version (else 412).
 */
export async function changeEvent(
  engine: EventWriter,
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
