// Hand-outs to print: an agenda per participant (one page each) or one participant's, and table
// cards. Times and dates are the venue's; the print stylesheet leaves out the console around them.
import { useState } from 'preact/hooks';
import { Country, PageState, PageTitle } from '../components/ui';
import { useApi } from '../hooks';
import { localTime } from '../labels';
import type { Agenda, AgendaMeeting, MatchEvent, Ref } from '../types';

type What = 'agendas' | 'cards';

const venueDate = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(new Date(iso));

export function EventHandouts({ id }: { id: string }) {
  const base = `/api/v1/events/${encodeURIComponent(id)}`;
  const event = useApi<MatchEvent>(base);
  const agenda = useApi<Agenda>(`${base}/agenda`);
  const participants = useApi<{ items: { companyId: string; company: Ref }[] }>(`${base}/participants`);
  const [what, setWhat] = useState<What>('agendas');
  const [only, setOnly] = useState('');
  if (!event.data || !agenda.data || !participants.data)
    return <PageState title="Hand-outs" error={event.error ?? agenda.error ?? participants.error} what="the hand-outs" />;
  const e = event.data;
  const people = participants.data.items.filter((p) => !only || p.companyId === only);
  return (
    <>
      <div class="screen-only">
        <PageTitle text={`Hand-outs: ${e.name}`} />
        <p>
          <a href={`/console/events/${encodeURIComponent(e.id)}`}>Back to the event</a>
        </p>
        <div class="row handout-choice">
          <div class="field">
            <label for="handout-what">Print</label>
            <select id="handout-what" value={what} onChange={(ev) => setWhat((ev.target as HTMLSelectElement).value as What)}>
              <option value="agendas">Agendas, one page per participant</option>
              <option value="cards">Table cards</option>
            </select>
          </div>
          {what === 'agendas' && (
            <div class="field">
              <label for="handout-only">Participants</label>
              <select id="handout-only" value={only} onChange={(ev) => setOnly((ev.target as HTMLSelectElement).value)}>
                <option value="">Everyone</option>
                {participants.data.items.map((p) => (
                  <option key={p.companyId} value={p.companyId}>
                    {p.company.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        {!agenda.data.meetings.length && <p class="muted">Nothing to print yet: generate the schedule first.</p>}
      </div>
      <div class="handouts">
        {what === 'agendas'
          ? people.map((p) => (
              <ParticipantHandout
                key={p.companyId}
                event={e}
                who={p.company}
                meetings={agenda.data!.meetings.filter((m) => m.a.id === p.companyId || m.b.id === p.companyId)}
              />
            ))
          : Array.from({ length: e.tables }, (_, t) => <TableCard key={t} event={e} table={t} />)}
      </div>
    </>
  );
}

function ParticipantHandout({ event, who, meetings }: { event: MatchEvent; who: Ref; meetings: AgendaMeeting[] }) {
  const first = event.slots[0]?.start;
  const sorted = [...meetings].sort((x, y) => x.slot - y.slot);
  return (
    <section class="handout agenda-sheet" aria-label={`Agenda of ${who.name}`}>
      <p class="event-line">
        {event.name}
        {first ? `, ${venueDate(first, event.timeZone)}` : ''}
      </p>
      <h2>
        {who.name} <Country code={who.country} />
      </h2>
      {!sorted.length ? (
        <p>No meetings are scheduled for you.</p>
      ) : (
        <table class="list">
          <caption>Your meetings (times in {event.timeZone})</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Table</th>
              <th scope="col">Meeting with</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((m) => {
              const other = m.a.id === who.id ? m.b : m.a;
              return (
                <tr key={m.slot}>
                  <td>
                    {localTime(m.start, event.timeZone)}–{localTime(m.end, event.timeZone)}
                  </td>
                  <td>{m.table + 1}</td>
                  <th scope="row">
                    {other.name} <Country code={other.country} />
                  </th>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function TableCard({ event, table }: { event: MatchEvent; table: number }) {
  return (
    <section class="handout table-card" aria-label={`Table card ${table + 1}`}>
      <p class="table-number">Table {table + 1}</p>
      <p class="event-line">{event.name}</p>
    </section>
  );
}
