// The rules a pinned meeting must keep, in one place: checked when staff pin a meeting (so a bad
// pin is refused at once) and again when the event is scheduled (rules may have changed since).
import type { Attendee, EventSetup, Meeting } from './agenda.js';

export interface BrokenRule {
  /** The pin's field the rule is about: `a`, `b` or `slot`. */
  field: 'a' | 'b' | 'slot';
  /** The rule, in words staff can act on. */
  message: string;
}

/**
 * The first rule of the event that pinning `a` and `b` in `slot` breaks, or undefined. `otherPins`
 * are the pins that hold already (not this pair's own). Two pins wanting the same table or the
 * same participant at once are not a rule of the event: the scheduler reports those (422).
 */
export function brokenPinRule(setup: EventSetup, a: Attendee, b: Attendee, slot: number, otherPins: readonly Meeting[]): BrokenRule | undefined {
  if (!setup.allowSameCountry && a.country === b.country) return { field: 'b', message: `same country (${a.country}): the event allows only cross-border meetings` };
  if (a.blocks.includes(b.id)) return { field: 'b', message: `blocked pair: ${a.id} blocked ${b.id}` };
  if (b.blocks.includes(a.id)) return { field: 'b', message: `blocked pair: ${b.id} blocked ${a.id}` };
  for (const [field, p] of [['a', a], ['b', b]] as const) {
    if (!p.availability.includes(slot)) return { field: 'slot', message: `${p.id} is not available in slot ${slot}` };
    const own = otherPins.filter((m) => m.a === p.id || m.b === p.id);
    if (setup.maxMeetings !== undefined && own.length >= setup.maxMeetings) {
      return { field, message: `over the cap: ${p.id} already has ${own.length} pinned meetings, the most one participant may have` };
    }
  }
  return undefined;
}
