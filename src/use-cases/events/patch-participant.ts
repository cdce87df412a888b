// Changing a participant's availability, wishes or blocks.
import { ParticipantPatchSchema, type EventParticipant } from '../../domain/index.js';
import type { EntityStore } from '../../db/index.js';
import { parseOrThrow } from '../../validation/index.js';
import { changeEvent, getEvent, participantOf, type EventReader, type EventWriter } from './event-store.js';
import { checkParticipant } from './participant-checks.js';

export async function patchParticipant(
  engine: EventReader & EventWriter & { readonly repo: Pick<EntityStore, 'existingIds'> },
  eventId: string,
  companyId: string,
  body: unknown,
): Promise<EventParticipant> {
  const patch = parseOrThrow(ParticipantPatchSchema, body, 'participant patch');
  const event = await getEvent(engine, eventId);
  const current = participantOf(event, companyId);
  const next: EventParticipant = {
    ...current,
    ...(patch.availability ? { availability: patch.availability } : {}),
    ...(patch.wishes ? { wishes: patch.wishes.map((w) => ({ companyId: w.companyId, priority: w.priority })) } : {}),
    ...(patch.blocks ? { blocks: patch.blocks } : {}),
  };
  await checkParticipant(engine, event, next, true);
  await changeEvent(engine, eventId, (e) => ({ ...e, participants: e.participants.map((p) => (p.companyId === companyId ? next : p)) }));
  return next;
}
