// An engine for one command beside a running service: it loads the service's index snapshot
// (or rebuilds it in memory) and never writes one.
import type { Config } from '../config.js';
import { openRepository } from '../db/index.js';
import { TransformersEmbedder } from '../embedding/index.js';
import { closeEngine, type Engine } from '../engine/index.js';
import { snapshotDir } from '../index-lifecycle/index.js';
import { openEngine } from '../use-cases/open-engine.js';
import { phaseProgress } from './progress.js';

export async function withEngine<T>(config: Config, run: (engine: Engine) => Promise<T>): Promise<T> {
  const repo = await openRepository(config.databaseUrl);
  const embedder = await TransformersEmbedder.create({ modelsDir: config.modelsDir, model: config.model });
  const progress = phaseProgress();
  const engine = await openEngine({ repo, embedder, indexDir: snapshotDir(config.dataDir), onProgress: progress.update, persist: false }).finally(() =>
    progress.stop(),
  );
  try {
    return await run(engine);
  } finally {
    await closeEngine(engine);
  }
}
