// The whole agenda as staff read it: meetings with names, times, scores and wishes, and statistics
// against the proven upper bound.
import { DateTime } from 'luxon';
import type { Company, MatchEvent, Meeting } from '../../domain/index.js';
import { agendaStatistics, allowedEdges, objectiveUpperBound, type AgendaProblem, type Edge } from '../../events/index.js';
import type { AgendaMeeting, AgendaView, CompanyRef } from '../../formats/index.js';
import type { Engine } from '../../engine/index.js';
import { problemOf } from './agenda-problem.js';
import { getEvent } from './event-store.js';

export async function agendaView(engine: Engine, eventId: string): Promise<AgendaView> {
  const event = await getEvent(engine, eventId);
  const { problem, companies } = await problemOf(engine, event);
  return viewOf(event, problem, companies, allowedEdges(problem));
}

export function viewOf(event: MatchEvent, problem: AgendaProblem, companies: ReadonlyMap<string, Company>, edges: readonly Edge[]): AgendaView {
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
      slot: m.slot,
      start: start.toISO()!,
      end: start.plus({ minutes: event.slots[m.slot]!.minutes }).toISO()!,
      table: m.table,
      a: ref(m.a),
      b: ref(m.b),
      pinned: m.pinned === true,
      score: Math.round(problem.score(m.a, m.b) * 10_000) / 10_000,
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
