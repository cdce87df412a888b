// The scheduler's problem built from an event: companies' countries, match scores from the
// recommendation engine, wishes and blocks among those taking part; and what calendars hold.
import type { CalendarEntry, Company, MatchEvent } from '../../domain/index.js';
import { calendarOfAgenda, type AgendaProblem } from '../../events/index.js';
import { PARTNER_SIGNALS, scoreCandidate, type CandidateQuery } from '../../matching/index.js';
import type { Engine } from '../../engine/index.js';
import { storedVectors } from '../../index-lifecycle/index.js';

/** Builds the scheduler's problem from an event: companies' countries and match scores. */
export async function problemOf(engine: Engine, event: MatchEvent): Promise<{ problem: AgendaProblem; companies: Map<string, Company> }> {
  const ids = event.participants.map((p) => p.companyId);
  const companies = new Map((await engine.repo.getMany('company', ids)).map((c) => [c.id, c]));
  const present = event.participants.filter((p) => companies.has(p.companyId));
  const inEvent = new Set(present.map((p) => p.companyId));
  const queries = new Map<string, CandidateQuery>();
  for (const p of present) {
    const c = companies.get(p.companyId)!;
    queries.set(c.id, { vectors: await storedVectors(engine, 'company', c.id), country: c.country, sectors: c.sectors });
  }
  const memo = new Map<string, number>();
  const score = (a: string, b: string) => {
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    let s = memo.get(key);
    if (s === undefined) {
      s = scoreCandidate(engine.index.companies, queries.get(a)!, b, PARTNER_SIGNALS).score;
      memo.set(key, s);
    }
    return s;
  };
  const problem: AgendaProblem = {
    setup: {
      slots: event.slots,
      tables: event.tables,
      maxMeetings: event.maxMeetings ?? undefined,
      allowSameCountry: event.allowSameCountry,
      minMeetings: event.minMeetings,
    },
    attendees: present.map((p) => ({
      id: p.companyId,
      country: companies.get(p.companyId)!.country,
      availability: p.availability,
      // Wishes and blocks naming someone who is not (or no longer) taking part have no effect.
      wishes: p.wishes.filter((w) => inEvent.has(w.companyId)).map((w) => ({ target: w.companyId, priority: w.priority })),
      blocks: p.blocks.filter((b) => inEvent.has(b)),
    })),
    score,
    pinned: event.pins,
    removed: event.removedPairs,
  };
  return { problem, companies };
}

/** What calendars hold for the event: as last sent out, or (events scheduled before calendars were kept) its agenda. */
export const calendarOf = (e: MatchEvent): CalendarEntry[] => e.calendar ?? calendarOfAgenda(e.agenda ?? [], e.slots);
