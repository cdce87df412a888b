// Deleting an event, optionally only at a given version.
import { WriteConflict, type EventStore, type MailingStore } from '../../db/index.js';
import { noEvent, staleEvent } from './event-store.js';

/**
 * With `ifMatch`, deletes only if the event is still at that version (else 412). The record of
 * whom agendas were mailed goes with it: it names contact e-mails kept for no other purpose.
 */
export async function deleteEvent(
  engine: { readonly repo: Pick<EventStore, 'deleteEvent'> & Pick<MailingStore, 'deleteAgendaMailingsOfEvent'> },
  id: string,
  ifMatch?: number,
): Promise<void> {
  try {
    if (!(await engine.repo.deleteEvent(id, ifMatch))) throw noEvent(id);
  } catch (err) {
    if (err instanceof WriteConflict) throw staleEvent(id, err.found as number);
    throw err;
  }
  await engine.repo.deleteAgendaMailingsOfEvent(id);
}
