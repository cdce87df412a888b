// The figures a network manager reports to funders (see use-cases/network-stats.ts for how
// each is counted).
export interface Count {
  key: string;
  n: number;
}

export interface EventFigures {
  id: string;
  name: string;
  date: string;
  held: boolean;
  participants: number;
  meetings: number;
  crossBorderMeetings: number;
}

export interface NetworkStats {
  generatedAt: string;
  companies: { total: number; byCountry: Count[]; bySector: Count[] };
  clusters: { total: number; byCountry: Count[] };
  opportunities: { total: number; open: number; matched: number; threshold: number; byCountry: Count[] };
  /** Cross-border pairs the engine put before people, and the ones they took up, by source. */
  matches: {
    suggested: { total: number; eventMeetings: number; introductionRequests: number; reviewedSuggestions: number };
    accepted: { total: number; meetingsHeld: number; introductionsMade: number; goodSuggestions: number };
  };
  events: { total: number; held: number; upcoming: number; items: EventFigures[] };
}
