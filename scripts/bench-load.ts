/**
 * `npm run bench:load`: HTTP load against a service holding synthetic companies (100,000 by
 * default): 80 % partner recommendations by id, 15 % free-text searches, 5 % writes (PATCH of a
 * profile, re-embedded and re-indexed). It first probes increasing concurrency for 10 s each and
 * keeps the highest throughput whose p99 stays under 100 ms with no errors, then runs 60 s there
 * and prints requests per second, p50/p90/p99 and errors. It does so for each WORKERS count of
 * `--workers` (default: 1 and the number of cores), one after the other in one run, and prints
 * them side by side with the resident memory of each worker.
 *
 *   npm run bench:load -- [--companies 100000] [--duration 60] [--workers 1,2] [--data-dir DIR]
 *
 * The service runs as its own process with the default configuration, except the per-IP rate
 * limit, raised because every request here comes from one IP. The load generator (autocannon)
 * shares the machine's two cores with it, so the figures are a floor.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openRepository } from '../src/db/index.js';
import { TransformersEmbedder } from '../src/embedding/index.js';
import { DEFAULT_MODEL } from '../src/config.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { benchId, prng, randInt, syntheticDataset, syntheticSearch } from './lib/synthetic.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    companies: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '60' },
    'probe-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '2,4,8,16,32' },
    'data-dir': { type: 'string' },
    workers: { type: 'string', default: `1,${availableParallelism()}` },
  },
});
const N = Number(values.companies.replace(/_/g, ''));
const DATA_DIR = values['data-dir'] ?? path.join(tmpdir(), `nordichub-bench-load-${N}`);
const ADMIN = 'bench-load-admin-key-0123456789';
const P99_LIMIT_MS = 100;

const say = (s: string) => console.log(s);

async function ensureData(): Promise<void> {
  const marker = path.join(DATA_DIR, `imported-${N}`);
  if (existsSync(marker)) return say(`Reusing ${N.toLocaleString('en-US')} synthetic companies in ${DATA_DIR}`);
  mkdirSync(DATA_DIR, { recursive: true });
  say(`Importing ${N.toLocaleString('en-US')} synthetic companies into ${DATA_DIR} (once; later runs reuse it) …`);
  const started = Date.now();
  const repo = await openRepository(`file:${path.join(DATA_DIR, 'nordichub.db')}`);
  const embedder = await TransformersEmbedder.create({ modelsDir: path.join(ROOT, 'models'), model: DEFAULT_MODEL });
  await importDataset(syntheticDataset(N), { repo, embedder });
  await embedder.dispose();
  await repo.close();
  (await import('node:fs')).writeFileSync(marker, new Date().toISOString());
  say(`  imported in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * CPU time (ms) the service has used so far: the process and its workers, from /proc (Linux).
 * Per request it is a figure a busy machine distorts far less than requests per second.
 */
function serviceCpuMs(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while the table was read.
    }
  }
  let ticks = stats.get(rootPid)?.ticks ?? 0;
  for (const [, s] of stats) if (s.ppid === rootPid) ticks += s.ticks;
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface Service {
  base: string;
  /** CPU ms used by the service's processes so far. */
  cpuMs(): number;
  /** Resident memory of each worker (MB), from its ready log line. */
  rssMb: number[];
  stop(): Promise<void>;
}

async function startService(workers: number): Promise<Service> {
  const log = openSync(path.join(DATA_DIR, 'service.log'), 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR, PORT: '0', NORDICHUB_ADMIN_KEY: ADMIN, RATE_LIMIT_PER_IP: '1000000000', LOG_LEVEL: 'info', WORKERS: String(workers) },
    stdio: ['ignore', log, log],
  });
  const started = Date.now();
  const logFile = path.join(DATA_DIR, 'service.log');
  const offset = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const text = readFileSync(logFile, 'utf8').slice(offset);
    const url = [...text.matchAll(/"url":"(http:\/\/localhost:\d+)"/g)].at(-1)?.[1];
    // With workers, every worker must be ready, not only the first; the ready line carries the memory.
    const allReady = text.includes(workers === 1 ? '"msg":"ready"' : 'all workers ready');
    if (
      url &&
      allReady &&
      (await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      const readyMsg = workers === 1 ? '"msg":"ready"' : '"msg":"worker ready"';
      const rssMb = text
        .split('\n')
        .filter((l) => l.includes(readyMsg))
        .map((l) => Number(/"rssMb":(\d+)/.exec(l)?.[1]));
      say(
        `Service with ${workers} worker(s) ready in ${((Date.now() - started) / 1000).toFixed(0)} s at ${url} (log: ${logFile}); RSS per worker ${rssMb.join(', ')} MB`,
      );
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return {
        base: url,
        cpuMs: () => serviceCpuMs(child.pid!),
        rssMb,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}); see ${logFile}`);
  }
}

/** One request of the mix, drawn afresh for every request. */
function mixedRequest(rng: () => number): autocannon.Request {
  const roll = rng();
  const id = benchId(randInt(rng, 0, N - 1));
  if (roll < 0.8) return { method: 'GET', path: `/api/v1/companies/${id}/partners?limit=10` };
  if (roll < 0.95) {
    const search = syntheticSearch(rng);
    return { method: 'POST', path: '/api/v1/partners/search', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...search, limit: 10 }) };
  }
  return {
    method: 'PATCH',
    path: `/api/v1/companies/${id}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ needs: `Partners for export growth, round ${Math.floor(rng() * 1e6)}, in logistics and distribution.` }),
  };
}

interface Run {
  connections: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(base: string, connections: number, seconds: number): Promise<Run> {
  const rng = prng(connections * 7919 + seconds);
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...mixedRequest(rng) }) }],
  });
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

const row = (r: Run) =>
  `${String(r.connections).padStart(11)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(0).padStart(8)} ${r.p90.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.requests).padStart(9)}`;
const HEADER = `${'connections'.padStart(11)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'requests'.padStart(9)}`;

/** Probes concurrency, then runs `--duration` seconds at the best level that keeps p99 under the limit. */
async function measure(service: Service): Promise<Run & { cpuMsPerRequest: number }> {
  const base = service.base;
  await load(base, 2, 5); // warm-up
  say(`\nProbing concurrency, ${values['probe-seconds']} s each (mix: 80 % recommendations by id, 15 % free-text search, 5 % writes):`);
  say(HEADER);
  const probes: Run[] = [];
  for (const c of values.connections.split(',').map(Number)) {
    const r = await load(base, c, Number(values['probe-seconds']));
    probes.push(r);
    say(row(r));
    if (r.p99 >= P99_LIMIT_MS) break;
  }
  const sustainable = probes.filter((r) => r.p99 < P99_LIMIT_MS && r.errors === 0).sort((a, b) => b.rps - a.rps)[0] ?? probes[0]!;
  say(`\n${values.duration} s at ${sustainable.connections} connections (the highest throughput with p99 under ${P99_LIMIT_MS} ms and no errors):`);
  say(HEADER);
  const cpuBefore = service.cpuMs();
  const main = await load(base, sustainable.connections, Number(values.duration));
  const cpuMsPerRequest = (service.cpuMs() - cpuBefore) / main.requests;
  say(`${row(main)}   service CPU ${cpuMsPerRequest.toFixed(1)} ms per request`);
  return { ...main, cpuMsPerRequest };
}

const load1 = () => loadavg()[0]!.toFixed(1);
await ensureData();
const results: { workers: number; run: Run & { cpuMsPerRequest: number }; rssMb: number[]; loadBefore: string; loadAfter: string }[] = [];
for (const workers of values.workers.split(',').map(Number)) {
  say(`\n=== WORKERS=${workers} ===`);
  const service = await startService(workers);
  try {
    const loadBefore = load1();
    const run = await measure(service);
    results.push({ workers, run, rssMb: service.rssMb, loadBefore, loadAfter: load1() });
  } finally {
    await service.stop();
  }
}
say(`\nSide by side (p99 limit ${P99_LIMIT_MS} ms; load average before/after each run, 2-core machine shared with other work):`);
say(`${'workers'.padStart(7)} ${HEADER} ${'CPU ms/req'.padStart(10)} ${'RSS/worker MB'.padStart(14)} ${'load avg'.padStart(10)}`);
for (const r of results) {
  const cpu = r.run.cpuMsPerRequest.toFixed(1).padStart(10);
  say(`${String(r.workers).padStart(7)} ${row(r.run)} ${cpu} ${r.rssMb.join('+').padStart(14)} ${`${r.loadBefore}/${r.loadAfter}`.padStart(10)}`);
}
const base1 = results[0]!;
for (const r of results.slice(1))
  say(`=> ${r.workers} workers: ${(r.run.rps / base1.run.rps).toFixed(2)}x the requests/s of ${base1.workers}; p99 ${r.run.p99} ms, errors ${r.run.errors}`);
