// Scheduling an event and reading its agenda: JSON, CSV for the whole event, and per
// participant CSV and iCalendar with the venue's time zone.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { stringify } from 'csv-stringify/sync';
import ical, { escape as icalEscape } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Company, MatchEvent, Meeting } from '../domain/index.js';
import { AppError, ErrorCodes } from '../errors.js';
import {
  agendaStatistics, agendaViolations, allowedEdges, objectiveUpperBound, schedule, type AgendaProblem, type AgendaStatistics, type Edge, type ScheduleProgress,
} from '../events/index.js';
import { PARTNER_SIGNALS, scoreCandidate, type CandidateQuery } from '../matching/index.js';
import type { Engine } from './engine.js';
import { changeEvent, getEvent, participantOf } from './events.js';
import { storedVectors } from './stored-vectors.js';

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

/** Builds the scheduler's problem from an event: companies' countries and match scores. */
async function problemOf(engine: Engine, event: MatchEvent): Promise<{ problem: AgendaProblem; companies: Map<string, Company> }> {
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
    setup: { slots: event.slots, tables: event.tables, maxMeetings: event.maxMeetings ?? undefined, allowSameCountry: event.allowSameCountry, minMeetings: event.minMeetings },
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

/** Generates the agenda; pinned meetings stay. Nothing is written unless every hard rule holds. */
export async function scheduleEvent(engine: Engine, eventId: string, onProgress?: ScheduleProgress): Promise<AgendaView> {
  const before = await getEvent(engine, eventId);
  const { problem, companies } = await problemOf(engine, before);
  const edges = allowedEdges(problem);
  const result = schedule(problem, onProgress, edges);
  const violations = agendaViolations(problem, result.meetings);
  // The scheduler never breaks a rule by design; if it ever did, nothing half-right is saved.
  if (violations.length) throw new Error(`the scheduler broke hard rules: ${violations.slice(0, 5).join('; ')}`);
  const { value: saved } = await changeEvent(engine, eventId, (e) => {
    if (JSON.stringify([e.participants, e.pins, e.removedPairs, e.slots, e.tables]) !== JSON.stringify([before.participants, before.pins, before.removedPairs, before.slots, before.tables])) {
      throw new AppError(ErrorCodes.CONFLICT, 'The event changed while it was being scheduled; run the schedule again.');
    }
    return { ...e, agenda: result.meetings, scheduledAt: new Date().toISOString() };
  });
  // The event's rules are those the problem was built from (checked above): no second scoring pass.
  return viewOf(saved, problem, companies, edges);
}

export async function agendaView(engine: Engine, eventId: string): Promise<AgendaView> {
  const event = await getEvent(engine, eventId);
  const { problem, companies } = await problemOf(engine, event);
  return viewOf(event, problem, companies, allowedEdges(problem));
}

function viewOf(event: MatchEvent, problem: AgendaProblem, companies: ReadonlyMap<string, Company>, edges: readonly Edge[]): AgendaView {
  const meetings = event.agenda ?? [];
  const weight = new Map(edges.map((e) => [pairOf(problem.attendees[e.a]!.id, problem.attendees[e.b]!.id), e]));
  const objective = meetings.reduce((s, m) => s + (weight.get(pairOf(m.a, m.b))?.weight ?? 0), 0);
  const bound = objectiveUpperBound(problem, edges).bound;
  const ref = (id: string): CompanyRef => {
    const c = companies.get(id);
    return { id, name: c?.name ?? id, country: c?.country ?? '' };
  };
  const view = (m: Meeting): AgendaMeeting => {
    const start = DateTime.fromISO(event.slots[m.slot]!.start, { setZone: true });
    const edge = weight.get(pairOf(m.a, m.b));
    return {
      slot: m.slot, start: start.toISO()!, end: start.plus({ minutes: event.slots[m.slot]!.minutes }).toISO()!, table: m.table,
      a: ref(m.a), b: ref(m.b), pinned: m.pinned === true, score: Math.round(problem.score(m.a, m.b) * 10_000) / 10_000,
      wish: edge?.mutual ? 'mutual' : edge?.wished ? 'one-sided' : null,
    };
  };
  return {
    event: { id: event.id, name: event.name, timeZone: event.timeZone, slots: event.slots, tables: event.tables, scheduledAt: event.scheduledAt },
    meetings: meetings.map(view).sort((x, y) => x.slot - y.slot || x.table - y.table),
    statistics: { ...agendaStatistics(problem, meetings, edges), objective, upperBound: bound, gapToBound: bound > 0 ? Math.max(0, 1 - objective / bound) : 0 },
  };
}

const pairOf = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

const CSV_COLUMNS = ['slot', 'start', 'end', 'table', 'company_a', 'country_a', 'company_b', 'country_b', 'pinned', 'score', 'wish'];

export function agendaCsv(view: AgendaView): string {
  const rows = view.meetings.map((m) => [m.slot + 1, m.start, m.end, m.table + 1, m.a.name, m.a.country, m.b.name, m.b.country, m.pinned ? 'yes' : '', m.score.toFixed(3), m.wish ?? '']);
  return stringify(rows, { header: true, columns: CSV_COLUMNS, escape_formulas: true });
}

export interface ParticipantAgenda {
  event: AgendaView['event'];
  participant: CompanyRef;
  meetings: (Omit<AgendaMeeting, 'a' | 'b'> & { with: CompanyRef })[];
}

export async function participantAgenda(engine: Engine, eventId: string, companyId: string): Promise<ParticipantAgenda> {
  participantOf(await getEvent(engine, eventId), companyId);
  const view = await agendaView(engine, eventId);
  const mine = view.meetings.filter((m) => m.a.id === companyId || m.b.id === companyId);
  const company = await engine.repo.get('company', companyId);
  return {
    event: view.event,
    participant: { id: companyId, name: company?.name ?? companyId, country: company?.country ?? '' },
    meetings: mine.map(({ a, b, ...m }) => ({ ...m, with: a.id === companyId ? b : a })),
  };
}

export function participantCsv(agenda: ParticipantAgenda): string {
  const rows = agenda.meetings.map((m) => [m.slot + 1, m.start, m.end, m.table + 1, m.with.name, m.with.country, m.wish ?? '']);
  return stringify(rows, { header: true, columns: ['slot', 'start', 'end', 'table', 'meeting_with', 'country', 'wish'], escape_formulas: true });
}

/** iCalendar with the venue's time zone (VTIMEZONE included), one event per meeting. */
export function participantIcs(agenda: ParticipantAgenda): string {
  const zone = agenda.event.timeZone;
  // ical-generator writes the calendar name raw into NAME and X-WR-CALNAME (its other text
  // properties are escaped): a line break in a name would start a property, or a whole VEVENT.
  const calendar = ical({ name: icalEscape(`${agenda.event.name}: ${agenda.participant.name}`, false), prodId: { company: 'NordicHub', product: 'Partner Match' } });
  // No calendar-wide zone name: ical-generator would write DTSTAMP in it without the `Z` RFC 5545
  // requires. The VTIMEZONE still comes from the events' own zone.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  calendar.x('X-WR-TIMEZONE', zone);
  for (const m of agenda.meetings) {
    calendar.createEvent({
      id: `${agenda.event.id}-${m.slot}-${m.table}@nordichub`,
      // Luxon times, not JS Dates: ical-generator writes a Date's UTC clock under the TZID.
      start: DateTime.fromISO(m.start).setZone(zone),
      end: DateTime.fromISO(m.end).setZone(zone),
      timezone: zone,
      summary: `Meeting: ${m.with.name} (${m.with.country})`,
      location: `${agenda.event.name}, table ${m.table + 1}`,
      description: `B2B meeting with ${m.with.name} (${m.with.country}) at table ${m.table + 1}.`,
    });
  }
  return calendar.toString();
}
