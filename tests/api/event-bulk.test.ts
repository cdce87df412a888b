// Bulk registration over real HTTP: pasted names matched without exact Nordic letters, then the
// chosen companies added in one all-or-nothing step.
import { describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { caller, servedApp } from './client.js';

const STAFF = 'test-staff-key-event-bulk-0123456789';
const app = servedApp(exportSet, STAFF);
const send = caller(() => app.base);
const call = <M extends string, S extends string>(method: M, path: S, body?: unknown, key: string | null = STAFF) => send(method, path, { body, key });

const EVENT = { id: 'ev-bulk', name: 'Bulk Day', timeZone: 'Europe/Oslo', date: '2027-06-15', start: '10:00', slotMinutes: 30, slotCount: 4, tables: 2 };
const MATCH = `/api/v1/events/${EVENT.id}/participants/match` as const;
const BULK = `/api/v1/events/${EVENT.id}/participants/bulk` as const;

type Matches = { matches: { line: string; candidates: { companyId: string; name: string; country: string; score: number }[] }[] };
const best = (body: Matches) => body.matches.map((m) => m.candidates[0]?.companyId ?? null);

describe('matching pasted names to companies', () => {
  it('is for staff only and needs the event', async () => {
    expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
    expect((await call('POST', MATCH, { lines: ['Fjordlaks'] }, null)).status).toBe(401);
    expect((await call('POST', '/api/v1/events/nope/participants/match', { lines: ['Fjordlaks'] })).status).toBe(404);
  });

  it('finds names typed without Nordic letters or accents, with a suffix or a typo', async () => {
    const r = await call('POST', MATCH, { lines: ['Smorrebrod Foods', 'saefisk', 'Maelir Sensors ehf.', 'Fjordlaks AS', 'Kartonki Packagng Oy', 'Nordpack'] });
    expect(r.status).toBe(200);
    expect(best(r.body)).toEqual(['dk-food', 'is-fish', 'is-sensor', 'no-fish', 'fi-pack', 'se-dist']);
    expect(r.body.matches[3]!.candidates[0]).toEqual({ companyId: 'no-fish', name: 'Fjordlaks AS', country: 'NO', score: 1 });
  });

  it('offers nothing for a name no company is close to, and alternatives best first', async () => {
    const r = await call('POST', MATCH, { lines: ['Zyxwv Unknown Holdings', '   ', 'Oy'] });
    expect(r.body.matches.map((m: { candidates: unknown[] }) => m.candidates.length)).toEqual([0, 0, expect.any(Number)]);
    const scores = r.body.matches[2]!.candidates.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('never answers private fields', async () => {
    const r = await call('POST', MATCH, { lines: ['Saefisk ehf'] });
    expect(r.text).not.toMatch(/fish@example|contactEmail|notes/);
  });

  it('refuses too many or too long lines with the field path', async () => {
    const many = await call('POST', MATCH, { lines: Array.from({ length: 501 }, (_, i) => `Company ${i}`) });
    expect(many.status).toBe(400);
    expect(many.type).toContain('application/problem+json');
    expect(many.problem?.errors?.map((e) => e.path)).toContain('lines');
    const long = await call('POST', MATCH, { lines: ['ok', 'x'.repeat(201)] });
    expect(long.status).toBe(400);
    expect(long.problem?.errors?.map((e) => e.path)).toContain('lines[1]');
  });
});

describe('adding participants in bulk', () => {
  it('refuses the whole list for one unknown company, naming it, and adds nothing', async () => {
    const r = await call('POST', BULK, { companyIds: ['fi-pack', 'no-such-company', 'se-dist'] });
    expect(r.status).toBe(400);
    expect(r.problem?.errors).toEqual([{ path: 'companyIds[1]', message: 'no company "no-such-company"' }]);
    expect((await call('GET', `/api/v1/events/${EVENT.id}`)).body.participants).toEqual([]);
  });

  it('adds every listed company with all slots open, skipping those registered or listed twice', async () => {
    expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId: 'no-fish' })).status).toBe(201);
    const r = await call('POST', BULK, { companyIds: ['fi-pack', 'no-fish', 'se-dist', 'fi-pack', 'is-sensor'] });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      added: ['fi-pack', 'se-dist', 'is-sensor'],
      skipped: [
        { companyId: 'no-fish', reason: 'already registered' },
        { companyId: 'fi-pack', reason: 'listed twice' },
      ],
    });
    const event = (await call('GET', `/api/v1/events/${EVENT.id}`)).body;
    expect(event.participants.map((p: { companyId: string }) => p.companyId)).toEqual(['no-fish', 'fi-pack', 'se-dist', 'is-sensor']);
    expect(event.participants[1]).toEqual({ companyId: 'fi-pack', availability: [0, 1, 2, 3], wishes: [], blocks: [] });
  });

  it('refuses an empty list and ids that are not ids', async () => {
    expect((await call('POST', BULK, { companyIds: [] })).status).toBe(400);
    const r = await call('POST', BULK, { companyIds: ['ok-id', 'not an id!'] });
    expect(r.status).toBe(400);
    expect(r.problem?.errors?.map((e) => e.path)).toContain('companyIds[1]');
  });
});
