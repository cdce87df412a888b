// The dashboard's figures: counted from what the database holds, cross-border only, and an
// event's meetings accepted only once the event has taken place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, addParticipant } from '../../src/use-cases/events.js';
import { scheduleEvent } from '../../src/use-cases/event-agenda.js';
import { recordFeedback } from '../../src/use-cases/record-feedback.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { updateIntroduction } from '../../src/use-cases/update-introduction.js';
import { networkStats } from '../../src/use-cases/network-stats.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
const BEFORE = new Date('2027-03-09T12:00:00Z');
const AFTER = new Date('2027-03-11T12:00:00Z');

beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('network statistics', () => {
  it('count companies per country and sector from the whole network', async () => {
    const s = await networkStats(t.engine, BEFORE);
    const companies = (await t.repo.list('company', { limit: 500, offset: 0 })).items;
    expect(s.companies.total).toBe(companies.length);
    for (const { key, n } of s.companies.byCountry) expect(n).toBe(companies.filter((c) => c.country === key).length);
    for (const { key, n } of s.companies.bySector) expect(n).toBe(companies.filter((c) => (c.sectors as string[]).includes(key)).length);
    expect(s.companies.byCountry.reduce((sum, c) => sum + c.n, 0)).toBe(companies.length);
    expect(s.clusters.total).toBe(await t.repo.count('cluster'));
  });

  it('call an open opportunity matched only when a company abroad fits it at the digest threshold', async () => {
    const s = await networkStats(t.engine, BEFORE);
    expect(s.opportunities.total).toBe(await t.repo.count('opportunity'));
    expect(s.opportunities.open).toBe(s.opportunities.total - 1); // op-no-expired closed in 2020
    expect(s.opportunities.matched).toBeGreaterThan(0);
    expect(s.opportunities.matched).toBeLessThanOrEqual(s.opportunities.open);
  });

  it('count cross-border matches suggested and accepted by source, and events held only after their day', async () => {
    const zero = await networkStats(t.engine, BEFORE);
    expect(zero.matches).toEqual({
      suggested: { total: 0, eventMeetings: 0, introductionRequests: 0, reviewedSuggestions: 0 },
      accepted: { total: 0, meetingsHeld: 0, introductionsMade: 0, goodSuggestions: 0 },
    });

    const ask = (companyId: string, country?: string) =>
      requestIntroduction(
        t.engine,
        { companyId, name: 'A', email: 'a@example.fi', message: 'Hello', consent: true, ...(country ? { country } : {}) },
        { siteKeyId: null, origin: null },
      );
    const a = await ask('se-dist', 'FI');
    await ask('no-fish', 'FI');
    // Not cross-border, or not known to be: not counted.
    await updateIntroduction(t.engine, (await ask('se-soft', 'SE')).id, { status: 'introduced' });
    await ask('dk-food');
    await updateIntroduction(t.engine, a.id, { status: 'introduced' });
    await recordFeedback(t.engine, 'fi-pack', { kind: 'partner', candidateId: 'se-dist', verdict: 'good' }, null);
    await recordFeedback(t.engine, 'fi-pack', { kind: 'partner', candidateId: 'se-soft', verdict: 'wrong' }, null);

    await createEvent(t.engine, {
      id: 'day',
      name: 'Packaging day',
      timeZone: 'Europe/Helsinki',
      date: '2027-03-10',
      start: '09:00',
      slotMinutes: 20,
      slotCount: 3,
      tables: 2,
      minMeetings: 1,
    });
    for (const companyId of ['fi-pack', 'se-dist', 'no-fish', 'dk-food']) await addParticipant(t.engine, 'day', { companyId });
    const agenda = await scheduleEvent(t.engine, 'day');
    const crossBorder = agenda.meetings.filter((m) => m.a.country !== m.b.country).length;
    expect(crossBorder).toBeGreaterThan(0);

    const before = await networkStats(t.engine, BEFORE);
    expect(before.matches.suggested).toEqual({ total: 2 + 2 + crossBorder, eventMeetings: crossBorder, introductionRequests: 2, reviewedSuggestions: 2 });
    expect(before.matches.accepted).toEqual({ total: 1 + 1, meetingsHeld: 0, introductionsMade: 1, goodSuggestions: 1 });
    expect(before.events).toMatchObject({ total: 1, held: 0, upcoming: 1 });
    expect(before.events.items[0]).toMatchObject({
      id: 'day',
      participants: 4,
      meetings: agenda.meetings.length,
      crossBorderMeetings: crossBorder,
      held: false,
    });

    const after = await networkStats(t.engine, AFTER);
    expect(after.matches.accepted.meetingsHeld).toBe(crossBorder);
    expect(after.events).toMatchObject({ held: 1, upcoming: 0 });
  });
});
