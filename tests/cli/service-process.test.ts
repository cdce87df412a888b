// The real processes: `npm start` serving an empty database, the import CLI writing while the
// service runs, and a graceful SIGTERM that saves the index.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { company, smallSet } from '../fixtures/small-set.js';
import { databaseFor, runTsx, startServiceProcess, tempDir, waitFor } from '../helpers.js';

const t = tempDir();
let base = '';
// Port 0: the service picks a free port and logs its URL.
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dir, PORT: '0', NORDICHUB_ADMIN_KEY: undefined, LOG_LEVEL: 'info', SYNC_INTERVAL_MS: '200' };
let service: ChildProcess;
let output: () => string;

const run = (args: string[]) => runTsx(args, env);

beforeAll(async () => {
  env['DATABASE_URL'] = await databaseFor(t.dir);
  const started = await startServiceProcess(env);
  service = started.child;
  base = started.base;
  output = started.output;
}, 120_000);
afterAll(() => {
  service.kill('SIGKILL');
  t.cleanup();
});

describe('the service process', () => {
  it('starts on an empty database without seeding anything and prints a generated admin key once', async () => {
    const health = (await (await fetch(`${base}/healthz`)).json()) as { companies: number };
    expect(health.companies).toBe(0);
    expect(output()).toMatch(/Admin API key \(shown only now, keep it\): nh_admin_\S+/);
    expect(readFileSync(path.join(t.dir, 'admin-key.sha256'), 'utf8')).not.toContain('nh_admin_');
  });

  it('sees an import made by the CLI within seconds, without a restart', async () => {
    const file = path.join(t.dir, 'set.json');
    writeFileSync(file, JSON.stringify(smallSet()));
    const imported = await run(['src/cli/main.ts', 'import', file]);
    expect(imported.stdout).toContain('companies: 8 new, 0 updated');
    expect(imported.code).toBe(0);
    const started = Date.now();
    // The database has the rows at once; the service's index follows the change log.
    await waitFor(async () => (((await (await fetch(`${base}/healthz`)).json()) as { companies: number }).companies === 8 ? true : undefined), 5_000);
    const partners = (await (await fetch(`${base}/api/v1/companies/fi-pack/partners?limit=3`)).json()) as { results: { company: { id: string } }[] };
    expect(partners.results[0]!.company.id).toBe('se-dist');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the import CLI reports validation errors with paths and exits non-zero', async () => {
    const file = path.join(t.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ companies: [company({ id: 'zz', country: 'ZZ' as never })] }));
    const r = await run(['src/cli/main.ts', 'import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('companies[0].country');
  });

  it('saves the index on SIGTERM and exits cleanly', async () => {
    service.kill('SIGTERM');
    const code = await new Promise((r) => service.once('exit', r));
    expect(code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(t.dir, 'index', 'current.json'), 'utf8'));
    expect(manifest.count).toBe(8);
  });
});
