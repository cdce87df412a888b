// Answers of the event endpoints the console's event pages read beyond types.ts: bulk matching,
// the change list of a re-run and the agenda mailing. Kept apart so types.ts can be generated.

export interface MatchCandidate {
  companyId: string;
  name: string;
  country: string;
  score: number;
}

export interface ParticipantMatches {
  matches: { line: string; candidates: MatchCandidate[] }[];
}

export interface BulkAdded {
  added: string[];
  skipped: { companyId: string; reason: string }[];
}

/** One meeting as the change list names it: the other company, slot and table (0-based), times with the venue's offset. */
export interface MeetingRef {
  with: string;
  slot: number;
  table: number;
  start: string;
  end: string;
}

export interface ParticipantChanges {
  companyId: string;
  added: MeetingRef[];
  moved: { before: MeetingRef; after: MeetingRef }[];
  cancelled: MeetingRef[];
}

/** What a re-run changed; absent from services that do not report it yet. */
export interface ScheduleChanges {
  kept: number;
  added: number;
  moved: number;
  cancelled: number;
  participants: ParticipantChanges[];
}

export type ScheduleMode = 'keep' | 'replan';

export interface AgendaMailing {
  sent: { companyId: string; to: string; transport: string }[];
  skipped: { companyId: string; reason: string }[];
}
