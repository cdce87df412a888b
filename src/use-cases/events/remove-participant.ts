// Unregistering a participant, and erasing a company from an event altogether.
import type { MatchEvent, Meeting } from '../../domain/index.js';
import { changeEvent, participantOf, type EventWriter } from './event-store.js';

/** Removes a participant with its meetings and pins, and others' wishes and blocks naming it. */
export async function removeParticipant(engine: EventWriter, eventId: string, companyId: string): Promise<void> {
  await changeEvent(engine, eventId, (e) => {
    participantOf(e, companyId);
    return withoutParticipant(e, companyId);
  });
}

/**
 * The event with every trace of a company gone, its calendar entries too (erasure): partners'
 * calendars get no cancellation for a company that must not be named any more.
 */
export function withoutCompany(e: MatchEvent, companyId: string): MatchEvent {
  const involves = (x: { a: string; b: string }) => x.a === companyId || x.b === companyId;
  const rest = withoutParticipant(e, companyId);
  return {
    ...rest,
    ...(e.calendar ? { calendar: e.calendar.filter((c) => !involves(c)) } : {}),
    ...(e.changes
      ? {
          changes: {
            ...e.changes,
            participants: e.changes.participants
              .filter((p) => p.companyId !== companyId)
              .map((p) => ({
                ...p,
                added: p.added.filter((m) => m.with !== companyId),
                moved: p.moved.filter((m) => m.after.with !== companyId),
                cancelled: p.cancelled.filter((m) => m.with !== companyId),
              })),
          },
        }
      : {}),
  };
}

/**
 * The event without a participant: registration, meetings, pins, others' wishes and blocks. The
 * calendar keeps its meetings so the next schedule run sends partners their cancellation.
 */
export function withoutParticipant(e: MatchEvent, companyId: string): MatchEvent {
  const involves = (m: Meeting) => m.a === companyId || m.b === companyId;
  return {
    ...e,
    participants: e.participants
      .filter((p) => p.companyId !== companyId)
      .map((p) => ({ ...p, wishes: p.wishes.filter((w) => w.companyId !== companyId), blocks: p.blocks.filter((b) => b !== companyId) })),
    pins: e.pins.filter((m) => !involves(m)),
    removedPairs: e.removedPairs.filter(([a, b]) => a !== companyId && b !== companyId),
    agenda: e.agenda ? e.agenda.filter((m) => !involves(m)) : null,
  };
}
