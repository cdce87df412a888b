// The agenda as the API answers it and the hand-outs (CSV, iCalendar) print it: plain shapes.
import type { AgendaStatistics } from '../events/index.js';
import type { MatchEvent, ScheduleChanges } from '../domain/index.js';

export interface CompanyRef {
  id: string;
  name: string;
  country: string;
}

export interface AgendaMeeting {
  slot: number;
  start: string;
  end: string;
  table: number;
  a: CompanyRef;
  b: CompanyRef;
  pinned: boolean;
  /** Match score of the pair, 0..1. */
  score: number;
  wish: 'mutual' | 'one-sided' | null;
}

export interface AgendaView {
  event: { id: string; name: string; timeZone: string; slots: MatchEvent['slots']; tables: number; scheduledAt: string | null };
  meetings: AgendaMeeting[];
  statistics: AgendaStatistics & { objective: number; upperBound: number; gapToBound: number };
}

/** What a schedule run answers: the agenda and what changed against the previous one. */
export type ScheduledAgenda = AgendaView & { changes: ScheduleChanges };

export interface ParticipantMeeting extends Omit<AgendaMeeting, 'a' | 'b'> {
  with: CompanyRef;
  /** How often calendars were told this meeting changed (iCalendar SEQUENCE); 0 when new. */
  sequence?: number;
}

/** A meeting calendars received once and that no longer takes place. */
export interface CancelledMeeting {
  with: CompanyRef;
  slot: number;
  table: number;
  start: string;
  end: string;
  sequence: number;
}

export interface ParticipantAgenda {
  event: AgendaView['event'];
  participant: CompanyRef;
  meetings: ParticipantMeeting[];
  /** Meetings sent out before and called off since: calendars remove them on import. */
  cancelled?: CancelledMeeting[];
}
