// The shapes of a matchmaking event's agenda problem: plain data, no I/O.

import type { Meeting, Slot } from '../domain/index.js';

export type { Meeting, Slot };

export interface Wish {
  target: string;
  /** 1 = most wanted, 3 = nice to have. */
  priority: 1 | 2 | 3;
}

export interface EventSetup {
  slots: readonly Slot[];
  tables: number;
  /** At most this many meetings per participant; undefined means one per available slot. */
  maxMeetings?: number | undefined;
  allowSameCountry: boolean;
  /** Every participant who can meet someone gets at least this many before anyone gets more. */
  minMeetings: number;
}

export interface Attendee {
  id: string;
  country: string;
  /** Indexes into `slots` the participant can attend. */
  availability: readonly number[];
  wishes: readonly Wish[];
  /** Never to meet these participants. */
  blocks: readonly string[];
}

export interface AgendaProblem {
  setup: EventSetup;
  attendees: readonly Attendee[];
  /** Match score 0..1 of a pair, from the recommendation engine. */
  score(a: string, b: string): number;
  /** Meetings staff fixed: kept exactly as they are. */
  pinned: readonly Meeting[];
  /** Pairs staff removed: never scheduled again. */
  removed: readonly [string, string][];
  /**
   * The previous agenda's meetings to keep where they still are: each one the rules still allow
   * stays in its slot at its table, and new meetings fill the room around them.
   */
  keep?: readonly Meeting[];
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
