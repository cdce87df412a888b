// Real components for tests: a SQLite file in a temp folder, the shipped model, real HTTP.
import { spawn } from 'node:child_process';
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
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Runs a TypeScript entry point (e.g. `src/cli/main.ts import …`) as its own process. */
export function runTsx(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
