// Real components for tests: a SQLite file in a temp folder, the shipped model, real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRepository, type Repository } from '../src/db/index.js';
import { sharedEmbedder, TransformersEmbedder, type Embedder } from '../src/embedding/index.js';
import { closeEngine, type Engine } from '../src/engine/index.js';
import { OutboxMailer, outboxDir } from '../src/mail/index.js';
import { openEngine } from '../src/use-cases/open-engine.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { snapshotDir } from '../src/index-lifecycle/index.js';

export const MODELS_DIR = path.resolve(import.meta.dirname, '../models');
export { DEFAULT_MODEL } from '../src/config.js';
import { DEFAULT_MODEL } from '../src/config.js';

export function tempDir(prefix = 'nh-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The database tests run against: SQLite files by default, PostgreSQL when NORDICHUB_TEST_PG
 * names a server (CI runs the whole suite both ways; scripts/ci/postgres.sh starts one).
 */
export const TEST_PG = process.env['NORDICHUB_TEST_PG'];
export const TEST_DB: 'sqlite' | 'postgres' = TEST_PG ? 'postgres' : 'sqlite';

const pgDatabases = new Map<string, Promise<string>>();

/** A fresh, empty database for a test folder (the same one for every call with that folder). */
export function databaseFor(dir: string): Promise<string> {
  if (!TEST_PG) return Promise.resolve(`file:${path.join(dir, 'test.db')}`);
  let url = pgDatabases.get(dir);
  if (!url) {
    url = createPgDatabase(TEST_PG);
    pgDatabases.set(dir, url);
  }
  return url;
}

async function createPgDatabase(base: string): Promise<string> {
  const name = `nh_${randomBytes(8).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every row of every table, in a stable order: for byte-for-byte comparisons of a database. */
export async function dumpDatabase(url: string): Promise<string> {
  const blobs = (_k: string, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v);
  if (!url.startsWith('file:')) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).rows.map(
        (r: { table_name: string }) => r.table_name,
      );
      const parts: string[] = [];
      for (const table of tables) parts.push(table, JSON.stringify((await client.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t ORDER BY 1`)).rows));
      return parts.join('\n');
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.slice('file:'.length), { readonly: true });
  try {
    const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
    // Full-text indexes (virtual tables and their shadow tables) are derived from the rows dumped.
    const virtual = all.filter((r) => r.sql.startsWith('CREATE VIRTUAL TABLE')).map((r) => r.name);
    const tables = all.map((r) => r.name).filter((n) => !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
    return tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all(), blobs)}`).join('\n');
  } finally {
    db.close();
  }
}

let loadedEmbedder: Promise<Embedder> | undefined;
/** One model load per test file; engines built on it must not dispose it. */
export function testEmbedder(): Promise<Embedder> {
  loadedEmbedder ??= TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: DEFAULT_MODEL });
  return loadedEmbedder;
}

export interface TestEngine {
  engine: Engine;
  dir: string;
  repo: Repository;
  close(): Promise<void>;
}

/** `outbox`: the engine mails into `<dir>/outbox` as .eml files, as a service without SMTP_URL does. */
export async function createTestEngine(options: { dir?: string; data?: unknown; outbox?: boolean } = {}): Promise<TestEngine> {
  const temp = options.dir ? undefined : tempDir();
  const dir = options.dir ?? temp!.dir;
  const repo = await openRepository(await databaseFor(dir));
  const embedder = await testEmbedder();
  if (options.data) await importDataset(options.data, { repo, embedder });
  const mailer = options.outbox ? new OutboxMailer(outboxDir(dir), 'NordicHub Test <test@nordichub.invalid>') : undefined;
  const engine = await openEngine({ repo, embedder: sharedEmbedder(embedder), indexDir: snapshotDir(dir), mailer });
  return {
    engine,
    dir,
    repo,
    async close() {
      await closeEngine(engine);
      temp?.cleanup();
    },
  };
}

/** The shared development set beside the clone (CI always has it). */
export const DEV_SET = process.env['NORDICHUB_DEV_SET'] ?? path.resolve(import.meta.dirname, '../../shared/data/dev-set.json');

export function devSetAvailable(check: string): boolean {
  const available = existsSync(DEV_SET);
  if (!available) console.warn(`${check}: ${DEV_SET} not found (CI always has it); set NORDICHUB_DEV_SET to run this check.`);
  return available;
}

/** Serves an express app on a free local port: real HTTP for API tests. */
export async function serve(app: { listen(port: number): Server }): Promise<{ base: string; close(): Promise<void> }> {
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, close: () => new Promise((r) => server.close(() => r())) };
}

export const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * Node with tsx as a loader, in one process: the `tsx` launcher runs the program in a child
 * process, so a SIGKILL sent to it would leave the real program running.
 */
const spawnTs = (args: string[], env: NodeJS.ProcessEnv) => spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env });

/** Runs a TypeScript entry point (e.g. `src/cli/main.ts import …`) as its own process. */
export function runTsx(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnTs(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ServiceProcess {
  child: ChildProcess;
  base: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
}

/** `npm start` as its own process on a free port; resolves once /healthz answers 200. */
/** Waits until the service has logged a line matching `pattern`: a line can reach the pipe after /healthz first answers. */
export async function waitForLog(s: ServiceProcess, pattern: RegExp, withinMs = 30_000): Promise<void> {
  await waitFor(async () => (pattern.test(s.output()) ? true : undefined), withinMs).catch(() => undefined);
}

export async function startServiceProcess(env: NodeJS.ProcessEnv, readyWithinMs = 120_000): Promise<ServiceProcess> {
  // One process unless a test asks for workers (tests/cli/workers.test.ts): the tests that use
  // this read one process's log and signal it directly.
  const child = spawnTs(['src/main.ts'], { PORT: '0', LOG_LEVEL: 'info', WORKERS: '1', ...env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await waitFor(async () => /"url":"(http:\/\/localhost:\d+)"/.exec(output)?.[1], readyWithinMs);
  await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), readyWithinMs);
  return { child, base, output: () => output, exited };
}
