// Crashes lose nothing: SIGKILL in the middle of a large import and in the middle of an index
// save, then a restart; and SIGTERM, which drains in-flight requests and saves the index.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openRepository } from '../../src/db/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../scripts/lib/synthetic.js';
import { smallSet } from '../fixtures/small-set.js';
import { databaseFor, runTsx, startServiceProcess, tempDir, waitFor, type ServiceProcess } from '../helpers.js';
import { leftoversAfterAll } from './leftovers.js';

const ADMIN = 'crash-test-admin-key-0123456789';
const { running, cleanups } = leftoversAfterAll();

async function dataDirWith(...sets: unknown[]): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const env = {
    ...process.env,
    DATA_DIR: t.dir,
    DATABASE_URL: await databaseFor(t.dir),
    NORDICHUB_ADMIN_KEY: ADMIN,
    SYNC_INTERVAL_MS: '100',
    LOG_LEVEL: 'info',
  };
  for (const [i, set] of sets.entries()) {
    const file = path.join(t.dir, `set-${i}.json`);
    writeFileSync(file, JSON.stringify(set));
    const r = await runTsx(['src/cli/main.ts', 'import', file], env);
    expect(r.code, r.stderr).toBe(0);
  }
  return { dir: t.dir, env };
}

async function start(env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
  const s = await startServiceProcess(env);
  running.push(s);
  return s;
}

const json = async <T>(url: string, init?: RequestInit) => (await fetch(url, init)).json() as Promise<T>;
interface Health {
  companies: number;
  indexSeq: number;
}

/** The database and the service's index agree, and recommendations work. */
async function expectConsistent(s: ServiceProcess, companies: number) {
  expect((await json<{ total: number }>(`${s.base}/api/v1/companies?limit=1`)).total).toBe(companies);
  expect((await json<Health>(`${s.base}/healthz`)).companies).toBe(companies);
  const partners = await json<{ results: { company: { id: string } }[] }>(`${s.base}/api/v1/companies/fi-pack/partners?limit=3`);
  expect(partners.results[0]?.company.id).toBe('se-dist');
}

const kill = async (s: ServiceProcess) => {
  s.child.kill('SIGKILL');
  return s.exited;
};

describe('SIGKILL in the middle of a large import', () => {
  it('leaves the whole import or none of it, and an index consistent with the database', async () => {
    const { env } = await dataDirWith(smallSet());
    const s = await start(env);
    const big = JSON.stringify(syntheticDataset(20_000, 5));
    const answer = fetch(`${s.base}/api/v1/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: big,
    }).then(
      (r) => r.status,
      () => 'no answer',
    );
    // The import of 20,000 profiles takes well over ten seconds here; this is in the middle of it.
    await new Promise((r) => setTimeout(r, 2_000));
    await kill(s);
    expect(await answer).toBe('no answer');

    const again = await start(env);
    await expectConsistent(again, 8);
    await kill(again);
  }, 120_000);
});

describe('SIGKILL in the middle of an index save', () => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  beforeAll(async () => {
    ({ env, dir } = await dataDirWith(smallSet(), syntheticDataset(6_000, 9)));
    env = { ...env, SNAPSHOT_INTERVAL_MS: '200' };
  }, 120_000);

  const indexDir = () => path.join(dir, 'index');
  const pointer = () =>
    existsSync(path.join(indexDir(), 'current.json'))
      ? (JSON.parse(readFileSync(path.join(indexDir(), 'current.json'), 'utf8')) as { generation: string; lastSeq: number })
      : undefined;
  const orphans = () => readdirSync(indexDir()).filter((f) => f.startsWith('gen-') && f !== pointer()?.generation);
  const savesIn = (s: ServiceProcess) => s.output().split('saving index snapshot').length - 1;

  it('restarts from the last whole snapshot (or rebuilds), catches up and stays consistent', async () => {
    let caughtMidSave = 0;
    for (let attempt = 0; attempt < 5 && caughtMidSave < 2; attempt++) {
      const s = await start(env);
      await expectConsistent(s, 6_008);
      // A write makes the index dirty; the next periodic save is killed as soon as it starts.
      const before = savesIn(s);
      const patch = await fetch(`${s.base}/api/v1/companies/bench-co-000001`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ description: `Changed in attempt ${attempt}.` }),
      });
      expect(patch.status).toBe(200);
      await waitFor(async () => (savesIn(s) > before ? true : undefined), 20_000).catch((err: unknown) => {
        throw new Error(`${String(err)}; service output:\n${s.output().slice(-3000)}`);
      });
      await kill(s);
      if (orphans().length > 0) caughtMidSave++;

      const restarted = await start(env);
      await expectConsistent(restarted, 6_008);
      const changed = await json<{ description: string }>(`${restarted.base}/api/v1/companies/bench-co-000001`);
      expect(changed.description).toBe(`Changed in attempt ${attempt}.`);
      // The index reflects the database's last change, whether from the snapshot or the change log.
      const repo = await openRepository(env['DATABASE_URL']!);
      const latest = await repo.latestChangeSeq();
      await repo.close();
      expect((await json<Health>(`${restarted.base}/healthz`)).indexSeq).toBe(latest);
      await kill(restarted);
    }
    expect(caughtMidSave, 'a kill that landed inside a save').toBeGreaterThan(0);
  }, 300_000);
});

describe('SIGTERM', () => {
  it('lets an in-flight import finish, saves the index, and exits 0', async () => {
    const { env, dir } = await dataDirWith(smallSet());
    const s = await start(env);
    const set = syntheticDataset(1_500, 3);
    const answer = fetch(`${s.base}/api/v1/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(set),
    }).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 300));
    s.child.kill('SIGTERM');
    expect(await answer).toBe(200);
    expect(await s.exited).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'index', 'current.json'), 'utf8'));
    expect(manifest.count).toBe(1_508);
  }, 120_000);
});
