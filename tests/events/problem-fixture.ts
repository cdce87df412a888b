// Scheduler problems built by hand for the event tests: attendees free in the first four slots,
// ten tables, no same-country meetings, every pair scored alike unless a test says otherwise.
import type { AgendaProblem, Attendee } from '../../src/events/index.js';

type Setup = AgendaProblem['setup'];

export const person = (id: string, country: string, over: Partial<Attendee> = {}): Attendee => ({
  id,
  country,
  availability: [0, 1, 2, 3],
  wishes: [],
  blocks: [],
  ...over,
});

/** A problem builder whose setup starts from `defaults` (the slots at least), then each call's `setup`. */
export function problemBuilder(defaults: Partial<Setup> & Pick<Setup, 'slots'>) {
  return (attendees: Attendee[], setup: Partial<Setup> = {}, rest: Partial<AgendaProblem> = {}): AgendaProblem => ({
    setup: { tables: 10, allowSameCountry: false, minMeetings: 1, ...defaults, ...setup },
    attendees,
    score: () => 0.5,
    pinned: [],
    removed: [],
    ...rest,
  });
}
