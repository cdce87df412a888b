// Unpinning a meeting: it stays in the agenda, free to move at the next run.
import { PairSchema } from '../../domain/index.js';
import { appError } from '../../errors.js';
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, samePair, type EventWriter } from './event-store.js';

export async function unpinMeeting(engine: EventWriter, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => {
    if (!e.pins.some((m) => samePair(m, pair.a, pair.b))) throw appError('NO_PINNED_MEETING', { a: pair.a, b: pair.b });
    const agenda = e.agenda?.map((m) => (samePair(m, pair.a, pair.b) ? { a: m.a, b: m.b, slot: m.slot, table: m.table } : m)) ?? null;
    return { ...e, pins: e.pins.filter((m) => !samePair(m, pair.a, pair.b)), agenda };
  });
}
