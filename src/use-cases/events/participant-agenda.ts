// One participant's agenda: their meetings with calendar SEQUENCE, and those called off since.
import type { CalendarEntry, Company, MatchEvent } from '../../domain/index.js';
import { calendarAfter } from '../../events/index.js';
import type { AgendaView, CompanyRef, ParticipantAgenda } from '../../formats/index.js';
import type { Engine } from '../../engine/index.js';
import { calendarOf } from './agenda-problem.js';
import { agendaView } from './agenda-view.js';
import { getEvent, participantOf } from './event-store.js';

/** One participant's (or a withdrawn one's) meetings, each with its calendar SEQUENCE, and the meetings called off since calendars got them. */
export async function participantAgenda(engine: Engine, eventId: string, companyId: string): Promise<ParticipantAgenda> {
  const event = await getEvent(engine, eventId);
  const calendar = calendarNow(event).filter((c) => c.a === companyId || c.b === companyId);
  // One who withdrew still has an agenda while calendars hold its meetings: all of them cancelled.
  if (!calendar.length) participantOf(event, companyId);
  const view = await agendaView(engine, eventId);
  const companies = await engine.repo.getMany('company', [companyId, ...calendar.map((c) => (c.a === companyId ? c.b : c.a))]);
  return agendaFromCalendar(view, calendar, companyId, new Map(companies.map((c) => [c.id, c])));
}

/** The calendar as the next run would leave it if the agenda stays as it is now: withdrawn participants' meetings cancelled. */
export const calendarNow = (event: MatchEvent): CalendarEntry[] => calendarAfter(calendarOf(event), event.agenda ?? [], event.slots);

/** One participant's agenda cut from the event's view (one view serves every participant) and the calendar. */
export function agendaFromCalendar(
  view: AgendaView,
  calendar: readonly CalendarEntry[],
  companyId: string,
  companies: ReadonlyMap<string, Pick<Company, 'id' | 'name' | 'country'>>,
): ParticipantAgenda {
  const ref = (id: string): CompanyRef => ({ id, name: companies.get(id)?.name ?? id, country: companies.get(id)?.country ?? '' });
  const mine = calendar.filter((c) => c.a === companyId || c.b === companyId);
  const otherOf = (c: { a: string; b: string }) => (c.a === companyId ? c.b : c.a);
  const entryWith = (other: string) => mine.find((c) => otherOf(c) === other);
  return {
    event: view.event,
    participant: ref(companyId),
    meetings: view.meetings
      .filter((m) => m.a.id === companyId || m.b.id === companyId)
      .map(({ a, b, ...m }) => {
        const other = a.id === companyId ? b : a;
        return { ...m, with: other, sequence: entryWith(other.id)?.sequence ?? 0 };
      }),
    cancelled: mine
      .filter((c) => c.cancelled)
      .map((c) => ({ with: ref(otherOf(c)), slot: c.slot, table: c.table, start: c.start, end: c.end, sequence: c.sequence })),
  };
}
