// The event endpoints over real HTTP: staff only, problem+json, CSV and iCalendar downloads.
import { describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { caller, servedApp } from './client.js';

const STAFF = 'test-staff-key-events-0123456789';
const app = servedApp(exportSet, STAFF);

const send = caller(() => app.base);
const call = <M extends string, S extends string>(method: M, path: S, body?: unknown, key: string | null = STAFF) => send(method, path, { body, key });

const EVENT = { id: 'ev-oslo', name: 'Oslo Ocean Day', timeZone: 'Europe/Oslo', date: '2027-06-15', start: '10:00', slotMinutes: 30, slotCount: 4, tables: 2 };

describe('event endpoints', () => {
  it('are for staff only', async () => {
    expect((await call('POST', '/api/v1/events', EVENT, null)).status).toBe(401);
    expect((await call('GET', '/api/v1/events', undefined, 'wrong')).status).toBe(401);
  });

  it('create an event, register participants, suggest, schedule and export', async () => {
    expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
    for (const companyId of ['fi-pack', 'se-dist', 'no-fish', 'is-sensor', 'dk-food']) {
      expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId })).status).toBe(201);
    }
    const suggestions = await call('GET', `/api/v1/events/${EVENT.id}/participants/no-fish/suggestions?limit=3`);
    expect(suggestions.body.results[0]!.company.id).toBe('is-sensor');
    expect(suggestions.text).not.toMatch(/contactEmail/);

    const scheduled = await call('POST', `/api/v1/events/${EVENT.id}/schedule`);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.meetings.length).toBeGreaterThan(0);
    expect(scheduled.body.meetings[0]!.start).toBe('2027-06-15T10:00:00.000+02:00');
    expect(scheduled.body.statistics).toMatchObject({ crossBorderShare: 1 });

    const csv = await call('GET', `/api/v1/events/${EVENT.id}/agenda?format=csv`);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
      'slot,date,start_time,end_time,time_zone,table,company_a,country_a,company_b,country_b,pinned,wish,score,start,end',
    );
    const ics = await call('GET', `/api/v1/events/${EVENT.id}/participants/is-sensor/agenda?format=ics`);
    expect(ics.type).toContain('text/calendar');
    expect(ics.text).toMatch(/DTSTART;TZID=Europe\/Oslo:20270615T1[01][03]000/);
  });

  it('answer infeasible pins with 422 problem+json naming the pin', async () => {
    await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 });
    await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'no-fish', b: 'is-sensor', slot: 0, table: 1 });
    // A third pin on a taken table is refused at once, naming the field.
    const third = await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'dk-food', b: 'se-dist', slot: 0, table: 0 });
    expect(third.status).toBe(422);
    expect(third.type).toContain('application/problem+json');
    expect(third.problem?.errors?.map((e) => e.path)).toEqual(['table']);
    expect((await call('POST', `/api/v1/events/${EVENT.id}/schedule`)).status).toBe(200);
  });

  it('reject bad input with the field path', async () => {
    const r = await call('POST', '/api/v1/events', { ...EVENT, id: 'ev-bad', start: '25:00', tables: 0 });
    expect(r.status).toBe(400);
    expect(r.problem?.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['start', 'tables']));
    expect((await call('GET', '/api/v1/events/nope')).status).toBe(404);
  });
});
