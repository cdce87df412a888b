// Erasure (GDPR): a company is removed from everything that names it before its own row goes.
import type { AccessStore, EventStore, FeedbackStore, MailingStore } from '../db/index.js';
import type { MatchEvent } from '../domain/index.js';
import { withoutCompany } from './events.js';

/** The stores that can name a company besides its own. */
export interface ErasureDeps {
  readonly repo: Pick<EventStore, 'eventsNaming' | 'updateEvent'> &
    Pick<AccessStore, 'deleteIntroductionsFor'> &
    Pick<FeedbackStore, 'deleteFeedbackFor'> &
    Pick<MailingStore, 'deleteAgendaMailingsFor'>;
}

/**
 * Removes the company from every event (registration, meetings, pins, others' wishes and blocks)
 * and deletes introduction requests, staff feedback and agenda mailings naming it. Runs before the company row is
 * deleted, so an interrupted erasure leaves the company in place and a retry finishes the job.
 */
export async function eraseCompanyTraces(deps: ErasureDeps, id: string): Promise<void> {
  for (const e of await deps.repo.eventsNaming(id)) {
    if (names(e, id)) await deps.repo.updateEvent(e.id, (current) => withoutCompany(current, id));
  }
  await deps.repo.deleteIntroductionsFor(id);
  await deps.repo.deleteFeedbackFor(id);
  await deps.repo.deleteAgendaMailingsFor(id);
}

function names(e: MatchEvent, id: string): boolean {
  return (
    e.participants.some((p) => p.companyId === id || p.wishes.some((w) => w.companyId === id) || p.blocks.includes(id)) ||
    e.pins.some((m) => m.a === id || m.b === id) ||
    (e.calendar ?? []).some((m) => m.a === id || m.b === id)
  );
}
