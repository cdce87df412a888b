// WORKERS=2: two server processes on one port (node:cluster), each with its own index following
// the change log. Both serve; a write through one is found by a search through the other; only
// worker 1 saves snapshots; SIGTERM stops both cleanly.
import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { danishBoxMaker, smallSet } from '../fixtures/small-set.js';
import { databaseFor, runTsx, startServiceProcess, tempDir, waitFor, waitForLog, type ServiceProcess } from '../helpers.js';

const ADMIN = 'workers-test-admin-key-0123456789';
const PER_IP = 6;
const t = tempDir();
let service: ServiceProcess;

interface Answer {
  status: number;
  body: string;
  /** The worker that answered, read from its request log line. */
  worker: number;
}

let probes = 0;
/**
 * One request on a connection of its own: the primary deals new connections to the workers in
 * turn, so successive requests reach both. The request id finds the log line of the worker that served it.
 */
async function send(method: string, p: string, body?: unknown, asAdmin = true): Promise<Answer> {
  const id = `probe-${++probes}`;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${service.base}${p}`, {
      method,
      agent: false,
      // The admin key is exempt from rate limits; anonymous requests count against the per-IP limit.
      headers: { 'x-request-id': id, 'content-type': 'application/json', ...(asAdmin ? { authorization: `Bearer ${ADMIN}` } : {}) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
  const worker = await waitFor(
    async () => logLines().find((l) => (l['req'] as { id?: string } | undefined)?.id === id)?.['worker'] as number | undefined,
    5_000,
  );
  return { status, body: text, worker };
}

const logLines = () =>
  service
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const partnerIds = (a: Answer) => (JSON.parse(a.body) as { results: { company: { id: string } }[] }).results.map((r) => r.company.id);

beforeAll(async () => {
  const databaseUrl = await databaseFor(t.dir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: t.dir,
    DATABASE_URL: databaseUrl,
    NORDICHUB_ADMIN_KEY: ADMIN,
    WORKERS: '2',
    RATE_LIMIT_PER_IP: String(PER_IP),
    SYNC_INTERVAL_MS: '200',
  };
  const file = path.join(t.dir, 'set.json');
  writeFileSync(file, JSON.stringify(smallSet()));
  expect((await runTsx(['src/cli/main.ts', 'import', file], env)).code).toBe(0);
  service = await startServiceProcess(env);
  await waitForLog(service, /all workers ready/, 120_000);
}, 180_000);
afterAll(() => {
  service?.child.kill('SIGKILL');
  t.cleanup();
});

describe('WORKERS=2', () => {
  it('starts two workers and reports the memory of each', () => {
    const ready = logLines().filter((l) => l['msg'] === 'worker ready');
    expect(ready.map((l) => l['worker']).sort()).toEqual([1, 2]);
    for (const l of ready) expect(l['rssMb']).toBeGreaterThan(0);
    const all = logLines().find((l) => l['msg'] === 'all workers ready');
    expect(all?.['workers']).toHaveLength(2);
  });

  it('serves from both workers on one port', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await send('GET', '/api/v1/companies/fi-pack/partners?limit=5'));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set([1, 2]));
    // Two indexes built from the same data answer the same.
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('finds a company written through one worker in a search served by the other', async () => {
    const created = await send('POST', '/api/v1/companies', danishBoxMaker);
    expect(created.status).toBe(201);
    const other = created.worker === 1 ? 2 : 1;
    await waitFor(async () => {
      const a = await send('GET', '/api/v1/companies/fi-pack/partners?limit=20');
      return a.worker === other && partnerIds(a).includes('dk-boxes') ? true : undefined;
    }, 10_000);
  }, 30_000);

  it('allows one IP the configured rate across both workers together, not per worker', async () => {
    const answers = [];
    for (let i = 0; i < PER_IP + 4; i++) answers.push(await send('GET', '/api/v1/companies/fi-pack/partners?limit=5', undefined, false));
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set([1, 2]));
    // Each worker allows its share (3 of 6): with no split each would allow 6, and all 10 would pass.
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(PER_IP);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(4);
  });

  it('stops both on SIGTERM; worker 1 alone saved the snapshot, with every company', async () => {
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    const savers = new Set(
      logLines()
        .filter((l) => l['msg'] === 'index snapshot saved')
        .map((l) => l['worker']),
    );
    expect(savers).toEqual(new Set([1]));
    expect(logLines().some((l) => l['msg'] === 'all workers stopped')).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(t.dir, 'index', 'current.json'), 'utf8')) as { count: number };
    expect(manifest.count).toBe(8 + 1);
  }, 60_000);
});
