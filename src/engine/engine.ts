// The engine's dependencies, composed once per process: the database, the model, the indexes kept
// in step with the database, and the lexical matcher. Use cases take the parts they need.
import type { Logger } from 'pino';
import type { Repository } from '../db/index.js';
import type { Embedder } from '../embedding/index.js';
import type { Mailer } from '../mail/index.js';
import { DEFAULT_HNSW, type HnswParams } from '../index/index.js';
import { ChangeLogFollower, IndexStore, type FollowerOptions, type IndexReader } from '../index-lifecycle/index.js';
import { LexicalMatcher } from '../matching/index.js';

/** Everything the use cases run on, composed once per process; each use case takes only the parts it needs. */
export interface Engine {
  readonly repo: Repository;
  readonly embedder: Embedder;
  /** Companies, opportunities and clusters, kept in step with the database by `follower`. */
  readonly index: IndexReader;
  /** Applies the change log to `index`; saves its snapshot. */
  readonly follower: ChangeLogFollower;
  /** The lexical signal of hybrid re-ranking (inactive for models without a concept table). */
  readonly lexical: LexicalMatcher;
  readonly logger?: Logger | undefined;
  /** Outgoing mail (SMTP or the outbox folder); undefined where nothing may send mail. */
  readonly mailer?: Mailer | undefined;
}

/** The engine's parts and index settings. */
export interface AssembleEngineOptions {
  repo: Repository;
  embedder: Embedder;
  /** Folder for index snapshots, e.g. `snapshotDir(DATA_DIR)`. */
  indexDir: string;
  logger?: Logger | undefined;
  hnsw?: HnswParams | undefined;
  onProgress?: FollowerOptions['onProgress'];
  /** False for short-lived readers (e.g. the digest command): never writes snapshots. */
  persist?: boolean | undefined;
  /** Build the index from the database even when a snapshot exists (its vectors are stale). */
  ignoreSnapshot?: boolean | undefined;
  mailer?: Mailer | undefined;
}

/** Opens the indexes (from the snapshot or the database) and composes the engine around them. */
export async function assembleEngine(options: AssembleEngineOptions): Promise<Engine> {
  const { repo, embedder, logger } = options;
  const store = IndexStore.create(embedder.dims, options.hnsw ?? DEFAULT_HNSW);
  const follower = new ChangeLogFollower(store, {
    repo,
    modelId: embedder.modelId,
    dir: options.indexDir,
    logger,
    onProgress: options.onProgress,
    persist: options.persist,
  });
  await follower.open(options.ignoreSnapshot === true);
  return { repo, embedder, index: store, follower, lexical: new LexicalMatcher(embedder.terms), logger, mailer: options.mailer };
}

/** Saves the index and releases the model and the database, in that order. */
export async function closeEngine(engine: Engine): Promise<void> {
  await engine.follower.close();
  await engine.embedder.dispose();
  await engine.repo.close();
  await engine.mailer?.close();
}
