// Real components for tests: a SQLite file in a temp folder, the shipped model, real HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRepository, type Repository } from '../src/db/index.js';
import { TransformersEmbedder, type Embedder } from '../src/embedding/index.js';
import { closeEngine, openEngine, type Engine } from '../src/use-cases/engine.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { snapshotDir } from '../src/use-cases/live-index.js';

export const MODELS_DIR = path.resolve(import.meta.dirname, '../models');
export { DEFAULT_MODEL } from '../src/config.js';
import { DEFAULT_MODEL } from '../src/config.js';

export function tempDir(prefix = 'nh-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const dbUrl = (dir: string) => `file:${path.join(dir, 'test.db')}`;

let sharedEmbedder: Promise<Embedder> | undefined;
/** One model load per test file; engines built on it must not dispose it. */
export function testEmbedder(): Promise<Embedder> {
  sharedEmbedder ??= TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: DEFAULT_MODEL });
  return sharedEmbedder;
}

export interface TestEngine {
  engine: Engine;
  dir: string;
  repo: Repository;
  close(): Promise<void>;
}

export async function createTestEngine(options: { dir?: string; data?: unknown } = {}): Promise<TestEngine> {
  const temp = options.dir ? undefined : tempDir();
  const dir = options.dir ?? temp!.dir;
  const repo = await openRepository(dbUrl(dir));
  const embedder = await testEmbedder();
  if (options.data) await importDataset(options.data, { repo, embedder });
  const engine = await openEngine({ repo, embedder: keepAlive(embedder), indexDir: snapshotDir(dir) });
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

/** The shared model outlives each engine in a test file. */
function keepAlive(embedder: Embedder): Embedder {
  return { get modelId() { return embedder.modelId; }, get dims() { return embedder.dims; }, embed: (t, r) => embedder.embed(t, r), dispose: async () => {} };
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
export async function startServiceProcess(env: NodeJS.ProcessEnv, readyWithinMs = 120_000): Promise<ServiceProcess> {
  const child = spawnTs(['src/main.ts'], { PORT: '0', LOG_LEVEL: 'info', ...env });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await waitFor(async () => /"url":"(http:\/\/localhost:\d+)"/.exec(output)?.[1], readyWithinMs);
  await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), readyWithinMs);
  return { child, base, output: () => output, exited };
}
