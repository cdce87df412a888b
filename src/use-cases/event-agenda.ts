// Scheduling an event and reading its agenda: JSON, CSV for the whole event, and per
// participant CSV and iCalendar with the venue's time zone (the writers live in src/formats).
import { DateTime } from 'luxon';
import { ScheduleRequestSchema, type CalendarEntry, type Company, type MatchEvent, type Meeting } from '../domain/index.js';
import { AppError, ErrorCodes } from '../errors.js';
import {
  agendaStatistics, agendaViolations, allowedEdges, calendarAfter, calendarOfAgenda, objectiveUpperBound, schedule, scheduleChanges, slotTimes,
  type AgendaProblem, type Edge, type ScheduleProgress,
} from '../events/index.js';
import type { AgendaMeeting, AgendaView, CompanyRef, ParticipantAgenda, ScheduledAgenda } from '../formats/index.js';
import { PARTNER_SIGNALS, scoreCandidate, type CandidateQuery } from '../matching/index.js';
import type { Engine } from './engine.js';
import { changeEvent, getEvent, participantOf } from './events.js';
import { storedVectors } from './stored-vectors.js';
import { parseOrThrow } from './validate.js';

export { agendaCsv, participantCsv, participantIcs } from '../formats/index.js';
export type { AgendaMeeting, AgendaView, CompanyRef, ParticipantAgenda, ScheduledAgenda } from '../formats/index.js';

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
    if (s === undefined) memo.set(key, (s = scoreCandidate(engine.index.companies, queries.get(a)!, b, PARTNER_SIGNALS).score));
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

/** What calendars hold for the event: as last sent out, or (events scheduled before calendars were kept) its agenda. */
const calendarOf = (e: MatchEvent): CalendarEntry[] => e.calendar ?? calendarOfAgenda(e.agenda ?? [], e.slots);

/**
 * The meetings a `keep` run starts from: the current agenda (staff removals and withdrawals
 * already applied) or, when a rule change cleared it, what calendars hold where the slot is
 * still at the same time.
 */
function meetingsToKeep(e: MatchEvent): Meeting[] {
  if (e.agenda) return e.agenda;
  return calendarOf(e).filter((c) => !c.cancelled && c.start !== '' && c.start === slotTimes(e.slots, c.slot).start).map(({ a, b, slot, table }) => ({ a, b, slot, table }));
}

/**
 * Generates the agenda; pinned meetings stay. `request.mode` `keep` (the default) also keeps every
 * meeting of the current agenda that the rules still allow, in its slot at its table, and fills
 * the room around them; `replan` plans from scratch. The answer and the stored event carry what
 * changed per participant. Nothing is written unless every hard rule holds.
 */
export async function scheduleEvent(engine: Engine, eventId: string, onProgress?: ScheduleProgress, request?: unknown): Promise<ScheduledAgenda> {
  const { mode } = parseOrThrow(ScheduleRequestSchema, request ?? undefined, 'schedule request');
  const before = await getEvent(engine, eventId);
  const { problem, companies } = await problemOf(engine, before);
  if (mode === 'keep') problem.keep = meetingsToKeep(before);
  const edges = allowedEdges(problem);
  const result = schedule(problem, onProgress, edges);
  const violations = agendaViolations(problem, result.meetings);
  // The scheduler never breaks a rule by design; if it ever did, nothing half-right is saved.
  if (violations.length) throw new Error(`the scheduler broke hard rules: ${violations.slice(0, 5).join('; ')}`);
  const previous = calendarOf(before);
  const calendar = calendarAfter(previous, result.meetings, before.slots);
  const changes = scheduleChanges(previous, calendar);
  const { value: saved } = await changeEvent(engine, eventId, (e) => {
    if (JSON.stringify([e.participants, e.pins, e.removedPairs, e.slots, e.tables, e.agenda]) !== JSON.stringify([before.participants, before.pins, before.removedPairs, before.slots, before.tables, before.agenda])) {
      throw new AppError(ErrorCodes.CONFLICT, 'The event changed while it was being scheduled; run the schedule again.');
    }
    return { ...e, agenda: result.meetings, scheduledAt: new Date().toISOString(), calendar, changes };
  });
  // The event's rules are those the problem was built from (checked above): no second scoring pass.
  return { ...viewOf(saved, problem, companies, edges), changes };
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

/** One participant's meetings, each with its calendar SEQUENCE, and the meetings called off since calendars got them. */
export async function participantAgenda(engine: Engine, eventId: string, companyId: string): Promise<ParticipantAgenda> {
  const event = await getEvent(engine, eventId);
  participantOf(event, companyId);
  const view = await agendaView(engine, eventId);
  const mine = view.meetings.filter((m) => m.a.id === companyId || m.b.id === companyId);
  const company = await engine.repo.get('company', companyId);
  // The calendar as the next run would leave it if the agenda stays as it is now.
  const calendar = calendarAfter(calendarOf(event), event.agenda ?? [], event.slots).filter((c) => c.a === companyId || c.b === companyId);
  const entryWith = (other: string) => calendar.find((c) => c.a === other || c.b === other);
  const names = new Map((await engine.repo.getMany('company', calendar.map((c) => (c.a === companyId ? c.b : c.a)))).map((c) => [c.id, c]));
  const ref = (id: string): CompanyRef => ({ id, name: names.get(id)?.name ?? id, country: names.get(id)?.country ?? '' });
  return {
    event: view.event,
    participant: { id: companyId, name: company?.name ?? companyId, country: company?.country ?? '' },
    meetings: mine.map(({ a, b, ...m }) => {
      const other = a.id === companyId ? b : a;
      return { ...m, with: other, sequence: entryWith(other.id)?.sequence ?? 0 };
    }),
    cancelled: calendar.filter((c) => c.cancelled).map((c) => ({ with: ref(c.a === companyId ? c.b : c.a), slot: c.slot, table: c.table, start: c.start, end: c.end, sequence: c.sequence })),
  };
}
