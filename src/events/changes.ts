// What a schedule run changes for the people who received the previous agenda: the calendar
// (one entry per pair and event, so a calendar import updates the entry instead of adding one)
// and the change list per participant. Pure: the event document is read and written elsewhere.
import { DateTime } from 'luxon';
import type { CalendarEntry, Meeting, MeetingRef, ParticipantChanges, ScheduleChanges, Slot } from '../domain/index.js';
import { pairKey } from './agenda.js';

/** Start and end of a slot, with the venue's offset. */
export function slotTimes(slots: readonly Slot[], slot: number): { start: string; end: string } {
  const s = slots[slot];
  if (!s) return { start: '', end: '' };
  const start = DateTime.fromISO(s.start, { setZone: true });
  return { start: start.toISO()!, end: start.plus({ minutes: s.minutes }).toISO()! };
}

const samePlace = (x: CalendarEntry, y: { slot: number; table: number; start: string }) => x.slot === y.slot && x.table === y.table && x.start === y.start;

/**
 * The calendar after `agenda` goes out: an unchanged meeting keeps its SEQUENCE, a moved one or
 * one back after a cancellation gets the next, a new pair starts at 0, and a meeting no longer in
 * the agenda stays as cancelled (its SEQUENCE one up) so calendars drop it.
 */
export function calendarAfter(previous: readonly CalendarEntry[], agenda: readonly Meeting[], slots: readonly Slot[]): CalendarEntry[] {
  const before = new Map(previous.map((e) => [pairKey(e.a, e.b), e]));
  const seen = new Set<string>();
  const next: CalendarEntry[] = agenda.map((m) => {
    const key = pairKey(m.a, m.b);
    seen.add(key);
    const prev = before.get(key);
    const place = { slot: m.slot, table: m.table, ...slotTimes(slots, m.slot) };
    const sequence = !prev ? 0 : !prev.cancelled && samePlace(prev, place) ? prev.sequence : prev.sequence + 1;
    return { a: prev?.a ?? m.a, b: prev?.b ?? m.b, ...place, sequence, cancelled: false };
  });
  for (const prev of previous) {
    if (!seen.has(pairKey(prev.a, prev.b))) next.push(prev.cancelled ? prev : { ...prev, sequence: prev.sequence + 1, cancelled: true });
  }
  return next;
}

/** The calendar an event had before calendars were kept: its agenda, all at SEQUENCE 0. */
export function calendarOfAgenda(agenda: readonly Meeting[], slots: readonly Slot[]): CalendarEntry[] {
  return agenda.map((m) => ({ a: m.a, b: m.b, slot: m.slot, table: m.table, ...slotTimes(slots, m.slot), sequence: 0, cancelled: false }));
}

/** Kept, added, moved and cancelled meetings between two calendars, and per participant who saw a change. */
export function scheduleChanges(previous: readonly CalendarEntry[], next: readonly CalendarEntry[]): ScheduleChanges {
  const before = new Map(previous.filter((e) => !e.cancelled).map((e) => [pairKey(e.a, e.b), e]));
  const totals = { kept: 0, added: 0, moved: 0, cancelled: 0 };
  const people = new Map<string, ParticipantChanges>();
  const of = (id: string) => {
    let p = people.get(id);
    if (!p) {
      p = { companyId: id, added: [], moved: [], cancelled: [] };
      people.set(id, p);
    }
    return p;
  };
  const ref = (e: CalendarEntry, side: string): MeetingRef => ({ with: side === e.a ? e.b : e.a, slot: e.slot, table: e.table, start: e.start, end: e.end });
  for (const e of next) {
    const prev = before.get(pairKey(e.a, e.b));
    if (e.cancelled) {
      if (!prev) continue;
      totals.cancelled++;
      for (const id of [e.a, e.b]) of(id).cancelled.push(ref(prev, id));
    } else if (!prev) {
      totals.added++;
      for (const id of [e.a, e.b]) of(id).added.push(ref(e, id));
    } else if (samePlace(prev, e)) {
      totals.kept++;
    } else {
      totals.moved++;
      for (const id of [e.a, e.b]) of(id).moved.push({ before: ref(prev, id), after: ref(e, id) });
    }
  }
  const participants = [...people.values()].sort((x, y) => x.companyId.localeCompare(y.companyId));
  for (const p of participants) for (const list of [p.added, p.cancelled]) list.sort((x, y) => x.slot - y.slot);
  return { ...totals, participants };
}
