// Scheduling an event: keep (default) or re-plan, the change list, and the calendar it leaves.
import { ScheduleRequestSchema, type MatchEvent, type Meeting } from '../../domain/index.js';
import { appError } from '../../errors.js';
import { agendaViolations, allowedEdges, calendarAfter, schedule, scheduleChanges, slotTimes, type ScheduleProgress } from '../../events/index.js';
import type { ScheduledAgenda } from '../../formats/index.js';
import type { Engine } from '../../engine/index.js';
import { parseOrThrow } from '../../validation/index.js';
import { calendarOf, problemOf } from './agenda-problem.js';
import { viewOf } from './agenda-view.js';
import { changeEvent, getEvent } from './event-store.js';

/**
 * The meetings a `keep` run starts from: the current agenda (staff removals and withdrawals
 * already applied) or, when a rule change cleared it, what calendars hold where the slot is
 * still at the same time.
 */
function meetingsToKeep(e: MatchEvent): Meeting[] {
  if (e.agenda) return e.agenda;
  return calendarOf(e)
    .filter((c) => !c.cancelled && c.start !== '' && c.start === slotTimes(e.slots, c.slot).start)
    .map(({ a, b, slot, table }) => ({ a, b, slot, table }));
}

/**
 * Generates the agenda; pinned meetings stay. `request.mode` `keep` (the default) also keeps every
 * meeting of the current agenda that the rules still allow, in its slot at its table, and fills
 * the room around them; `replan` plans from scratch. The answer and the stored event carry what
 * changed per participant. Nothing is written unless every hard rule holds.
 */
export async function scheduleEvent(engine: Engine, eventId: string, onProgress?: ScheduleProgress, request?: unknown): Promise<ScheduledAgenda> {
  const { mode } = parseOrThrow(ScheduleRequestSchema, request ?? undefined, 'schedule request');
  const before = await getEvent(engine, eventId);
  const { problem, companies } = await problemOf(engine, before);
  if (mode === 'keep') problem.keep = meetingsToKeep(before);
  const edges = allowedEdges(problem);
  const result = schedule(problem, onProgress, edges);
  const violations = agendaViolations(problem, result.meetings);
  // The scheduler never breaks a rule by design; if it ever did, nothing half-right is saved.
  if (violations.length) throw new Error(`the scheduler broke hard rules: ${violations.slice(0, 5).join('; ')}`);
  const previous = calendarOf(before);
  const calendar = calendarAfter(previous, result.meetings, before.slots);
  const changes = scheduleChanges(previous, calendar);
  const { value: saved } = await changeEvent(engine, eventId, (e) => {
    if (
      JSON.stringify([e.participants, e.pins, e.removedPairs, e.slots, e.tables, e.agenda]) !==
      JSON.stringify([before.participants, before.pins, before.removedPairs, before.slots, before.tables, before.agenda])
    ) {
      throw appError('EVENT_CHANGED_WHILE_SCHEDULING', {});
    }
    return { ...e, agenda: result.meetings, scheduledAt: new Date().toISOString(), calendar, changes };
  });
  // The event's rules are those the problem was built from (checked above): no second scoring pass.
  return { ...viewOf(saved, problem, companies, edges), changes };
}
