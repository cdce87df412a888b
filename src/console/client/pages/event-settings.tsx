// Editing and deleting an event from its page: every setting with its rules and breaks, written
// with If-Match so a change made meanwhile by someone else is not overwritten silently.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ApiError, ifMatch } from '../api';
import { ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction } from '../hooks';
import type { MatchEvent } from '../types';

export const TIME_ZONES = [
  'Europe/Helsinki',
  'Europe/Stockholm',
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Atlantic/Reykjavik',
  'Europe/Mariehamn',
  'Atlantic/Faroe',
  'America/Nuuk',
];

/** Today's date at the venue: an event "in the past" is one whose date has passed there. */
const todayIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const datePassed = (date: string, timeZone: string) => Boolean(date) && date < todayIn(timeZone);

/** Shown under a date field; the field names it (aria-describedby) only while it is shown. */
export function PastDateWarning({ id, date, timeZone }: { id: string; date: string; timeZone: string }) {
  if (!datePassed(date, timeZone)) return null;
  return (
    <p class="warning" id={id}>
      This date has already passed in {timeZone}. Check it before inviting anyone.
    </p>
  );
}

type Versioned = MatchEvent & { version?: number };
type Form = ReturnType<typeof formOf>;

function formOf(e: MatchEvent) {
  return {
    name: e.name,
    timeZone: e.timeZone,
    date: e.plan.date,
    start: e.plan.start,
    slotMinutes: e.plan.slotMinutes,
    slotCount: e.plan.slotCount,
    gapMinutes: e.plan.gapMinutes,
    breaks: e.plan.breaks,
    tables: e.tables,
    minMeetings: e.minMeetings,
    maxMeetings: e.maxMeetings === null ? '' : String(e.maxMeetings),
    allowSameCountry: e.allowSameCountry,
  };
}

const STALE = 'Someone else changed this event meanwhile: reload the page to see their change, then make yours again.';
const staleAware = (err: unknown) => (err instanceof ApiError && err.status === 412 ? new ApiError(412, STALE, err.errors) : err);

export function EventSettings({ base, event, onChange }: { base: string; event: Versioned; onChange(): Promise<void> }) {
  const [form, setForm] = useState<Form>(() => formOf(event));
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const { route } = useLocation();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const save = (e: Event) => {
    e.preventDefault();
    return run(async () => {
      const { maxMeetings, ...rest } = form;
      await api('PATCH', base, { ...rest, maxMeetings: maxMeetings === '' ? null : Number(maxMeetings) }, ifMatch(event.version)).catch((err) => {
        throw staleAware(err);
      });
      await onChange();
      announce('Event saved.');
    });
  };
  const remove = () =>
    confirm(`Delete the event "${event.name}" with its participants and schedule? This cannot be undone.`) &&
    run(async () => {
      await api('DELETE', base, undefined, ifMatch(event.version)).catch((err) => {
        throw staleAware(err);
      });
      announce(`Event ${event.name} deleted.`);
      route('/console/events');
    });
  const num = (name: 'slotMinutes' | 'slotCount' | 'gapMinutes' | 'tables' | 'minMeetings', label: string, min: number, max: number) => (
    <div class="field">
      <label for={`edit-${name}`}>{label}</label>
      <input
        id={`edit-${name}`}
        type="number"
        min={min}
        max={max}
        required
        value={String(form[name])}
        onInput={(e) => set({ [name]: Number((e.target as HTMLInputElement).value) })}
      />
    </div>
  );
  return (
    <details class="event-settings">
      <summary>Edit or delete the event</summary>
      <form class="edit" onSubmit={save}>
        <div class="field">
          <label for="edit-name">Event name</label>
          <input id="edit-name" required value={form.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </div>
        <div class="row">
          <div class="field">
            <label for="edit-date">Event date</label>
            <input
              id="edit-date"
              type="date"
              required
              value={form.date}
              aria-describedby={datePassed(form.date, form.timeZone) ? 'edit-date-warning' : undefined}
              onInput={(e) => set({ date: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="edit-start">First meeting at</label>
            <input id="edit-start" type="time" required value={form.start} onInput={(e) => set({ start: (e.target as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label for="edit-tz">Venue time zone</label>
            <select id="edit-tz" value={form.timeZone} onChange={(e) => set({ timeZone: (e.target as HTMLSelectElement).value })}>
              {[...new Set([form.timeZone, ...TIME_ZONES])].map((z) => (
                <option key={z}>{z}</option>
              ))}
            </select>
          </div>
        </div>
        <PastDateWarning id="edit-date-warning" date={form.date} timeZone={form.timeZone} />
        <div class="row">
          {num('slotMinutes', 'Meeting length (min)', 5, 240)}
          {num('slotCount', 'Meeting slots', 1, 64)}
          {num('gapMinutes', 'Gap between (min)', 0, 120)}
          {num('tables', 'Tables', 1, 2000)}
          {num('minMeetings', 'Meetings each, at least', 0, 64)}
          <div class="field">
            <label for="edit-max">At most (optional)</label>
            <input
              id="edit-max"
              type="number"
              min={1}
              max={64}
              value={form.maxMeetings}
              onInput={(e) => set({ maxMeetings: (e.target as HTMLInputElement).value })}
            />
          </div>
        </div>
        <Breaks breaks={form.breaks} slotCount={form.slotCount} onChange={(breaks) => set({ breaks })} />
        <label class="check">
          <input type="checkbox" checked={form.allowSameCountry} onChange={(e) => set({ allowSameCountry: (e.target as HTMLInputElement).checked })} /> Allow
          meetings within one country
        </label>
        <p class="hint">A new slot layout drops pins; any change of the rules clears the schedule, to be generated again.</p>
        <ProblemView error={error} title="The event was not changed." />
        <div class="buttons">
          <button type="submit" disabled={busy}>
            Save the event
          </button>
          <button type="button" class="danger" disabled={busy} onClick={remove}>
            Delete the event
          </button>
        </div>
      </form>
    </details>
  );
}

function Breaks({ breaks, slotCount, onChange }: { breaks: Form['breaks']; slotCount: number; onChange(b: Form['breaks']): void }) {
  const change = (i: number, patch: Partial<Form['breaks'][number]>) => onChange(breaks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <fieldset>
      <legend>Breaks</legend>
      {!breaks.length && <p class="muted">No breaks.</p>}
      {breaks.map((b, i) => (
        <div class="row" key={i}>
          <div class="field">
            <label for={`break-after-${i}`}>Break {i + 1} after meeting</label>
            <input
              id={`break-after-${i}`}
              type="number"
              min={1}
              max={slotCount}
              value={String(b.afterSlot + 1)}
              onInput={(e) => change(i, { afterSlot: Number((e.target as HTMLInputElement).value) - 1 })}
            />
          </div>
          <div class="field">
            <label for={`break-minutes-${i}`}>Break {i + 1} minutes</label>
            <input
              id={`break-minutes-${i}`}
              type="number"
              min={1}
              max={600}
              value={String(b.minutes)}
              onInput={(e) => change(i, { minutes: Number((e.target as HTMLInputElement).value) })}
            />
          </div>
          <button type="button" class="small secondary" aria-label={`Remove break ${i + 1}`} onClick={() => onChange(breaks.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="small" onClick={() => onChange([...breaks, { afterSlot: Math.max(0, Math.floor(slotCount / 2) - 1), minutes: 30 }])}>
        Add a break
      </button>
    </fieldset>
  );
}
