// Scheduling an event: generate or re-run (keeping meetings where they are, or a full re-plan),
// what the re-run changed for each participant, sending the agendas, and moving one meeting.
import { useState } from 'preact/hooks';
import { api, ApiError, download } from '../api';
import { ProblemView } from '../components/ui';
import { useAnnounce } from '../announcer';
import { useAction, type Loaded } from '../hooks';
import { localTime, percent } from '../labels';
import type { Agenda, AgendaMeeting, MatchEvent } from '../types';
import type { AgendaMailing, MeetingRef, ScheduleChanges, ScheduleMode } from '../event-types';

type Scheduled = Agenda & { changes?: ScheduleChanges };

export function ScheduleBar(props: { base: string; event: MatchEvent; agenda: Loaded<Agenda>; names: Map<string, string>; onChange(): Promise<void> }) {
  const { base, event, agenda } = props;
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const [mode, setMode] = useState<ScheduleMode>('keep');
  const [changes, setChanges] = useState<ScheduleChanges | undefined>((event as { changes?: ScheduleChanges }).changes);
  const stats = agenda.data?.statistics;
  const scheduled = event.agenda !== null;
  const generate = () =>
    run(async () => {
      const result = await api<Scheduled>('POST', `${base}/schedule`, { mode });
      setChanges(result.changes);
      await props.onChange();
      announce(
        `Schedule ${scheduled ? 're-run' : 'generated'}: ${result.meetings.length} meetings.${result.changes ? ` ${changeSummary(result.changes)}` : ''}`,
      );
    });
  return (
    <>
      <div class="schedule-bar">
        {scheduled && (
          <fieldset class="mode">
            <legend>When re-running</legend>
            <label class="check">
              <input type="radio" name="schedule-mode" value="keep" checked={mode === 'keep'} onChange={() => setMode('keep')} /> Keep meetings where they are
            </label>
            <label class="check">
              <input type="radio" name="schedule-mode" value="replan" checked={mode === 'replan'} onChange={() => setMode('replan')} /> Re-plan everything
            </label>
          </fieldset>
        )}
        <button type="button" disabled={busy || event.participants.length < 2} onClick={generate}>
          {busy ? 'Scheduling…' : scheduled ? 'Re-run the schedule' : 'Generate the schedule'}
        </button>
        <button type="button" class="secondary" disabled={!scheduled} onClick={() => run(() => download(`${base}/agenda?format=csv`, 'agenda.csv'))}>
          Download agenda (CSV)
        </button>
        {scheduled && (
          <a class="button secondary" href={`/console/events/${encodeURIComponent(event.id)}/print`}>
            Hand-outs to print
          </a>
        )}
        <p role="status" class="muted">
          {scheduled && stats
            ? `${stats.meetings} meetings; ${stats.perParticipant.min}–${stats.perParticipant.max} per participant (median ${stats.perParticipant.median}); wishes met: ${stats.wishes.mutualMet} of ${stats.wishes.mutualPairs} mutual, ${stats.wishes.oneSidedMet} of ${stats.wishes.oneSided} one-sided; ${percent(stats.crossBorderShare)} cross-border; within ${(stats.gapToBound * 100).toFixed(1)} % of the best possible.`
            : 'Not scheduled yet.'}
        </p>
        <ProblemView error={error} title="The schedule was not changed." />
      </div>
      {changes && <ChangeList changes={changes} event={event} names={props.names} />}
      {scheduled && <SendAgendas base={base} names={props.names} />}
    </>
  );
}

const changeSummary = (c: ScheduleChanges) => `Kept ${c.kept}, added ${c.added}, moved ${c.moved}, cancelled ${c.cancelled}.`;

function ChangeList({ changes, event, names }: { changes: ScheduleChanges; event: MatchEvent; names: Map<string, string> }) {
  const touched = changes.participants.filter((p) => p.added.length + p.moved.length + p.cancelled.length > 0);
  const at = (m: MeetingRef) => `${localTime(m.start, event.timeZone)}, table ${m.table + 1}`;
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section class="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">What the last run changed</h2>
      <p>{changeSummary(changes)}</p>
      {!touched.length && <p class="muted">No participant’s agenda changed.</p>}
      <ul class="plain change-list">
        {touched.map((p) => (
          <li key={p.companyId}>
            <h3>{name(p.companyId)}</h3>
            <ul>
              {p.added.map((m) => (
                <li key={`a${m.slot}`} class="added">
                  New: {at(m)} with {name(m.with)}
                </li>
              ))}
              {p.moved.map((m) => (
                <li key={`m${m.after.slot}`} class="moved">
                  Moved: {name(m.after.with)} from {at(m.before)} to {at(m.after)}
                </li>
              ))}
              {p.cancelled.map((m) => (
                <li key={`c${m.slot}`} class="cancelled">
                  Cancelled: {at(m)} with {name(m.with)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SendAgendas({ base, names }: { base: string; names: Map<string, string> }) {
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [result, setResult] = useState<AgendaMailing | null>(null);
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const send = () =>
    run(async () => {
      try {
        const sent = await api<AgendaMailing>('POST', `${base}/agendas/send`, { onlyChanged });
        setResult(sent);
        announce(`${sent.sent.length} agendas sent, ${sent.skipped.length} skipped.`);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404 && !err.errors.length)
          throw new ApiError(404, 'This service cannot send agendas yet: download the calendar files instead.');
        throw err;
      }
    });
  return (
    <div class="send-agendas">
      <label class="check">
        <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged((e.target as HTMLInputElement).checked)} /> Only to participants whose
        agenda changed
      </label>
      <button type="button" class="secondary" disabled={busy} onClick={send}>
        {busy ? 'Sending…' : 'Send agendas'}
      </button>
      <ProblemView error={error} title="No agenda was sent." />
      {result && (
        <div role="status">
          <p>
            Sent {result.sent.length}, skipped {result.skipped.length}.
          </p>
          <ul class="plain sent-list">
            {result.sent.map((s) => (
              <li key={s.companyId}>
                {names.get(s.companyId) ?? s.companyId}: to {s.to} ({s.transport})
              </li>
            ))}
            {result.skipped.map((s) => (
              <li key={s.companyId} class="muted">
                {names.get(s.companyId) ?? s.companyId}: not sent, {s.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * Moves one meeting to a free cell: pins the pair there and re-runs keeping the rest, so the
 * service's own rules decide (a refused pin or an infeasible run answers why, and is undone).
 */
export function MoveMeeting({
  base,
  event,
  agenda,
  meeting,
  onChange,
}: {
  base: string;
  event: MatchEvent;
  agenda: Agenda;
  meeting: AgendaMeeting;
  onChange(): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const { busy, error, run } = useAction();
  const announce = useAnnounce();
  const label = `${meeting.a.name} and ${meeting.b.name}`;
  const free = freeCells(event, agenda, meeting);
  const pair = { a: meeting.a.id, b: meeting.b.id };
  const move = () =>
    run(async () => {
      const [slot, table] = target.split(':').map(Number) as [number, number];
      await api('POST', `${base}/pins`, { ...pair, slot, table });
      try {
        await api('POST', `${base}/schedule`, { mode: 'keep' });
      } catch (err) {
        // Put the pin back as it was: a move the schedule cannot hold leaves nothing behind.
        await (meeting.pinned
          ? api('POST', `${base}/pins`, { ...pair, slot: meeting.slot, table: meeting.table })
          : api('DELETE', `${base}/pins?a=${encodeURIComponent(pair.a)}&b=${encodeURIComponent(pair.b)}`)
        ).catch(() => undefined);
        throw err;
      }
      setOpen(false);
      await onChange();
      announce(`Moved the meeting of ${label} to ${localTime(event.slots[slot]!.start, event.timeZone)}, table ${table + 1}; it is pinned there.`);
    });
  if (!open)
    return (
      <button type="button" class="small secondary" aria-label={`Move the meeting of ${label}`} onClick={() => setOpen(true)}>
        Move
      </button>
    );
  const id = `move-${meeting.slot}-${meeting.table}`;
  return (
    <div class="move">
      <label for={id}>Move to</label>
      <select id={id} value={target} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
        <option value="">Choose a free place</option>
        {free.map(([s, t]) => (
          <option key={`${s}:${t}`} value={`${s}:${t}`}>
            {localTime(event.slots[s]!.start, event.timeZone)}, table {t + 1}
          </option>
        ))}
      </select>
      <button type="button" class="small" disabled={busy || !target} onClick={move}>
        {busy ? 'Moving…' : 'Move here'}
      </button>
      <button type="button" class="small secondary" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ProblemView error={error} title="Not moved." />
    </div>
  );
}

/** Cells with no meeting, in slots where neither company meets anyone else. */
function freeCells(event: MatchEvent, agenda: Agenda, meeting: AgendaMeeting): [number, number][] {
  const taken = new Set(agenda.meetings.map((m) => `${m.slot}:${m.table}`));
  const ids = [meeting.a.id, meeting.b.id];
  const busySlots = new Set(agenda.meetings.filter((m) => m !== meeting && (ids.includes(m.a.id) || ids.includes(m.b.id))).map((m) => m.slot));
  const out: [number, number][] = [];
  event.slots.forEach((_, s) => {
    if (busySlots.has(s)) return;
    for (let t = 0; t < event.tables; t++) if (!taken.has(`${s}:${t}`)) out.push([s, t]);
  });
  return out;
}
