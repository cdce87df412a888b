// Registering a participant: an existing company or a new profile created on the fly.
import { ParticipantInputSchema, type EventParticipant } from '../../domain/index.js';
import { appError } from '../../errors.js';
import type { Engine } from '../../engine/index.js';
import { parseOrThrow } from '../../validation/index.js';
import { createEntity } from '../write-entities.js';
import { changeEvent, getEvent } from './event-store.js';
import { checkParticipant } from './participant-checks.js';

export async function addParticipant(engine: Engine, eventId: string, body: unknown): Promise<EventParticipant> {
  const input = parseOrThrow(ParticipantInputSchema, body, 'participant');
  const event = await getEvent(engine, eventId);
  const companyId = input.companyId ?? input.company!.id;
  if (event.participants.some((p) => p.companyId === companyId)) {
    throw appError('ALREADY_REGISTERED', { companyId, eventId }, [{ path: input.companyId ? 'companyId' : 'company.id', message: 'already registered' }]);
  }
  const participant: EventParticipant = {
    companyId,
    availability: input.availability ?? event.slots.map((_, i) => i),
    wishes: input.wishes.map((w) => ({ companyId: w.companyId, priority: w.priority })),
    blocks: input.blocks,
  };
  await checkParticipant(engine, event, participant, input.company === undefined);
  // A new profile is created first: the recommendation engine must know it to suggest meetings.
  if (input.company) await createEntity(engine, 'company', input.company);
  await changeEvent(engine, eventId, (e) => {
    if (e.participants.some((p) => p.companyId === companyId)) throw appError('ALREADY_REGISTERED', { companyId, eventId });
    return { ...e, participants: [...e.participants, participant] };
  });
  return participant;
}
