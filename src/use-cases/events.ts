// Matchmaking events: create and change them, register participants (existing companies or new
// profiles), pin and remove meetings. Every change is one transaction on the event document.
import { WriteConflict, type Versioned } from '../db/index.js';
import {
  EventInputSchema, EventPatchSchema, mergePatch, PairSchema, ParticipantInputSchema, ParticipantPatchSchema, PinSchema,
  slotsOf, toMatchEvent, type EventParticipant, type EventSettings, type MatchEvent, type Meeting,
} from '../domain/index.js';
import { AppError, ErrorCodes, invalid, notFound } from '../errors.js';
import type { Engine } from './engine.js';
import { brokenPinRule, pinClash, type Attendee } from '../events/index.js';
import { parseOrThrow } from './validate.js';
import { createEntity } from './write-entities.js';

export async function createEvent(engine: Engine, body: unknown): Promise<MatchEvent> {
  const event = toMatchEvent(parseOrThrow(EventInputSchema, body, 'event'));
  if (await engine.repo.getEvent(event.id)) throw new AppError(ErrorCodes.CONFLICT, `An event with id "${event.id}" already exists.`, [{ path: 'id', message: 'already exists' }]);
  await engine.repo.createEvent(event);
  return event;
}

const noEvent = (id: string) => new AppError(ErrorCodes.NOT_FOUND, `No event with id "${id}".`, [{ path: 'id', message: 'not found' }]);

const staleEvent = (id: string, version: number) =>
  new AppError(ErrorCodes.STALE, `The event "${id}" was changed meanwhile (it is now at version ${version}); load it again and redo the change.`, [{ path: 'If-Match', message: `stale: the current ETag is "${version}"` }]);

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
export async function changeEvent(engine: Engine, id: string, change: (e: MatchEvent) => MatchEvent | Promise<MatchEvent>, ifMatch?: number): Promise<Versioned<MatchEvent>> {
  try {
    const updated = await engine.repo.updateEvent(id, change, ifMatch);
    if (!updated) throw noEvent(id);
    return updated;
  } catch (err) {
    if (err instanceof WriteConflict) throw staleEvent(id, err.found as number);
    throw err;
  }
}

/** Changes exactly the settings the body names; the rest keep their stored values. */
export async function patchEvent(engine: Engine, id: string, body: unknown, ifMatch?: number): Promise<Versioned<MatchEvent>> {
  const patch = parseOrThrow(EventPatchSchema, body, 'event patch');
  return changeEvent(engine, id, (e) => withSettings(e, mergePatch(settingsOf(e), patch)), ifMatch);
}

/** The settings of an event as its input names them (the slot plan flattened). */
function settingsOf(e: MatchEvent): EventSettings {
  return { name: e.name, timeZone: e.timeZone, ...e.plan, tables: e.tables, maxMeetings: e.maxMeetings, minMeetings: e.minMeetings, allowSameCountry: e.allowSameCountry };
}

function withSettings(e: MatchEvent, settings: EventSettings): MatchEvent {
  const { name, timeZone, tables, maxMeetings, minMeetings, allowSameCountry, ...plan } = settings;
  const next: MatchEvent = { ...e, name, timeZone, plan, slots: slotsOf(plan, timeZone), tables, maxMeetings: maxMeetings ?? null, minMeetings, allowSameCountry };
  if (JSON.stringify(next.slots) !== JSON.stringify(e.slots)) {
    // A new slot layout invalidates positions: pins go, availability keeps the slots that still exist.
    next.pins = [];
    next.participants = e.participants.map((p) => ({ ...p, availability: p.availability.filter((s) => s < next.slots.length) }));
  }
  // Any rule change makes the agenda stale; only a new name keeps it.
  const rules = (x: MatchEvent) => JSON.stringify({ ...settingsOf(x), name: undefined });
  if (rules(next) !== rules(e)) next.agenda = null;
  return next;
}

/** With `ifMatch`, deletes only if the event is still at that version (else 412). */
export async function deleteEvent(engine: Engine, id: string, ifMatch?: number): Promise<void> {
  try {
    if (!(await engine.repo.deleteEvent(id, ifMatch))) throw noEvent(id);
  } catch (err) {
    if (err instanceof WriteConflict) throw staleEvent(id, err.found as number);
    throw err;
  }
}

export async function addParticipant(engine: Engine, eventId: string, body: unknown): Promise<EventParticipant> {
  const input = parseOrThrow(ParticipantInputSchema, body, 'participant');
  const event = await getEvent(engine, eventId);
  const companyId = input.companyId ?? input.company!.id;
  if (event.participants.some((p) => p.companyId === companyId)) {
    throw new AppError(ErrorCodes.CONFLICT, `${companyId} is already registered for ${eventId}.`, [{ path: input.companyId ? 'companyId' : 'company.id', message: 'already registered' }]);
  }
  const participant: EventParticipant = {
    companyId,
    availability: input.availability ?? event.slots.map((_, i) => i),
    wishes: input.wishes.map((w) => ({ companyId: w.companyId, priority: w.priority })),
    blocks: input.blocks,
  };
  await checkParticipant(engine, event, participant, input.company === undefined);
  // A new profile is created first: the recommendation engine must know it to suggest meetings.
  if (input.company) await createEntity(engine, 'company', input.company);
  await changeEvent(engine, eventId, (e) => {
    if (e.participants.some((p) => p.companyId === companyId)) throw new AppError(ErrorCodes.CONFLICT, `${companyId} is already registered for ${eventId}.`);
    return { ...e, participants: [...e.participants, participant] };
  });
  return participant;
}

export async function patchParticipant(engine: Engine, eventId: string, companyId: string, body: unknown): Promise<EventParticipant> {
  const patch = parseOrThrow(ParticipantPatchSchema, body, 'participant patch');
  const event = await getEvent(engine, eventId);
  const current = participantOf(event, companyId);
  const next: EventParticipant = {
    ...current,
    ...(patch.availability ? { availability: patch.availability } : {}),
    ...(patch.wishes ? { wishes: patch.wishes.map((w) => ({ companyId: w.companyId, priority: w.priority })) } : {}),
    ...(patch.blocks ? { blocks: patch.blocks } : {}),
  };
  await checkParticipant(engine, event, next, true);
  await changeEvent(engine, eventId, (e) => ({ ...e, participants: e.participants.map((p) => (p.companyId === companyId ? next : p)) }));
  return next;
}

/** Removes a participant with its meetings and pins, and others' wishes and blocks naming it. */
export async function removeParticipant(engine: Engine, eventId: string, companyId: string): Promise<void> {
  await changeEvent(engine, eventId, (e) => {
    participantOf(e, companyId);
    return withoutParticipant(e, companyId);
  });
}

/**
 * The event with every trace of a company gone, its calendar entries too (erasure): partners'
 * calendars get no cancellation for a company that must not be named any more.
 */
export function withoutCompany(e: MatchEvent, companyId: string): MatchEvent {
  const involves = (x: { a: string; b: string }) => x.a === companyId || x.b === companyId;
  const rest = withoutParticipant(e, companyId);
  return {
    ...rest,
    ...(e.calendar ? { calendar: e.calendar.filter((c) => !involves(c)) } : {}),
    ...(e.changes ? { changes: { ...e.changes, participants: e.changes.participants.filter((p) => p.companyId !== companyId).map((p) => ({ ...p, added: p.added.filter((m) => m.with !== companyId), moved: p.moved.filter((m) => m.after.with !== companyId), cancelled: p.cancelled.filter((m) => m.with !== companyId) })) } } : {}),
  };
}

/**
 * The event without a participant: registration, meetings, pins, others' wishes and blocks. The
 * calendar keeps its meetings so the next schedule run sends partners their cancellation.
 */
export function withoutParticipant(e: MatchEvent, companyId: string): MatchEvent {
  const involves = (m: Meeting) => m.a === companyId || m.b === companyId;
  return {
    ...e,
    participants: e.participants
      .filter((p) => p.companyId !== companyId)
      .map((p) => ({ ...p, wishes: p.wishes.filter((w) => w.companyId !== companyId), blocks: p.blocks.filter((b) => b !== companyId) })),
    pins: e.pins.filter((m) => !involves(m)),
    removedPairs: e.removedPairs.filter(([a, b]) => a !== companyId && b !== companyId),
    agenda: e.agenda ? e.agenda.filter((m) => !involves(m)) : null,
  };
}

export function participantOf(e: MatchEvent, companyId: string): EventParticipant {
  const p = e.participants.find((x) => x.companyId === companyId);
  if (!p) throw new AppError(ErrorCodes.NOT_FOUND, `${companyId} is not a participant of ${e.id}.`, [{ path: 'companyId', message: 'not a participant' }]);
  return p;
}

async function checkParticipant(engine: Engine, event: MatchEvent, p: EventParticipant, mustExist: boolean): Promise<void> {
  const issues: { path: string; message: string }[] = [];
  p.availability.forEach((s, i) => { if (s >= event.slots.length) issues.push({ path: `availability[${i}]`, message: `slot ${s} does not exist (the event has ${event.slots.length})` }); });
  if (new Set(p.availability).size !== p.availability.length) issues.push({ path: 'availability', message: 'must not contain duplicates' });
  const named = [...p.wishes.map((w) => w.companyId), ...p.blocks];
  const known = await engine.repo.existingIds('company', [...named, ...(mustExist ? [p.companyId] : [])]);
  if (mustExist && !known.has(p.companyId)) throw notFound('company', p.companyId);
  p.wishes.forEach((w, i) => {
    if (w.companyId === p.companyId) issues.push({ path: `wishes[${i}].companyId`, message: 'a company cannot wish to meet itself' });
    else if (!known.has(w.companyId)) issues.push({ path: `wishes[${i}].companyId`, message: `no company "${w.companyId}"` });
  });
  p.blocks.forEach((b, i) => { if (!known.has(b)) issues.push({ path: `blocks[${i}]`, message: `no company "${b}"` }); });
  if (issues.length) throw invalid('Invalid participant.', issues);
}

/** Pins a meeting: given a slot and table, or where the pair meets in the current agenda. */
export async function pinMeeting(engine: Engine, eventId: string, body: unknown): Promise<Meeting> {
  const pin = parseOrThrow(PinSchema, body, 'pin');
  let pinned: Meeting | undefined;
  await changeEvent(engine, eventId, async (e) => {
    for (const id of [pin.a, pin.b]) participantOf(e, id);
    const current = e.agenda?.find((m) => samePair(m, pin.a, pin.b));
    const slot = pin.slot ?? current?.slot;
    const table = pin.table ?? current?.table;
    if (slot === undefined || table === undefined) throw invalid('Give slot and table: the pair has no meeting in the agenda to pin.', [{ path: 'slot', message: 'required' }]);
    if (slot >= e.slots.length) throw invalid('No such slot.', [{ path: 'slot', message: `the event has ${e.slots.length} slots` }]);
    if (table >= e.tables) throw invalid('No such table.', [{ path: 'table', message: `the event has ${e.tables} tables` }]);
    await checkPinRules(engine, e, pin.a, pin.b, slot);
    pinned = { a: pin.a, b: pin.b, slot, table, pinned: true };
    const clash = pinClash(pinned, e.pins.filter((m) => !samePair(m, pin.a, pin.b)));
    if (clash) throw new AppError(ErrorCodes.INFEASIBLE, `The pin collides with another pin: ${clash.message}.`, [{ path: clash.field, message: clash.message }]);
    const agenda = e.agenda?.map((m) => (samePair(m, pin.a, pin.b) && m.slot === slot && m.table === table ? { ...m, pinned: true } : m)) ?? null;
    return { ...e, pins: [...e.pins.filter((m) => !samePair(m, pin.a, pin.b)), pinned], removedPairs: e.removedPairs.filter(([a, b]) => !samePairOf(a, b, pin.a, pin.b)), agenda };
  });
  return pinned!;
}

/** Refuses (422, naming the rule) a pin the scheduler could never keep. */
async function checkPinRules(engine: Engine, e: MatchEvent, a: string, b: string, slot: number): Promise<void> {
  const countries = new Map((await engine.repo.getMany('company', [a, b])).map((c) => [c.id, c.country]));
  const attendee = (id: string): Attendee => {
    const p = participantOf(e, id);
    return { id, country: countries.get(id) ?? '', availability: p.availability, wishes: [], blocks: p.blocks };
  };
  const setup = { slots: e.slots, tables: e.tables, maxMeetings: e.maxMeetings ?? undefined, allowSameCountry: e.allowSameCountry, minMeetings: e.minMeetings };
  const others = e.pins.filter((m) => !samePair(m, a, b));
  const broken = brokenPinRule(setup, attendee(a), attendee(b), slot, others);
  if (broken) throw new AppError(ErrorCodes.INFEASIBLE, `The pin breaks a rule of the event: ${broken.message}.`, [{ path: broken.field, message: broken.message }]);
}

export async function unpinMeeting(engine: Engine, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => {
    if (!e.pins.some((m) => samePair(m, pair.a, pair.b))) throw new AppError(ErrorCodes.NOT_FOUND, `${pair.a} and ${pair.b} have no pinned meeting.`);
    const agenda = e.agenda?.map((m) => (samePair(m, pair.a, pair.b) ? { a: m.a, b: m.b, slot: m.slot, table: m.table } : m)) ?? null;
    return { ...e, pins: e.pins.filter((m) => !samePair(m, pair.a, pair.b)), agenda };
  });
}

/** Staff remove a meeting: the pair leaves the agenda and is never scheduled again (until restored). */
export async function removeMeeting(engine: Engine, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => {
    for (const id of [pair.a, pair.b]) participantOf(e, id);
    if (e.pins.some((m) => samePair(m, pair.a, pair.b))) throw new AppError(ErrorCodes.CONFLICT, 'The meeting is pinned; unpin it first.', [{ path: 'a', message: 'pinned' }]);
    const removedPairs = e.removedPairs.some(([a, b]) => samePairOf(a, b, pair.a, pair.b)) ? e.removedPairs : [...e.removedPairs, [pair.a, pair.b] as [string, string]];
    return { ...e, removedPairs, agenda: e.agenda?.filter((m) => !samePair(m, pair.a, pair.b)) ?? null };
  });
}

export async function restorePair(engine: Engine, eventId: string, body: unknown): Promise<void> {
  const pair = parseOrThrow(PairSchema, body, 'pair');
  await changeEvent(engine, eventId, (e) => ({ ...e, removedPairs: e.removedPairs.filter(([a, b]) => !samePairOf(a, b, pair.a, pair.b)) }));
}

const samePairOf = (a: string, b: string, x: string, y: string) => (a === x && b === y) || (a === y && b === x);
const samePair = (m: Meeting, x: string, y: string) => samePairOf(m.a, m.b, x, y);
