// Real components for tests: a SQLite file in a temp folder, the shipped model, real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
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
