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

// The change list of a re-run has the domain's shape (type-only: nothing of the server is bundled).
export type { MeetingRef, ParticipantChanges, ScheduleChanges } from '../../domain/index';

export type ScheduleMode = 'keep' | 'replan';

export interface AgendaMailing {
  sent: { companyId: string; to: string; transport: string }[];
  skipped: { companyId: string; reason: string }[];
}
