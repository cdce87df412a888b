// The engine's dependencies, composed once per process and passed to every use-case.
import type { Logger } from 'pino';
import type { Repository } from '../db/index.js';
import type { Embedder } from '../embedding/index.js';
import { Explainer } from '../matching/index.js';
import { LiveIndex, type LiveIndexOptions } from './live-index.js';

export interface Engine {
  readonly repo: Repository;
  readonly embedder: Embedder;
  readonly companies: LiveIndex;
  readonly explainer: Explainer;
  readonly logger?: Logger | undefined;
}

export interface OpenEngineOptions {
  repo: Repository;
  embedder: Embedder;
  indexDir: string;
  logger?: Logger | undefined;
  hnsw?: LiveIndexOptions['hnsw'];
  onProgress?: LiveIndexOptions['onProgress'];
}

export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const companies = await LiveIndex.open({
    repo: options.repo,
    embedder: options.embedder,
    dir: options.indexDir,
    hnsw: options.hnsw,
    logger: options.logger,
    onProgress: options.onProgress,
  });
  return { repo: options.repo, embedder: options.embedder, companies, explainer: new Explainer(options.embedder), logger: options.logger };
}

/** Saves the index and releases the model and the database, in that order. */
export async function closeEngine(engine: Engine): Promise<void> {
  await engine.companies.close();
  await engine.embedder.dispose();
  await engine.repo.close();
}
