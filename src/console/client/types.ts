// The shapes the console reads from the API (see /api/v1/openapi.json): the domain's own types
// where the API answers them as they are, the rest as the API shapes them.
import type { Opportunity, PublicCompany } from '../../domain/index';

export type {
  Cluster, Company, EventParticipant as Participant, Feedback, FeedbackKind, FeedbackVerdict as Verdict, Introduction, MatchEvent, Meeting, NetworkStats,
  Opportunity, PublicCompany,
} from '../../domain/index';

export interface Scored {
  score: number;
  strength: string;
  scores: Record<string, number>;
  reasons: string[];
}

export interface PartnerResult extends Scored {
  company: PublicCompany;
}

export interface OpportunityResult extends Scored {
  opportunity: Opportunity;
}

export interface Vocabulary {
  countries: string[];
  languages: string[];
  sectors: string[];
  partnerTypes: string[];
  opportunityTypes: string[];
}

export interface Ref {
  id: string;
  name: string;
  country: string;
}

export interface AgendaMeeting {
  a: Ref;
  b: Ref;
  slot: number;
  start: string;
  end: string;
  table: number;
  pinned: boolean;
  score: number;
  wish: 'mutual' | 'one-sided' | null;
}

export interface Agenda {
  event: { id: string; name: string; timeZone: string; slots: { start: string; minutes: number }[]; tables: number; scheduledAt: string | null };
  meetings: AgendaMeeting[];
  statistics: {
    meetings: number;
    perParticipant: { min: number; median: number; max: number };
    wishes: { mutualPairs: number; mutualMet: number; oneSided: number; oneSidedMet: number };
    crossBorderShare: number;
    gapToBound: number;
  };
}

export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  phase: 'validate' | 'embed';
  done: number;
  total: number;
  report: { clusters: { created: number; updated: number }; companies: { created: number; updated: number }; opportunities: { created: number; updated: number }; embedded: number; ms: number } | null;
  problem: { detail: string; errors: { path: string; message: string }[] } | null;
}
