// One participant's agenda: their meetings with calendar SEQUENCE, and those called off since.
import { calendarAfter } from '../../events/index.js';
import type { CompanyRef, ParticipantAgenda } from '../../formats/index.js';
import type { Engine } from '../../engine/index.js';
import { calendarOf } from './agenda-problem.js';
import { agendaView } from './agenda-view.js';
import { getEvent, participantOf } from './event-store.js';

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
  const names = new Map(
    (
      await engine.repo.getMany(
        'company',
        calendar.map((c) => (c.a === companyId ? c.b : c.a)),
      )
    ).map((c) => [c.id, c]),
  );
  const ref = (id: string): CompanyRef => ({ id, name: names.get(id)?.name ?? id, country: names.get(id)?.country ?? '' });
  return {
    event: view.event,
    participant: { id: companyId, name: company?.name ?? companyId, country: company?.country ?? '' },
    meetings: mine.map(({ a, b, ...m }) => {
      const other = a.id === companyId ? b : a;
      return { ...m, with: other, sequence: entryWith(other.id)?.sequence ?? 0 };
    }),
    cancelled: calendar
      .filter((c) => c.cancelled)
      .map((c) => ({ with: ref(c.a === companyId ? c.b : c.a), slot: c.slot, table: c.table, start: c.start, end: c.end, sequence: c.sequence })),
  };
}
