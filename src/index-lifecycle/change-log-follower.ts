// Keeps an IndexStore in step with the database: opens it from the snapshot (or rebuilds it),
// follows the change log so writes from any process reach this one, and saves the snapshot now
// and then. Index work is serialised: a catch-up never interleaves with a rebuild or a save.
import type { Logger } from 'pino';
import { walkIds, type EntityStore } from '../db/index.js';
import type { EntityType } from '../domain/index.js';
import type { FacetIndex } from '../index/index.js';
import { attributesOf, IndexStore, type Collections } from './index-store.js';

/** What the follower reads from the database. */
export type IndexSource = Pick<EntityStore, 'changesSince' | 'latestChangeSeq' | 'count' | 'getMany' | 'embeddings' | 'idsAfter'>;

/** Where the follower reads from and saves to. */
export interface FollowerOptions {
  repo: IndexSource;
  /** Vectors of other models are ignored (they are re-embedded before the index opens). */
  modelId: string;
  /** Folder for snapshots, e.g. `<DATA_DIR>/index`. */
  dir: string;
  logger?: Logger | undefined;
  onProgress?: ((phase: string, done: number, total: number) => void) | undefined;
  /** False for short-lived readers (e.g. the digest command): never writes snapshots. */
  persist?: boolean | undefined;
}

const CHANGE_BATCH = 2000;
// Catch-up after a 20k import used to hold the event loop for 12-25 s (HNSW inserts are
// synchronous): entities are read a few hundred at a time and inserted in slices of a few
// milliseconds, with a turn of the event loop in between, so requests keep being answered.
const REFRESH_CHUNK = 200;
const SLICE_MS = 8;

/** Lets pending I/O (HTTP requests, timers) run before the next slice of index work. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Keeps one IndexStore in step with the database's change log, and its snapshot saved. */
export class ChangeLogFollower {
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly store: IndexStore,
    private readonly options: FollowerOptions,
  ) {}

  /**
   * Fills the store from its snapshot plus the change log since, or, when the snapshot is
   * missing, unusable or `fromDatabase` is set (vectors were just re-embedded), from the database.
   */
  async open(fromDatabase = false): Promise<void> {
    const loaded = fromDatabase ? false : await this.exclusive(() => this.tryLoadSnapshot());
    if (!loaded) await this.rebuild();
  }

  /** Applies every change-log entry written since the last one seen; answers how many. */
  catchUp(): Promise<number> {
    return this.exclusive(() => this.catchUpUnlocked());
  }

  /** Rebuilds every collection from the database and saves the company snapshot. */
  rebuild(): Promise<void> {
    return this.exclusive(async () => {
      const started = Date.now();
      const { repo, logger } = this.options;
      const seq = await repo.latestChangeSeq();
      const fresh = IndexStore.emptyCollections(this.store.companies.dims, this.store.companies.params);
      const total = await repo.count('company');
      let done = 0;
      for await (const ids of walkIds(repo, 'company')) {
        await this.refresh('company', ids, fresh.company);
        done += ids.length;
        this.options.onProgress?.('index', done, total);
      }
      await this.fillSmall(fresh);
      this.store.replaceAll(fresh, seq);
      logger?.info({ companies: fresh.company.size, ms: Date.now() - started }, 'index rebuilt from the database');
      await this.trySave();
    });
  }

  /** Saves the company snapshot; throws when it could not be written (the old one stays). */
  save(): Promise<void> {
    return this.exclusive(() => this.saveNow());
  }

  /**
   * Polls the change log every `intervalMs`; saves the snapshot now and then when it changed.
   * A failed save (a full disk) is retried at the next save interval, not at every poll.
   */
  follow(intervalMs: number, saveEveryMs = 300_000): void {
    let lastSave = Date.now();
    const tick = async () => {
      try {
        await this.catchUp();
        if (this.store.dirty && Date.now() - lastSave > saveEveryMs) {
          lastSave = Date.now();
          await this.exclusive(() => this.trySave());
        }
      } catch (err) {
        this.options.logger?.error({ err }, 'change-log sync failed; retrying');
      }
      if (this.timer) this.timer = setTimeout(tick, intervalMs).unref();
    };
    this.timer = setTimeout(tick, intervalMs).unref();
  }

  /** Stops following, applies what is left of the change log and saves when anything changed. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.catchUp();
    // The database is the source of truth: an index that cannot be saved is rebuilt next start.
    if (this.store.dirty) await this.exclusive(() => this.trySave());
  }

  private async fillSmall(target: Pick<Collections, 'opportunity' | 'cluster'>): Promise<void> {
    for (const type of ['opportunity', 'cluster'] as const)
      for await (const ids of walkIds(this.options.repo, type)) await this.refresh(type, ids, target[type]);
  }

  private async saveNow(): Promise<void> {
    if (this.options.persist === false) return;
    const started = Date.now();
    this.options.logger?.info({ companies: this.store.companies.size, seq: this.store.seq }, 'saving index snapshot');
    const manifest = await this.store.saveSnapshot(this.options.dir, this.options.modelId);
    this.options.logger?.info({ generation: manifest.generation, ms: Date.now() - started }, 'index snapshot saved');
  }

  /**
   * Saves, or logs why not and keeps serving from memory: the database is intact and the index
   * stays dirty, so the next save interval tries again. Never throws.
   */
  private async trySave(): Promise<void> {
    try {
      await this.saveNow();
    } catch (err) {
      this.options.logger?.warn({ err, dir: this.options.dir }, 'index snapshot could not be saved; serving from memory, retrying at the next save interval');
    }
  }

  private async tryLoadSnapshot(): Promise<boolean> {
    const { repo, logger, modelId } = this.options;
    try {
      await this.store.loadSnapshot(this.options.dir, { modelId, dims: this.store.companies.dims, latestSeq: await repo.latestChangeSeq() });
      // Opportunities and clusters are not snapshotted: read them now; the catch-up below replays
      // whatever changed after the snapshot, them included.
      await this.fillSmall({ opportunity: this.store.opportunities, cluster: this.store.clusters });
      await this.catchUpUnlocked();
      const count = await repo.count('company');
      if (this.store.companies.size !== count) throw new Error(`index holds ${this.store.companies.size} companies, database ${count}`);
      logger?.info({ companies: count, seq: this.store.seq }, 'index snapshot loaded');
      return true;
    } catch (err) {
      logger?.warn({ reason: (err as Error).message }, 'index snapshot unusable; rebuilding from the database');
      return false;
    }
  }

  private async catchUpUnlocked(): Promise<number> {
    let applied = 0;
    for (;;) {
      const changes = await this.options.repo.changesSince(this.store.seq, CHANGE_BATCH);
      if (changes.length === 0) return applied;
      // Whatever the op, the database's current state is what the index must show.
      for (const type of ['company', 'opportunity', 'cluster'] as const) {
        await this.refresh(type, [...new Set(changes.filter((c) => c.entityType === type).map((c) => c.entityId))]);
      }
      this.store.advanceTo(changes[changes.length - 1]!.seq);
      applied += changes.length;
    }
  }

  /**
   * Re-reads the given entities from the database into `target`; missing ones are removed.
   * Works in small pieces that yield to the event loop (see REFRESH_CHUNK).
   */
  private async refresh(type: EntityType, ids: readonly string[], target: FacetIndex = this.store.of(type)): Promise<void> {
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      await this.refreshChunk(type, ids.slice(i, i + REFRESH_CHUNK), target);
      await yieldToEventLoop();
    }
  }

  private async refreshChunk(type: EntityType, ids: readonly string[], target: FacetIndex): Promise<void> {
    const { repo, modelId } = this.options;
    const entities = await repo.getMany(type, ids);
    const vectors = new Map<string, Record<string, Float32Array>>();
    for (const e of await repo.embeddings(type, ids)) {
      if (e.modelId !== modelId) continue;
      const forId = vectors.get(e.entityId) ?? {};
      forId[e.facet] = e.vector;
      vectors.set(e.entityId, forId);
    }
    const found = new Set<string>();
    let sliceStart = performance.now();
    for (const e of entities) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      found.add(e.id);
      target.upsert(e.id, attributesOf(type, e), vectors.get(e.id) ?? {});
    }
    for (const id of ids) if (!found.has(id)) target.remove(id);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
