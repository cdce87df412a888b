// One event, end to end: its settings, participants (one by one or many at once), each one's
// availability, blocks, wishes and suggested meetings, the schedule (generate, pin, move, remove,
// re-run) as a slots x tables grid, and the downloads.
import { useState } from 'preact/hooks';
import { api, download, queryString, type Page } from '../api';
import { Country, Loading, MatchCard, PageState, PageTitle, ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction, useApi, type Loaded } from '../hooks';
import { localDate, localTime } from '../labels';
import type { Agenda, AgendaMeeting, Company, MatchEvent, PartnerResult } from '../types';
import { BulkAdd } from './event-bulk-add';
import { ParticipantSettings, PRIORITIES, PriorityOptions, type ParticipantRow as Row } from './event-participant';
import { MoveMeeting, ScheduleBar } from './event-schedule';
import { PastDateWarning } from './event-rule-fields';
import { EventSettings } from './event-settings';

export function EventPage({ id }: { id: string }) {
  const base = `/api/v1/events/${encodeURIComponent(id)}`;
  const event = useApi<MatchEvent>(base);
  const participants = useApi<{ items: Row[] }>(`${base}/participants`);
  const agenda = useApi<Agenda>(`${base}/agenda`);
  const [focus, setFocus] = useState<string | undefined>();
  const reloadAll = () => Promise.all([event.reload(), participants.reload(), agenda.reload()]).then(() => undefined);
  if (!event.data) return <PageState title="Event" error={event.error} what="the event" />;
  const e = event.data;
  const rows = participants.data?.items ?? [];
  const names = new Map(rows.map((p) => [p.companyId, p.company.name]));
  const focused = rows.find((p) => p.companyId === focus);
  return (
    <>
      <PageTitle text={e.name} />
      <p class="muted">
        {localDate(e.slots[0]?.start ?? e.plan.date)}, {e.slots.length} slots of {e.plan.slotMinutes} min from {e.plan.start} ({e.timeZone}), {e.tables} tables;
        meetings per participant: at least {e.minMeetings}
        {e.maxMeetings ? `, at most ${e.maxMeetings}` : ''}.
      </p>
      <PastDateWarning id="event-date-warning" date={e.plan.date} timeZone={e.timeZone} />
      <EventSettings key={(e as { version?: number }).version} base={base} event={e} onChange={reloadAll} />
      <ScheduleBar base={base} event={e} agenda={agenda} names={names} onChange={reloadAll} />
      <div class="two-cols wide-right">
        <section class="col" aria-labelledby="participants">
          <h2 id="participants" tabIndex={-1}>
            Participants ({participants.data?.items.length ?? '…'})
          </h2>
          <AddParticipant base={base} existing={new Set(e.participants.map((p) => p.companyId))} onAdded={reloadAll} />
          <BulkAdd base={base} registered={new Set(e.participants.map((p) => p.companyId))} onAdded={reloadAll} />
          <ParticipantTable base={base} rows={participants} agenda={agenda.data} focus={focus} onFocus={setFocus} onChange={reloadAll} />
        </section>
        <div class="col">
          {focused && (
            <section aria-labelledby="participant-settings">
              <h2 id="participant-settings">Availability, blocks and wishes of {focused.company.name}</h2>
              <ParticipantSettings key={focused.companyId} base={base} event={e} participant={focused} all={rows} onChange={reloadAll} />
            </section>
          )}
          <section aria-labelledby="suggested">
            <h2 id="suggested">Suggested meetings</h2>
            {focused ? (
              <Suggestions base={base} participant={focused} all={rows} onChange={reloadAll} />
            ) : (
              <p class="muted">Choose "Suggestions" beside a participant to set their availability, blocks and wishes and review their suggested meetings.</p>
            )}
          </section>
        </div>
      </div>
      <section aria-labelledby="grid">
        <h2 id="grid" tabIndex={-1}>
          Schedule
        </h2>
        <ProblemView error={agenda.error} />
        {agenda.data && <Grid base={base} event={e} agenda={agenda.data} onChange={reloadAll} />}
        <RemovedPairs base={base} event={e} names={names} onChange={reloadAll} />
      </section>
    </>
  );
}

function AddParticipant({ base, existing, onAdded }: { base: string; existing: Set<string>; onAdded(): Promise<void> }) {
  const [words, setWords] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const found = useApi<Page<Company>>(search === null ? null : `/api/v1/companies${queryString({ q: search, limit: 8 })}`);
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const add = (c: Company) =>
    run(async () => {
      await api('POST', `${base}/participants`, { companyId: c.id });
      await onAdded();
      announce(`${c.name} added to the event.`);
    });
  return (
    <div class="add-participant">
      <form
        role="search"
        aria-label="Find a company to add"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(words.trim());
        }}
      >
        <div class="field inline">
          <label for="add-q">Add a company</label>
          <input id="add-q" type="search" value={words} placeholder="Name or words" onInput={(e) => setWords((e.target as HTMLInputElement).value)} />
          <button type="submit">Find</button>
        </div>
      </form>
      {found.data && (
        <ul class="plain found" aria-label="Companies found">
          {found.data.items.length === 0 && <li class="muted">No company matches.</li>}
          {found.data.items.map((c) => (
            <li key={c.id}>
              {c.name} <Country code={c.country} />{' '}
              {existing.has(c.id) ? (
                <span class="muted">(registered)</span>
              ) : (
                <button type="button" class="small" disabled={busy} aria-label={`Add ${c.name}`} onClick={() => add(c)}>
                  Add
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ProblemView error={error} title="Not added." />
    </div>
  );
}

/** The files of one participant's agenda offered in its row. */
const AGENDA_FILES = [
  { format: 'ics', label: 'Calendar file', button: 'Calendar' },
  { format: 'csv', label: 'Agenda CSV', button: 'CSV' },
] as const;

function ParticipantTable(props: {
  base: string;
  rows: Loaded<{ items: Row[] }>;
  agenda: Agenda | undefined;
  focus: string | undefined;
  onFocus(id: string): void;
  onChange(): Promise<void>;
}) {
  const { error, run } = useAction();
  const announce = useAnnounce();
  const remove = (p: Row) =>
    confirm(`Remove ${p.company.name} and their meetings from the event?`) &&
    run(async () => {
      await api('DELETE', path(p.companyId));
      await props.onChange();
      // The row and its button are gone: continue from the list's heading.
      document.getElementById('participants')?.focus();
      announce(`${p.company.name} removed from the event.`);
    });
  const meetingsOf = (id: string) => props.agenda?.meetings.filter((m) => m.a.id === id || m.b.id === id).length ?? 0;
  const scheduled = (props.agenda?.meetings.length ?? 0) > 0;
  const path = (id: string) => `${props.base}/participants/${encodeURIComponent(id)}`;
  if (!props.rows.data) return <Loading what="participants" />;
  return (
    <>
      <ProblemView error={error} />
      <div class="table-wrap">
        <table class="list">
          <caption class="visually-hidden">Participants</caption>
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Wishes</th>
              <th scope="col">Meetings</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.data.items.map((p) => (
              <tr key={p.companyId} class={props.focus === p.companyId ? 'current' : undefined}>
                <th scope="row">
                  {p.company.name} <Country code={p.company.country} />
                </th>
                <td>{p.wishes.length}</td>
                <td>{meetingsOf(p.companyId)}</td>
                <td class="buttons">
                  <button
                    type="button"
                    class="small"
                    aria-pressed={props.focus === p.companyId}
                    onClick={() => {
                      props.onFocus(p.companyId);
                      announce(`Suggested meetings for ${p.company.name} are shown beside the list.`);
                    }}
                    aria-label={`Suggestions for ${p.company.name}`}
                  >
                    Suggestions
                  </button>
                  {AGENDA_FILES.map((f) => (
                    <button
                      key={f.format}
                      type="button"
                      class="small secondary"
                      disabled={!scheduled}
                      aria-label={`${f.label} for ${p.company.name}`}
                      onClick={() => run(() => download(`${path(p.companyId)}/agenda?format=${f.format}`, `${p.companyId}.${f.format}`))}
                    >
                      {f.button}
                    </button>
                  ))}
                  <button type="button" class="small danger" aria-label={`Remove ${p.company.name} from the event`} onClick={() => remove(p)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Suggestions({ base, participant, all, onChange }: { base: string; participant: Row | undefined; all: Row[]; onChange(): Promise<void> }) {
  const path = participant && `${base}/participants/${encodeURIComponent(participant.companyId)}`;
  const suggestions = useApi<{ results: PartnerResult[] }>(path ? `${path}/suggestions?limit=10` : null);
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  if (!participant || !path) return null;
  const wishOf = (id: string) => participant.wishes.find((w) => w.companyId === id)?.priority ?? 0;
  // A wish the other side made shows here too: "No wish" alone hid that they asked to meet.
  const wishFrom = (id: string) => all.find((o) => o.companyId === id)?.wishes.find((w) => w.companyId === participant.companyId)?.priority;
  const setWish = (id: string, priority: number) => {
    const others = participant.wishes.filter((w) => w.companyId !== id);
    return run(async () => {
      await api('PATCH', path, { wishes: priority ? [...others, { companyId: id, priority }] : others });
      await onChange();
      announce(priority ? `Wish saved: ${PRIORITIES[priority]?.toLowerCase()}.` : 'Wish removed.');
    });
  };
  return (
    <>
      <h3>
        For {participant.company.name} <Country code={participant.company.country} />
      </h3>
      <ProblemView error={suggestions.error ?? error} />
      {suggestions.loading && <Loading what="suggestions" />}
      {suggestions.data && !suggestions.data.results.length && <p class="muted">No other participant fits yet: add more companies.</p>}
      <ol class="cards">
        {suggestions.data?.results.map((r) => (
          <MatchCard key={r.company.id} name={r.company.name} country={r.company.country} score={r.score} strength={r.strength} reasons={r.reasons.slice(0, 3)}>
            {wishFrom(r.company.id) && (
              <p class="badge">
                {r.company.name} wishes to meet them: {PRIORITIES[wishFrom(r.company.id)!]?.toLowerCase()}
              </p>
            )}
            <div class="field inline">
              <label for={`wish-${r.company.id}`}>Wish</label>
              <select
                id={`wish-${r.company.id}`}
                disabled={busy}
                value={String(wishOf(r.company.id))}
                onChange={(e) => setWish(r.company.id, Number((e.target as HTMLSelectElement).value))}
              >
                <option value="0">No wish</option>
                <PriorityOptions />
              </select>
            </div>
          </MatchCard>
        ))}
      </ol>
    </>
  );
}

/** Slots down, tables across: every meeting in its cell, with pin and remove at hand. */
function Grid({ base, event, agenda, onChange }: { base: string; event: MatchEvent; agenda: Agenda; onChange(): Promise<void> }) {
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  if (!agenda.meetings.length) return <p class="muted">No meetings yet: add participants and wishes, then generate the schedule.</p>;
  const cell = new Map(agenda.meetings.map((m) => [`${m.slot}:${m.table}`, m]));
  const tables = Array.from({ length: event.tables }, (_, t) => t);
  const pair = (m: AgendaMeeting) => ({ a: m.a.id, b: m.b.id });
  const names = (m: AgendaMeeting) => `${m.a.name} and ${m.b.name}`;
  const pin = (m: AgendaMeeting) =>
    run(async () => {
      await (m.pinned ? api('DELETE', `${base}/pins${queryString(pair(m))}`) : api('POST', `${base}/pins`, { ...pair(m), slot: m.slot, table: m.table }));
      await onChange();
      announce(`${m.pinned ? 'Unpinned' : 'Pinned'} the meeting of ${names(m)}.`);
    });
  const remove = (m: AgendaMeeting) =>
    run(async () => {
      await api('POST', `${base}/removed-pairs`, pair(m));
      await onChange();
      document.getElementById('schedule-grid')?.focus(); // its cell is empty now
      announce(`Removed the meeting of ${names(m)}; re-run the schedule to fill the gap.`);
    });
  return (
    <>
      <ProblemView error={error} title="The schedule was not changed." />
      <p class="hint">Pinned meetings stay where they are when the schedule is re-run; removed pairs are not scheduled again until allowed.</p>
      <div class="table-wrap grid-wrap" id="schedule-grid" tabIndex={0} role="region" aria-label="Schedule grid, scrolls sideways">
        <table class="grid" style={{ '--tables': String(event.tables) }}>
          <caption class="visually-hidden">Meetings by time slot (rows) and table (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              {tables.map((t) => (
                <th scope="col" key={t}>
                  Table {t + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {event.slots.map((slot, s) => (
              <tr key={slot.start}>
                <th scope="row">{localTime(slot.start, event.timeZone)}</th>
                {tables.map((t) => {
                  const m = cell.get(`${s}:${t}`);
                  return (
                    <td key={t} class={m?.pinned ? 'pinned' : undefined}>
                      {m && (
                        <div class="meeting">
                          <span>
                            {m.a.name} <Country code={m.a.country} />
                          </span>
                          <span>
                            {m.b.name} <Country code={m.b.country} />
                          </span>
                          {m.wish && <span class="badge">{m.wish === 'mutual' ? 'mutual wish' : 'wish'}</span>}
                          {m.pinned && <span class="badge pinned-badge">pinned</span>}
                          <span class="cell-actions">
                            <button
                              type="button"
                              class="small"
                              disabled={busy}
                              aria-label={`${m.pinned ? 'Unpin' : 'Pin'} ${m.a.name} and ${m.b.name} at ${localTime(slot.start, event.timeZone)}, table ${t + 1}`}
                              onClick={() => pin(m)}
                            >
                              {m.pinned ? 'Unpin' : 'Pin'}
                            </button>
                            <button
                              type="button"
                              class="small danger"
                              disabled={busy || m.pinned}
                              aria-label={`Remove the meeting of ${m.a.name} and ${m.b.name}`}
                              onClick={() => remove(m)}
                            >
                              Remove
                            </button>
                            <MoveMeeting key={`${m.a.id}|${m.b.id}`} base={base} event={event} agenda={agenda} meeting={m} onChange={onChange} />
                          </span>
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function RemovedPairs({ base, event, names, onChange }: { base: string; event: MatchEvent; names: Map<string, string>; onChange(): Promise<void> }) {
  const { error, run } = useAction();
  const announce = useAnnounce();
  if (!event.removedPairs.length) return null;
  const allow = (a: string, b: string) =>
    run(async () => {
      await api('DELETE', `${base}/removed-pairs${queryString({ a, b })}`);
      await onChange();
      document.getElementById('grid')?.focus();
      announce(`${names.get(a) ?? a} and ${names.get(b) ?? b} may meet again.`);
    });
  return (
    <>
      <h3>Removed pairs</h3>
      <ProblemView error={error} />
      <ul class="plain">
        {event.removedPairs.map(([a, b]) => (
          <li key={`${a}|${b}`}>
            {names.get(a) ?? a} and {names.get(b) ?? b}{' '}
            <button type="button" class="small secondary" onClick={() => allow(a, b)}>
              Allow again
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
