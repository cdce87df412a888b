// Matchmaking events: the list, and a form to create one (slots from a date, a start time,
// lengths and gaps, in the venue's time zone).
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api';
import { Loading, PageTitle, ProblemView } from '../components/ui';
import { useAction, useApi } from '../hooks';
import { EventRuleFields, ruleBody } from './event-rule-fields';
import { idSlug } from '../id-slug';

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
  async function submit(e: Event) {
    e.preventDefault();
    const { idTouched: _, ...rest } = form;
    const created = await run(() => api<{ id: string }>('POST', '/api/v1/events', ruleBody(rest)));
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
            set({ name, ...(form.idTouched ? {} : { id: idSlug(name) }) });
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
      <EventRuleFields prefix="ev" dateLabel="Date" form={form} set={set} />
      <ProblemView error={error} title="The event was not created." />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create event'}
      </button>
    </form>
  );
}
