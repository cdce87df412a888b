// Creating an event: slots laid out from its plan in the venue's zone.
import { EventInputSchema, toMatchEvent, type MatchEvent } from '../../domain/index.js';
import { appError } from '../../errors.js';
import type { EventStore } from '../../db/index.js';
import { parseOrThrow } from '../../validation/index.js';

export async function createEvent(engine: { readonly repo: Pick<EventStore, 'getEvent' | 'createEvent'> }, body: unknown): Promise<MatchEvent> {
  const event = toMatchEvent(parseOrThrow(EventInputSchema, body, 'event'));
  if (await engine.repo.getEvent(event.id)) throw appError('EVENT_EXISTS', { id: event.id }, [{ path: 'id', message: 'already exists' }]);
  await engine.repo.createEvent(event);
  return event;
}
