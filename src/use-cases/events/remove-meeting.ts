// Removing a meeting: the pair leaves the agenda and is not scheduled again until restored.
import { PairSchema } from '../../domain/index.js';
import { appError } from '../../errors.js';
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, participantOf, samePair, samePairOf, type EventWriter } from './event-store.js';

/** Staff remove a meeting: the pair leaves the agenda and is never scheduled again (until restored). */
export async function removeMeeting(engine: EventWriter, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => {
    for (const id of [pair.a, pair.b]) participantOf(e, id);
    if (e.pins.some((m) => samePair(m, pair.a, pair.b))) throw appError('MEETING_PINNED', {}, [{ path: 'a', message: 'pinned' }]);
    const removedPairs = e.removedPairs.some(([a, b]) => samePairOf(a, b, pair.a, pair.b))
      ? e.removedPairs
      : [...e.removedPairs, [pair.a, pair.b] as [string, string]];
    return { ...e, removedPairs, agenda: e.agenda?.filter((m) => !samePair(m, pair.a, pair.b)) ?? null };
  });
}
