// Allowing a removed pair again.
import { PairSchema } from '../../domain/index.js';
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, samePairOf, type EventWriter } from './event-store.js';

export async function restorePair(engine: EventWriter, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => ({ ...e, removedPairs: e.removedPairs.filter(([a, b]) => !samePairOf(a, b, pair.a, pair.b)) }));
}
