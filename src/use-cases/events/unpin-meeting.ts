// Unpinning a meeting: it stays in the agenda, free to move at the next run.
import { PairSchema } from '../../domain/index.js';
import { AppError, ErrorCodes } from '../../errors.js';
import type { Engine } from '../engine.js';
import { parseOrThrow } from '../validate.js';
import { changeEvent, samePair } from './event-store.js';

export async function unpinMeeting(engine: Engine, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => {
    if (!e.pins.some((m) => samePair(m, pair.a, pair.b))) throw new AppError(ErrorCodes.NOT_FOUND, `${pair.a} and ${pair.b} have no pinned meeting.`);
    const agenda = e.agenda?.map((m) => (samePair(m, pair.a, pair.b) ? { a: m.a, b: m.b, slot: m.slot, table: m.table } : m)) ?? null;
    return { ...e, pins: e.pins.filter((m) => !samePair(m, pair.a, pair.b)), agenda };
  });
}
