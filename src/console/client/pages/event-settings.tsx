// Editing and deleting an event from its page: every setting with its rules and breaks, written
// with If-Match so a change made meanwhile by someone else is not overwritten silently.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ApiError, ifMatch } from '../api';
import { ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction } from '../hooks';
import type { MatchEvent } from '../types';
import { EventRuleFields, ruleBody } from './event-rule-fields';

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
      await api('PATCH', base, ruleBody(form), ifMatch(event.version)).catch((err) => {
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
  return (
    <details class="event-settings">
      <summary>Edit or delete the event</summary>
      <form class="edit" onSubmit={save}>
        <div class="field">
          <label for="edit-name">Event name</label>
          <input id="edit-name" required value={form.name} onInput={(e) => set({ name: (e.target as HTMLInputElement).value })} />
        </div>
        <EventRuleFields prefix="edit" dateLabel="Event date" form={form} set={set}>
          <Breaks breaks={form.breaks} slotCount={form.slotCount} onChange={(breaks) => set({ breaks })} />
        </EventRuleFields>
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
