// The rules a pinned meeting must keep, in one place: checked when staff pin a meeting (so a bad
// pin is refused at once) and again when the event is scheduled (rules may have changed since).
import type { Attendee, EventSetup, Meeting } from './agenda.js';

export interface BrokenRule {
  /** The pin's field the rule is about: `a`, `b`, `slot` or `table`. */
  field: 'a' | 'b' | 'slot' | 'table';
  /** The rule, in words staff can act on. */
  message: string;
}

/**
 * The first rule of the event that pinning `a` and `b` in `slot` breaks, or undefined. `otherPins`
 * are the pins that hold already (not this pair's own). Two pins wanting the same table or the
 * same participant at once are not a rule of the event: the scheduler reports those (422).
 */
export function brokenPinRule(setup: EventSetup, a: Attendee, b: Attendee, slot: number, otherPins: readonly Meeting[]): BrokenRule | undefined {
  if (!setup.allowSameCountry && a.country === b.country)
    return { field: 'b', message: `same country (${a.country}): the event allows only cross-border meetings` };
  if (a.blocks.includes(b.id)) return { field: 'b', message: `blocked pair: ${a.id} blocked ${b.id}` };
  if (b.blocks.includes(a.id)) return { field: 'b', message: `blocked pair: ${b.id} blocked ${a.id}` };
  for (const [field, p] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (!p.availability.includes(slot)) return { field: 'slot', message: `${p.id} is not available in slot ${slot}` };
    const own = otherPins.filter((m) => m.a === p.id || m.b === p.id);
    if (setup.maxMeetings !== undefined && own.length >= setup.maxMeetings) {
      return { field, message: `over the cap: ${p.id} already has ${own.length} pinned meetings, the most one participant may have` };
    }
  }
  return undefined;
}

/**
 * Whether pinning `a` and `b` at `table` in `slot` collides with another pin: the same table in
 * the same slot, or either participant pinned elsewhere in that slot. Refused at pin time, so the
 * scheduler never meets two pins it cannot both keep.
 */
export function pinClash(pin: Meeting, otherPins: readonly Meeting[]): BrokenRule | undefined {
  const sameSlot = otherPins.filter((m) => m.slot === pin.slot);
  const table = sameSlot.find((m) => m.table === pin.table);
  if (table) return { field: 'table', message: `table ${pin.table + 1} in slot ${pin.slot + 1} is already pinned for ${table.a} and ${table.b}` };
  for (const [field, id] of [
    ['a', pin.a],
    ['b', pin.b],
  ] as const) {
    const busy = sameSlot.find((m) => m.a === id || m.b === id);
    if (busy) return { field, message: `${id} already has a pinned meeting in slot ${pin.slot + 1} (with ${busy.a === id ? busy.b : busy.a})` };
  }
  return undefined;
}
