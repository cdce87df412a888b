// The engine's dependencies, composed once per process and passed to every use-case.
import type { Logger } from 'pino';
import type { Repository } from '../db/index.js';
import type { Embedder } from '../embedding/index.js';
import type { Mailer } from '../mail/index.js';
import { LexicalMatcher } from '../matching/index.js';
import { LiveIndex, type LiveIndexOptions } from './live-index.js';

export interface Engine {
  readonly repo: Repository;
  readonly embedder: Embedder;
  /** Companies, opportunities and clusters, kept in step with the database. */
  readonly index: LiveIndex;
  /** The lexical signal of hybrid re-ranking (inactive for models without a concept table). */
  readonly lexical: LexicalMatcher;
  readonly logger?: Logger | undefined;
  /** Outgoing mail (SMTP or the outbox folder); undefined where nothing may send mail. */
  readonly mailer?: Mailer | undefined;
}

export interface OpenEngineOptions {
  repo: Repository;
  embedder: Embedder;
  indexDir: string;
  logger?: Logger | undefined;
  hnsw?: LiveIndexOptions['hnsw'];
  onProgress?: LiveIndexOptions['onProgress'];
  persist?: LiveIndexOptions['persist'];
  mailer?: Mailer | undefined;
}

export async function openEngine(options: OpenEngineOptions): Promise<Engine> {
  const index = await LiveIndex.open({
    repo: options.repo,
    embedder: options.embedder,
    dir: options.indexDir,
    hnsw: options.hnsw,
    logger: options.logger,
    onProgress: options.onProgress,
    persist: options.persist,
  });
  return { repo: options.repo, embedder: options.embedder, index, lexical: new LexicalMatcher(options.embedder.terms), logger: options.logger, mailer: options.mailer };
}

/** Saves the index and releases the model and the database, in that order. */
export async function closeEngine(engine: Engine): Promise<void> {
  await engine.index.close();
  await engine.embedder.dispose();
  await engine.repo.close();
  await engine.mailer?.close();
}
