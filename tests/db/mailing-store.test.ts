// The mailing aggregate on a real database (SQLite, or PostgreSQL with NORDICHUB_TEST_PG).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db/index.js';
import type { AgendaMailing } from '../../src/domain/mailing.js';
import { databaseFor, tempDir } from '../helpers.js';

let repo: Repository;
let cleanup: () => void;

beforeEach(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  repo = await openRepository(await databaseFor(t.dir));
});
afterEach(async () => {
  await repo.close();
  cleanup();
});

const mailing = (over: Partial<AgendaMailing> & Pick<AgendaMailing, 'eventId' | 'companyId'>): AgendaMailing => ({
  agendaHash: 'h1',
  to: `${over.companyId}@example.org`,
  transport: 'smtp',
  messageId: `<${over.eventId}.${over.companyId}@nordichub.test>`,
  sentAt: '2027-06-01T08:00:00.000Z',
  ...over,
});

/** fi-a mailed for ev-1 and ev-2, se-b for ev-1. */
async function recordFiInTwoEventsSeInOne() {
  for (const [eventId, companyId] of [
    ['ev-1', 'fi-a'],
    ['ev-2', 'fi-a'],
    ['ev-1', 'se-b'],
  ] as const)
    await repo.recordAgendaMailing(mailing({ eventId, companyId }));
}

describe('agenda mailings', () => {
  it('keeps one row per event and company: mailing again replaces hash, address and time', async () => {
    await repo.recordAgendaMailing(mailing({ eventId: 'ev-1', companyId: 'se-b' }));
    await repo.recordAgendaMailing(mailing({ eventId: 'ev-1', companyId: 'fi-a' }));
    const again = mailing({
      eventId: 'ev-1',
      companyId: 'se-b',
      agendaHash: 'h2',
      to: 'new@example.org',
      transport: 'outbox',
      sentAt: '2027-06-02T09:30:00.000Z',
    });
    await repo.recordAgendaMailing(again);
    expect(await repo.agendaMailings('ev-1')).toEqual([mailing({ eventId: 'ev-1', companyId: 'fi-a' }), again]);
    expect(await repo.agendaMailings('ev-other')).toEqual([]);
  });

  it('lists a company’s mailings across events and erases exactly those', async () => {
    await recordFiInTwoEventsSeInOne();
    expect((await repo.agendaMailingsOf('fi-a')).map((m) => m.eventId)).toEqual(['ev-1', 'ev-2']);
    expect(await repo.deleteAgendaMailingsFor('fi-a')).toBe(2);
    expect(await repo.agendaMailingsOf('fi-a')).toEqual([]);
    expect((await repo.agendaMailings('ev-1')).map((m) => m.companyId)).toEqual(['se-b']);
  });

  it('forgets an event’s mailings with the event', async () => {
    await recordFiInTwoEventsSeInOne();
    expect(await repo.deleteAgendaMailingsOfEvent('ev-1')).toBe(2);
    expect(await repo.agendaMailings('ev-1')).toEqual([]);
    expect((await repo.agendaMailingsOf('fi-a')).map((m) => m.eventId)).toEqual(['ev-2']);
  });
});
