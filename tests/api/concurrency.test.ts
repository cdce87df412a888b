// Races over real HTTP, many rounds each: concurrent writes lose nothing, a deleted company never
// comes back, no company names a deleted cluster, and a stale If-Match writes nothing.
import { describe, expect, it } from 'vitest';
import { company, smallSet } from '../fixtures/small-set.js';
import { bodyCaller, servedApp } from './client.js';

const ADMIN = 'test-admin-key-races-0123456789';
const ROUNDS = 30;
const app = servedApp(smallSet, ADMIN);

const call = bodyCaller(() => app.base, ADMIN);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The second request of a round starts 0-3 ms after the first: the race window moves around. */
const after = <T>(ms: number, f: () => Promise<T>) => sleep(ms).then(f);
const statuses = (...answers: { status: number }[]) => answers.map((a) => a.status);

describe('concurrent writes', () => {
  it('keep both of two PATCHes of different fields, every round', async () => {
    const start = (await call('GET', '/api/v1/companies/fi-pack')).body.version as number;
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await Promise.all([
        call('PATCH', '/api/v1/companies/fi-pack', { needs: `Distributors in Sweden, round ${i}.` }),
        after(i % 4, () => call('PATCH', '/api/v1/companies/fi-pack', { notes: `round ${i}`, employees: i })),
      ]);
      expect(statuses(a, b)).toEqual([200, 200]);
      expect((await call('GET', '/api/v1/companies/fi-pack')).body).toMatchObject({
        needs: `Distributors in Sweden, round ${i}.`,
        notes: `round ${i}`,
        employees: i,
        clusterIds: ['cl-fi-pack'],
      });
    }
    expect((await call('GET', '/api/v1/companies/fi-pack')).body.version).toBe(start + 2 * ROUNDS);
  });

  it('keep both of two event PATCHes of different settings, every round', async () => {
    const EVENT = { id: 'ev-race', name: 'Race Day', timeZone: 'Europe/Oslo', date: '2027-06-15', start: '10:00', slotMinutes: 30, slotCount: 4, tables: 2 };
    expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await Promise.all([
        call('PATCH', `/api/v1/events/${EVENT.id}`, { name: `Race Day ${i}` }),
        after(i % 4, () => call('PATCH', `/api/v1/events/${EVENT.id}`, { tables: 3 + i })),
      ]);
      expect(statuses(a, b)).toEqual([200, 200]);
      expect((await call('GET', `/api/v1/events/${EVENT.id}`)).body).toMatchObject({ name: `Race Day ${i}`, tables: 3 + i, version: 1 + 2 * (i + 1) });
    }
  });
});

describe('a DELETE racing a PATCH of the same company', () => {
  it('never brings the company back: GET 404, gone from lists and partner recommendations', async () => {
    const gone: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const id = `se-race-${i}`;
      const created = await call(
        'POST',
        '/api/v1/companies',
        company({
          id,
          country: 'SE',
          description: 'Wholesale distributor of packaging.',
          offers: 'Distribution of cardboard boxes.',
          contactEmail: `ceo${i}@example.org`,
        }),
      );
      expect(created.status).toBe(201);
      const del = () => call('DELETE', `/api/v1/companies/${id}`);
      const patch = () => call('PATCH', `/api/v1/companies/${id}`, { contactEmail: `new${i}@example.org`, notes: 'Call back' });
      // Alternate who starts first, and by how much.
      const [d, p] = i % 2 === 0 ? await Promise.all([del(), after(i % 4, patch)]) : (await Promise.all([patch(), after(i % 4, del)])).reverse();
      expect(d!.status).toBe(200);
      expect([200, 404]).toContain(p!.status);
      expect((await call('GET', `/api/v1/companies/${id}`)).status).toBe(404);
      expect((await app.t.repo.historyOf('company', id)).at(-1)?.op).toBe('delete');
      gone.push(id);
    }
    const listed = (await call('GET', '/api/v1/companies?limit=500')).body.items.map((c: { id: string }) => c.id);
    expect(listed.filter((id: string) => gone.includes(id))).toEqual([]);
    const partners = (await call('GET', '/api/v1/companies/fi-pack/partners?limit=100')).body.results.map((r: { company: { id: string } }) => r.company.id);
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.filter((id: string) => gone.includes(id))).toEqual([]);
    expect(JSON.stringify(await app.t.repo.list('company', { limit: 1000, offset: 0 }))).not.toMatch(/example\.org.*new\d+@|ceo\d+@/);
  });
});

describe('a cluster DELETE racing companies that name it', () => {
  it('leaves no company naming a deleted cluster', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const cluster = `cl-race-${i}`;
      expect((await call('POST', '/api/v1/clusters', { id: cluster, name: `Race cluster ${i}`, country: 'DK', description: 'Short-lived.' })).status).toBe(201);
      const [del, created, patched] = await Promise.all([
        after(i % 3, () => call('DELETE', `/api/v1/clusters/${cluster}`)),
        call('POST', '/api/v1/companies', company({ id: `dk-race-${i}`, country: 'DK', clusterIds: [cluster] })),
        after(i % 4, () => call('PATCH', '/api/v1/companies/se-soft', { clusterIds: [cluster] })),
      ]);
      expect(del.status).toBe(200);
      expect([201, 400]).toContain(created.status);
      expect([200, 400]).toContain(patched.status);
      const clusters = new Set((await call('GET', '/api/v1/clusters?limit=500')).body.items.map((c: { id: string }) => c.id));
      const dangling = (await call('GET', '/api/v1/companies?limit=500', undefined)).body.items.filter((c: { clusterIds: string[] }) =>
        c.clusterIds.some((x) => !clusters.has(x)),
      );
      expect(dangling).toEqual([]);
    }
  });
});

describe('If-Match', () => {
  it('lets exactly one of two PATCHes made from the same version through; the other gets 412 and writes nothing', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const got = await call('GET', '/api/v1/companies/no-fish');
      const etag = got.headers.get('etag')!;
      const writesBefore = (await app.t.repo.historyOf('company', 'no-fish')).length;
      const answers = await Promise.all([
        call('PATCH', '/api/v1/companies/no-fish', { employees: 1000 + i }, { 'If-Match': etag }),
        after(i % 3, () => call('PATCH', '/api/v1/companies/no-fish', { notes: `stale ${i}` }, { 'If-Match': etag })),
      ]);
      expect(statuses(...answers).sort()).toEqual([200, 412]);
      const loser = answers.find((a) => a.status === 412)!;
      expect(loser.type).toContain('application/problem+json');
      const now = (await call('GET', '/api/v1/companies/no-fish')).body;
      expect(now.version).toBe(got.body.version! + 1);
      expect(now.employees === 1000 + i).toBe(answers[0].status === 200);
      expect(now.notes === `stale ${i}`).toBe(answers[1].status === 200);
      expect((await app.t.repo.historyOf('company', 'no-fish')).length).toBe(writesBefore + 1);
    }
  });

  it('lets a DELETE made from the version a PATCH changes either win (the PATCH then finds nothing) or get 412', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const id = `is-race-${i}`;
      const created = await call('POST', '/api/v1/companies', company({ id, country: 'IS' }));
      const etag = created.headers.get('etag')!;
      const [patch, del] = await Promise.all([
        call('PATCH', `/api/v1/companies/${id}`, { employees: i }),
        after(i % 3, () => call('DELETE', `/api/v1/companies/${id}`, undefined, { 'If-Match': etag })),
      ]);
      const now = await call('GET', `/api/v1/companies/${id}`);
      if (del.status === 200) {
        expect(patch.status).toBe(404);
        expect(now.status).toBe(404);
      } else {
        expect(statuses(patch, del)).toEqual([200, 412]);
        expect(now.body).toMatchObject({ employees: i, version: 2 });
      }
    }
  });
});
