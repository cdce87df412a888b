// The shapes the console reads from the API (see /api/v1/openapi.json).
export interface Company {
  id: string;
  name: string;
  country: string;
  clusterIds: string[];
  description: string;
  offers: string;
  needs: string;
  sectors: string[];
  partnerTypes: string[];
  language: string | null;
  employees: number | null;
  website: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  notes?: string | null;
}

export interface Cluster {
  id: string;
  name: string;
  country: string;
  description: string;
  sectors: string[];
  website: string | null;
}

export interface Opportunity {
  id: string;
  title: string;
  country: string;
  description: string;
  sectors: string[];
  type: string;
  deadline: string | null;
  url: string | null;
}

export interface Scored {
  score: number;
  strength: string;
  scores: Record<string, number>;
  reasons: string[];
}

export interface PartnerResult extends Scored {
  company: Company;
}

export interface OpportunityResult extends Scored {
  opportunity: Opportunity;
}

export type FeedbackKind = 'partner' | 'opportunity';
export type Verdict = 'good' | 'wrong';

export interface Feedback {
  id: string;
  companyId: string;
  kind: FeedbackKind;
  candidateId: string;
  verdict: Verdict;
  score: number | null;
  note: string | null;
}

export interface Vocabulary {
  countries: string[];
  languages: string[];
  sectors: string[];
  partnerTypes: string[];
  opportunityTypes: string[];
}

export interface Meeting {
  a: string;
  b: string;
  slot: number;
  table: number;
  pinned?: boolean;
}

export interface Participant {
  companyId: string;
  availability: number[];
  wishes: { companyId: string; priority: number }[];
  blocks: string[];
}

export interface MatchEvent {
  id: string;
  name: string;
  timeZone: string;
  plan: { date: string; start: string; slotMinutes: number; slotCount: number; gapMinutes: number };
  slots: { start: string; minutes: number }[];
  tables: number;
  maxMeetings: number | null;
  minMeetings: number;
  allowSameCountry: boolean;
  participants: Participant[];
  pins: Meeting[];
  removedPairs: [string, string][];
  agenda: Meeting[] | null;
  scheduledAt: string | null;
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

export interface Introduction {
  id: string;
  companyId: string;
  visitorName: string;
  visitorEmail: string;
  visitorCompany: string | null;
  visitorCountry: string | null;
  message: string;
  status: 'new' | 'in-progress' | 'introduced' | 'declined';
  staffNote: string | null;
  createdAt: string;
}

export interface Count {
  key: string;
  n: number;
}

export interface NetworkStats {
  generatedAt: string;
  companies: { total: number; byCountry: Count[]; bySector: Count[] };
  clusters: { total: number; byCountry: Count[] };
  opportunities: { total: number; open: number; matched: number; threshold: number; byCountry: Count[] };
  matches: {
    suggested: { total: number; eventMeetings: number; introductionRequests: number; reviewedSuggestions: number };
    accepted: { total: number; meetingsHeld: number; introductionsMade: number; goodSuggestions: number };
  };
  events: { total: number; held: number; upcoming: number; items: { id: string; name: string; date: string; held: boolean; participants: number; meetings: number; crossBorderMeetings: number }[] };
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
