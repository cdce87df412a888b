// An event's participants with the names and countries of their companies, for staff.
import type { EntityStore, EventStore } from '../../db/index.js';
import type { EventParticipant } from '../../domain/index.js';
import type { CompanyRef } from '../../formats/index.js';
import { getEvent } from './event-store.js';

export async function listParticipants(
  engine: { readonly repo: Pick<EventStore, 'getVersionedEvent'> & Pick<EntityStore, 'getMany'> },
  eventId: string,
): Promise<(EventParticipant & { company: CompanyRef })[]> {
  const event = await getEvent(engine, eventId);
  const ids = event.participants.map((p) => p.companyId);
  const companies = new Map((await engine.repo.getMany('company', ids)).map((c) => [c.id, c]));
  return event.participants.map((p) => ({
    ...p,
    // A company erased meanwhile still shows by its id, so staff can remove the registration.
    company: { id: p.companyId, name: companies.get(p.companyId)?.name ?? p.companyId, country: companies.get(p.companyId)?.country ?? '' },
  }));
}
