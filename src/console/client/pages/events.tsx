// Matchmaking events: the list, and a form to create one (slots from a date, a start time,
// lengths and gaps, in the venue's time zone).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api';
import { Loading, PageTitle, ProblemView } from '../components/ui';
import { useAction, useApi } from '../hooks';
import { datePassed, PastDateWarning, TIME_ZONES } from './event-settings';

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60);

export function EventsPage() {
  const events = useApi<{ items: { id: string; name: string; updatedAt: string }[] }>('/api/v1/events');
  return (
    <>
      <PageTitle text="Events" />
      <div class="two-cols">
        <section class="col" aria-labelledby="list">
          <h2 id="list">Events</h2>
          <ProblemView error={events.error} />
          {events.loading && <Loading what="events" />}
          {events.data && !events.data.items.length && <p class="muted">No events yet: create the first one.</p>}
          <ul class="plain">
            {events.data?.items.map((e) => (
              <li key={e.id}>
                <a href={`/console/events/${encodeURIComponent(e.id)}`}>{e.name}</a> <span class="muted">({e.id})</span>
              </li>
            ))}
          </ul>
        </section>
        <section class="col" aria-labelledby="create">
          <h2 id="create">New event</h2>
          <CreateEvent />
        </section>
      </div>
    </>
  );
}

function CreateEvent() {
  const [form, setForm] = useState({
    name: '',
    id: '',
    idTouched: false,
    date: '',
    start: '09:00',
    timeZone: 'Europe/Helsinki',
    slotMinutes: 20,
    slotCount: 12,
    gapMinutes: 5,
    tables: 10,
    minMeetings: 2,
    maxMeetings: '',
    allowSameCountry: false,
  });
  const { busy, error, run } = useAction();
  const { route } = useLocation();
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const num = (name: keyof typeof form, label: string, min: number, max: number) => (
    <div class="field">
      <label for={`ev-${name}`}>{label}</label>
      <input
        id={`ev-${name}`}
        type="number"
        min={min}
        max={max}
        required
        value={String(form[name])}
        onInput={(e) => set({ [name]: Number((e.target as HTMLInputElement).value) })}
      />
    </div>
  );
  async function submit(e: Event) {
    e.preventDefault();
    const { idTouched: _, maxMeetings, ...rest } = form;
    const created = await run(() => api<{ id: string }>('POST', '/api/v1/events', { ...rest, maxMeetings: maxMeetings === '' ? null : Number(maxMeetings) }));
    if (created) route(`/console/events/${encodeURIComponent(created.id)}`);
  }
  return (
    <form onSubmit={submit} class="edit">
      <div class="field">
        <label for="ev-name">Name</label>
        <input
          id="ev-name"
          required
          value={form.name}
          onInput={(e) => {
            const name = (e.target as HTMLInputElement).value;
            set({ name, ...(form.idTouched ? {} : { id: slug(name) }) });
          }}
        />
      </div>
      <div class="field">
        <label for="ev-id">Id</label>
        <input
          id="ev-id"
          required
          value={form.id}
          aria-describedby="ev-id-hint"
          onInput={(e) => set({ id: (e.target as HTMLInputElement).value, idTouched: true })}
        />
        <p class="hint" id="ev-id-hint">
          Letters, digits, dots, dashes; used in links and file names.
        </p>
      </div>
      <div class="row">
        <div class="field">
          <label for="ev-date">Date</label>
          <input
            id="ev-date"
            type="date"
            required
            value={form.date}
            aria-describedby={datePassed(form.date, form.timeZone) ? 'ev-date-warning' : undefined}
            onInput={(e) => set({ date: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="ev-start">First meeting at</label>
          <input id="ev-start" type="time" required value={form.start} onInput={(e) => set({ start: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="ev-tz">Venue time zone</label>
          <select id="ev-tz" value={form.timeZone} onChange={(e) => set({ timeZone: (e.target as HTMLSelectElement).value })}>
            {TIME_ZONES.map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </div>
      </div>
      <PastDateWarning id="ev-date-warning" date={form.date} timeZone={form.timeZone} />
      <div class="row">
        {num('slotMinutes', 'Meeting length (min)', 5, 240)}
        {num('slotCount', 'Meeting slots', 1, 64)}
        {num('gapMinutes', 'Gap between (min)', 0, 120)}
        {num('tables', 'Tables', 1, 2000)}
        {num('minMeetings', 'Meetings each, at least', 0, 64)}
        <div class="field">
          <label for="ev-max">At most (optional)</label>
          <input
            id="ev-max"
            type="number"
            min={1}
            max={64}
            value={form.maxMeetings}
            onInput={(e) => set({ maxMeetings: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
      <label class="check">
        <input type="checkbox" checked={form.allowSameCountry} onChange={(e) => set({ allowSameCountry: (e.target as HTMLInputElement).checked })} /> Allow
        meetings within one country
      </label>
      <ProblemView error={error} title="The event was not created." />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}
