// The list of events (id, name, last change) without reading their documents.
import type { EventStore, EventSummary } from '../../db/index.js';

export async function listEvents(repo: Pick<EventStore, 'listEvents'>): Promise<EventSummary[]> {
  return repo.listEvents();
}
