// Pinning a meeting: refused at once (422, naming the field) when it breaks a rule or collides with another pin.
import { PinSchema, type MatchEvent, type Meeting } from '../../domain/index.js';
import { appError } from '../../errors.js';
import { brokenPinRule, pinClash, type Attendee } from '../../events/index.js';
import type { EntityStore } from '../../db/index.js';

type CompanyReader = { readonly repo: Pick<EntityStore, 'getMany'> };
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, participantOf, samePair, samePairOf, type EventWriter } from './event-store.js';

/** Pins a meeting: given a slot and table, or where the pair meets in the current agenda. */
export async function pinMeeting(engine: CompanyReader & EventWriter, eventId: string, body: unknown): Promise<Meeting> {
  const pin = parseOrThrow(PinSchema, body, 'pin');
  let pinned: Meeting | undefined;
  await changeEvent(engine, eventId, async (e) => {
    for (const id of [pin.a, pin.b]) participantOf(e, id);
    const current = e.agenda?.find((m) => samePair(m, pin.a, pin.b));
    const slot = pin.slot ?? current?.slot;
    const table = pin.table ?? current?.table;
    if (slot === undefined || table === undefined) throw appError('PIN_NEEDS_PLACE', {}, [{ path: 'slot', message: 'required' }]);
    if (slot >= e.slots.length) throw appError('NO_SUCH_PLACE', { place: 'slot' }, [{ path: 'slot', message: `the event has ${e.slots.length} slots` }]);
    if (table >= e.tables) throw appError('NO_SUCH_PLACE', { place: 'table' }, [{ path: 'table', message: `the event has ${e.tables} tables` }]);
    await checkPinRules(engine, e, pin.a, pin.b, slot);
    pinned = { a: pin.a, b: pin.b, slot, table, pinned: true };
    const clash = pinClash(
      pinned,
      e.pins.filter((m) => !samePair(m, pin.a, pin.b)),
    );
    if (clash) throw appError('PIN_CLASHES', { clash: clash.message }, [{ path: clash.field, message: clash.message }]);
    const agenda = e.agenda?.map((m) => (samePair(m, pin.a, pin.b) && m.slot === slot && m.table === table ? { ...m, pinned: true } : m)) ?? null;
    return {
      ...e,
      pins: [...e.pins.filter((m) => !samePair(m, pin.a, pin.b)), pinned],
      removedPairs: e.removedPairs.filter(([a, b]) => !samePairOf(a, b, pin.a, pin.b)),
      agenda,
    };
  });
  return pinned!;
}

/** Refuses (422, naming the rule) a pin the scheduler could never keep. */
async function checkPinRules(engine: CompanyReader, e: MatchEvent, a: string, b: string, slot: number): Promise<void> {
  const countries = new Map((await engine.repo.getMany('company', [a, b])).map((c) => [c.id, c.country]));
  const attendee = (id: string): Attendee => {
    const p = participantOf(e, id);
    return { id, country: countries.get(id) ?? '', availability: p.availability, wishes: [], blocks: p.blocks };
  };
  const setup = { slots: e.slots, tables: e.tables, maxMeetings: e.maxMeetings ?? undefined, allowSameCountry: e.allowSameCountry, minMeetings: e.minMeetings };
  const others = e.pins.filter((m) => !samePair(m, a, b));
  const broken = brokenPinRule(setup, attendee(a), attendee(b), slot, others);
  if (broken) throw appError('PIN_BREAKS_RULE', { rule: broken.message }, [{ path: broken.field, message: broken.message }]);
}
