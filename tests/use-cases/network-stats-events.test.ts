// The dashboard's event counts go by each event's date in its own zone: an event whose day has
// begun at the venue is held, scheduled or not, and never counted as coming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../src/use-cases/events.js';
import { networkStats } from '../../src/use-cases/network-stats.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  const day = { name: 'Day', start: '09:00', slotMinutes: 20, slotCount: 3, tables: 2 };
  // 10 March 2027: already that day in Helsinki (UTC+2) at 22:30 UTC on the 9th, still the 9th in Reykjavík (UTC).
  await createEvent(t.engine, { ...day, id: 'helsinki', timeZone: 'Europe/Helsinki', date: '2027-03-10' });
  await createEvent(t.engine, { ...day, id: 'reykjavik', timeZone: 'Atlantic/Reykjavik', date: '2027-03-10' });
  await createEvent(t.engine, { ...day, id: 'long-ago', timeZone: 'Europe/Oslo', date: '2020-05-05' });
}, 60_000);
afterAll(() => t.close());

describe('event counts on the dashboard', () => {
  it('count an unscheduled event dated in the past as held, and each event by its own zone', async () => {
    const s = await networkStats(t.engine, new Date('2027-03-09T22:30:00Z'));
    const held = Object.fromEntries(s.events.items.map((e) => [e.id, e.held]));
    expect(held).toEqual({ helsinki: true, reykjavik: false, 'long-ago': true });
    expect(s.events).toMatchObject({ total: 3, held: 2, upcoming: 1 });
  });
});
