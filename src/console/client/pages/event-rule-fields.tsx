// The fields of an event's rules, shared by the form that creates an event and the one that
// edits it: date, start and zone (with the past-date warning), lengths, tables, meeting counts.
import type { ComponentChildren } from 'preact';

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

/** The rules as the form holds them: "at most" is text, empty for no cap. */
export interface RuleForm {
  date: string;
  start: string;
  timeZone: string;
  slotMinutes: number;
  slotCount: number;
  gapMinutes: number;
  tables: number;
  minMeetings: number;
  maxMeetings: string;
  allowSameCountry: boolean;
}

/** The form's values as the API takes them: no cap is `null`. */
export function ruleBody<F extends RuleForm>(form: F): Omit<F, 'maxMeetings'> & { maxMeetings: number | null } {
  const { maxMeetings, ...rest } = form;
  return { ...rest, maxMeetings: maxMeetings === '' ? null : Number(maxMeetings) };
}

type NumberField = 'slotMinutes' | 'slotCount' | 'gapMinutes' | 'tables' | 'minMeetings';

interface Props {
  /** Prefix of the field ids, one per form on a page. */
  prefix: string;
  dateLabel: string;
  form: RuleForm;
  set(patch: Partial<RuleForm>): void;
  /** Shown after the numbers, before the same-country choice (the edit form's breaks). */
  children?: ComponentChildren;
}

export function EventRuleFields({ prefix, dateLabel, form, set, children }: Props) {
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const num = (name: NumberField, label: string, min: number, max: number) => (
    <div class="field">
      <label for={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        type="number"
        min={min}
        max={max}
        required
        value={String(form[name])}
        onInput={(e) => set({ [name]: Number(value(e)) })}
      />
    </div>
  );
  const warning = `${prefix}-date-warning`;
  return (
    <>
      <div class="row">
        <div class="field">
          <label for={`${prefix}-date`}>{dateLabel}</label>
          <input
            id={`${prefix}-date`}
            type="date"
            required
            value={form.date}
            aria-describedby={datePassed(form.date, form.timeZone) ? warning : undefined}
            onInput={(e) => set({ date: value(e) })}
          />
        </div>
        <div class="field">
          <label for={`${prefix}-start`}>First meeting at</label>
          <input id={`${prefix}-start`} type="time" required value={form.start} onInput={(e) => set({ start: value(e) })} />
        </div>
        <div class="field">
          <label for={`${prefix}-tz`}>Venue time zone</label>
          <select id={`${prefix}-tz`} value={form.timeZone} onChange={(e) => set({ timeZone: (e.target as HTMLSelectElement).value })}>
            {[...new Set([form.timeZone, ...TIME_ZONES])].map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        </div>
      </div>
      <PastDateWarning id={warning} date={form.date} timeZone={form.timeZone} />
      <div class="row">
        {num('slotMinutes', 'Meeting length (min)', 5, 240)}
        {num('slotCount', 'Meeting slots', 1, 64)}
        {num('gapMinutes', 'Gap between (min)', 0, 120)}
        {num('tables', 'Tables', 1, 2000)}
        {num('minMeetings', 'Meetings each, at least', 0, 64)}
        <div class="field">
          <label for={`${prefix}-max`}>At most (optional)</label>
          <input id={`${prefix}-max`} type="number" min={1} max={64} value={form.maxMeetings} onInput={(e) => set({ maxMeetings: value(e) })} />
        </div>
      </div>
      {children}
      <label class="check">
        <input type="checkbox" checked={form.allowSameCountry} onChange={(e) => set({ allowSameCountry: (e.target as HTMLInputElement).checked })} /> Allow
        meetings within one country
      </label>
    </>
  );
}
