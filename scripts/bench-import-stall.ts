/**
 * `npm run bench:import-stall`: do imports stall reads? (issue 14, item 6). A service on SQLite
 * holds a base of synthetic companies; then
 *   1. a CLI import of 20,000 companies runs in another process (it holds SQLite's write lock
 *      until it commits) while the service also takes writes (a PATCH every 500 ms, which must
 *      wait for that lock), and the service's index catches up afterwards;
 *   2. the same number of companies is imported through POST /api/v1/import.
 * Meanwhile /healthz and GET /api/v1/companies/{id}/partners are asked one after the other
 * without pause; their latencies (p50/p99/max) and errors are printed per phase. Target: p99
 * under 250 ms and no errors.
 *
 *   npm run bench:import-stall -- [--companies 20000] [--base 5000] [--data-dir DIR]
 *
 * Everything shares the machine's cores (service, CLI import, this client), so figures are a floor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchId, syntheticDataset } from './lib/synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '20000' },
    base: { type: 'string', default: '5000' },
    'data-dir': { type: 'string' },
  },
});
const N = Number(values.companies.replace(/_/g, ''));
const BASE = Number(values.base.replace(/_/g, ''));
const DATA_DIR = values['data-dir'] ?? mkdtempSync(path.join(tmpdir(), 'nordichub-bench-stall-'));
const ADMIN = 'bench-stall-admin-key-0123456789';
const TARGET_P99_MS = 250;
const env = {
  ...process.env,
  DATA_DIR,
  DATABASE_URL: `file:${path.join(DATA_DIR, 'nordichub.db')}`,
  NORDICHUB_ADMIN_KEY: ADMIN,
  RATE_LIMIT_PER_IP: '1000000000',
  LOG_LEVEL: 'info',
};
const say = (s: string) => console.log(s);

function runTs(args: string[], log: string): ChildProcess {
  const out = openSync(path.join(DATA_DIR, log), 'a');
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', out, out] });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

/** Written before any measuring: serialising 20,000 companies would stall this client too. */
function writeDataset(dataset: unknown, name: string): string {
  const file = path.join(DATA_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(dataset));
  return file;
}

const cliImport = (file: string) => runTs(['src/cli/main.ts', 'import', file], 'cli-import.log');

async function startService(): Promise<{ base: string; child: ChildProcess }> {
  const child = runTs(['src/main.ts'], 'service.log');
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const url = /"url":"(http:\/\/localhost:\d+)"/.exec(readFileSync(path.join(DATA_DIR, 'service.log'), 'utf8'))?.[1];
    if (
      url &&
      (await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    )
      return { base: url, child };
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}); see ${DATA_DIR}/service.log`);
  }
}

interface Samples {
  ms: number[];
  errors: Map<string, number>;
}

const newSamples = (): Samples => ({ ms: [], errors: new Map() });

async function timed(samples: Samples, request: () => Promise<Response>): Promise<void> {
  const started = performance.now();
  try {
    const res = await request();
    await res.arrayBuffer();
    samples.ms.push(performance.now() - started);
    if (!res.ok) samples.errors.set(`HTTP ${res.status}`, (samples.errors.get(`HTTP ${res.status}`) ?? 0) + 1);
  } catch (err) {
    const code = String((err as { cause?: { code?: string } }).cause?.code ?? err);
    samples.errors.set(code, (samples.errors.get(code) ?? 0) + 1);
  }
}

/** Asks `path` back to back until `stop()` is true. */
async function sampleLoop(base: string, pathOf: (i: number) => string, samples: Samples, stop: () => boolean): Promise<void> {
  for (let i = 0; !stop(); i++) await timed(samples, () => fetch(base + pathOf(i)));
}

/** A staff write every 500 ms: on SQLite it waits for the CLI import's write lock. */
async function writeLoop(base: string, samples: Samples, stop: () => boolean): Promise<void> {
  for (let i = 0; !stop(); i++) {
    await timed(samples, () =>
      fetch(`${base}/api/v1/companies/fi-pack`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ notes: `Bench write ${i}.` }),
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function row(phase: string, what: string, s: Samples): string {
  const sorted = [...s.ms].sort((a, b) => a - b);
  const errors = [...s.errors].map(([k, n]) => `${k} x${n}`).join(', ') || '0';
  return `${phase.padEnd(34)} ${what.padEnd(9)} ${String(sorted.length).padStart(6)} ${pct(sorted, 50).toFixed(0).padStart(7)} ${pct(sorted, 99).toFixed(0).padStart(7)} ${(sorted.at(-1) ?? NaN).toFixed(0).padStart(7)}  ${errors}`;
}

/** Samples reads (and optionally writes) while `work` runs and until the index holds `expected` companies. */
async function measure(base: string, phase: string, expected: number, work: () => Promise<void>, withWrites: boolean): Promise<Samples[]> {
  const health = newSamples();
  const partners = newSamples();
  const writes = newSamples();
  let done = false;
  const stop = () => done;
  const loops = [
    sampleLoop(base, () => '/healthz', health, stop),
    sampleLoop(base, (i) => `/api/v1/companies/${i % 2 ? 'fi-pack' : benchId(i % BASE)}/partners?limit=10`, partners, stop),
    ...(withWrites ? [writeLoop(base, writes, stop)] : []),
  ];
  const started = Date.now();
  await work();
  // The service's index has caught up when /healthz counts every company.
  for (;;) {
    const h = (await fetch(`${base}/healthz`).then(
      (r) => r.json(),
      () => ({}),
    )) as { companies?: number };
    if (h.companies === expected) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  done = true;
  await Promise.all(loops);
  say(`  ${phase}: ${((Date.now() - started) / 1000).toFixed(1)} s until the index held all ${expected.toLocaleString('en-US')} companies`);
  return withWrites ? [health, partners, writes] : [health, partners];
}

mkdirSync(DATA_DIR, { recursive: true });
say(`Data in ${DATA_DIR}; base ${BASE.toLocaleString('en-US')} companies, imports of ${N.toLocaleString('en-US')}`);
const { smallSet } = await import('../tests/fixtures/small-set.js');
for (const [name, set] of [
  ['small', smallSet()],
  ['base', syntheticDataset(BASE, 1)],
] as const) {
  const code = await exited(cliImport(writeDataset(set, name)));
  if (code !== 0) throw new Error(`base import failed (${code}); see ${DATA_DIR}/cli-import.log`);
}
const cliFile = writeDataset(syntheticDataset(N, 2), 'cli');
const body = JSON.stringify(syntheticDataset(N, 3));
const service = await startService();
const total = 8 + Math.max(BASE, N);
try {
  const cli = await measure(
    service.base,
    `CLI import of ${N.toLocaleString('en-US')} (+ PATCH)`,
    total,
    async () => {
      const code = await exited(cliImport(cliFile));
      if (code !== 0) throw new Error(`CLI import failed (${code}); see ${DATA_DIR}/cli-import.log`);
    },
    true,
  );
  const api = await measure(
    service.base,
    `API import of ${N.toLocaleString('en-US')}`,
    total,
    async () => {
      const res = await fetch(`${service.base}/api/v1/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        body,
      });
      if (!res.ok) throw new Error(`API import answered ${res.status}: ${await res.text()}`);
    },
    false,
  );
  say(`\n${'phase'.padEnd(34)} ${'request'.padEnd(9)} ${'n'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}  errors`);
  const [ch, cp, cw] = cli;
  say(row(`CLI import of ${N.toLocaleString('en-US')}`, 'healthz', ch!));
  say(row('', 'partners', cp!));
  say(row('', 'PATCH', cw!));
  say(row(`API import of ${N.toLocaleString('en-US')}`, 'healthz', api[0]!));
  say(row('', 'partners', api[1]!));
  const reads = [ch!, cp!, api[0]!, api[1]!];
  const worst = Math.max(
    ...reads.map((s) =>
      pct(
        [...s.ms].sort((a, b) => a - b),
        99,
      ),
    ),
  );
  const errors = [...cli, ...api].reduce((n, s) => n + [...s.errors.values()].reduce((a, b) => a + b, 0), 0);
  say(`\nRead p99 worst ${worst.toFixed(0)} ms (target < ${TARGET_P99_MS} ms), errors ${errors}: ${worst < TARGET_P99_MS && errors === 0 ? 'PASS' : 'FAIL'}`);
  process.exitCode = worst < TARGET_P99_MS && errors === 0 ? 0 : 1;
} finally {
  service.child.kill('SIGTERM');
  await exited(service.child);
}
