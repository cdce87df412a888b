// Two service processes on one database (replicas, or the service beside a CLI): concurrent
// writes through different processes lose nothing and never bring a deleted company back.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, smallSet } from '../fixtures/small-set.js';
import { databaseFor, runTsx, startServiceProcess, tempDir, type ServiceProcess } from '../helpers.js';
import { request } from './client.js';

const ADMIN = 'test-admin-key-replicas-0123456789';
const ROUNDS = 30;
const t = tempDir('nh-replicas-');
let one: ServiceProcess;
let two: ServiceProcess;

const envFor = (url: string, name: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATA_DIR: path.join(t.dir, name),
  DATABASE_URL: url,
  NORDICHUB_ADMIN_KEY: ADMIN,
  SYNC_INTERVAL_MS: '100',
});

beforeAll(async () => {
  const url = await databaseFor(t.dir);
  const file = path.join(t.dir, 'set.json');
  writeFileSync(file, JSON.stringify(smallSet()));
  expect((await runTsx(['src/cli/main.ts', 'import', file], envFor(url, 'one'))).code).toBe(0);
  // One after the other, so that afterAll can stop whichever started.
  one = await startServiceProcess(envFor(url, 'one'));
  two = await startServiceProcess(envFor(url, 'two'));
}, 180_000);
afterAll(() => {
  one?.child.kill('SIGKILL');
  two?.child.kill('SIGKILL');
  t.cleanup();
});

const call = (s: ServiceProcess, method: string, p: string, body?: unknown) => request(s.base, method, p, { body, key: ADMIN });

describe('writes through two processes at once', () => {
  it('keep both of two PATCHes of different fields, every round', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const [a, b] = await Promise.all([
        call(one, 'PATCH', '/api/v1/companies/se-dist', { notes: `round ${i}` }),
        call(two, 'PATCH', '/api/v1/companies/se-dist', { employees: i }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect((await call(one, 'GET', '/api/v1/companies/se-dist')).body).toMatchObject({ notes: `round ${i}`, employees: i, clusterIds: ['cl-se-food'] });
    }
  });

  it('never bring back a company deleted through the other process', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const id = `no-replica-${i}`;
      expect((await call(one, 'POST', '/api/v1/companies', company({ id, country: 'NO', contactEmail: `boss${i}@example.org` }))).status).toBe(201);
      const [del, patch] = await Promise.all([
        call(one, 'DELETE', `/api/v1/companies/${id}`),
        call(two, 'PATCH', `/api/v1/companies/${id}`, { contactEmail: `new${i}@example.org` }),
      ]);
      expect(del.status).toBe(200);
      expect([200, 404]).toContain(patch.status);
      expect((await call(one, 'GET', `/api/v1/companies/${id}`)).status).toBe(404);
      expect((await call(two, 'GET', `/api/v1/companies/${id}`)).status).toBe(404);
    }
  });
});
