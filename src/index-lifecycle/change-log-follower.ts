// The indexes' lifecycle: open (load the company snapshot, or rebuild it from the database; fill
// the small opportunity and cluster indexes from the database), follow the database change log
// so writes from any process reach this one, and save.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Repository } from '../db/index.js';
import type { EntityByType, EntityType } from '../domain/index.js';
import { COMPANY_FACETS, facetNames, type Embedder } from '../embedding/index.js';
import { DEFAULT_HNSW, FacetIndex, loadSnapshot, saveSnapshot, type EntityAttributes, type HnswParams } from '../index/index.js';
import { embeddingsToWrite, type Progress } from './embed-entities.js';

export interface LiveIndexOptions {
  repo: Repository;
  embedder: Embedder;
  /** Folder for snapshots, e.g. `<DATA_DIR>/index`. */
  dir: string;
  hnsw?: HnswParams;
  logger?: Logger | undefined;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** False for short-lived readers (e.g. the digest command): never writes snapshots. */
  persist?: boolean;
}

const CHANGE_BATCH = 2000;
const SCAN_CHUNK = 2000;
// Catch-up after a 20k import used to hold the event loop for 12-25 s (HNSW inserts are
// synchronous): entities are read a few hundred at a time and inserted in slices of a few
// milliseconds, with a turn of the event loop in between, so requests keep being answered.
const REFRESH_CHUNK = 200;
const SLICE_MS = 8;

/** Lets pending I/O (HTTP requests, timers) run before the next slice of index work. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const ATTRIBUTES: { [T in EntityType]: (e: EntityByType[T]) => EntityAttributes } = {
  company: (c) => ({ country: c.country, sectors: c.sectors, partnerTypes: c.partnerTypes, clusterIds: c.clusterIds }),
  opportunity: (o) => ({ country: o.country, sectors: o.sectors, partnerTypes: [], kind: o.type, deadline: o.deadline }),
  cluster: (c) => ({ country: c.country, sectors: c.sectors, partnerTypes: [] }),
};

export function attributesOf<T extends EntityType>(type: T, entity: EntityByType[T]): EntityAttributes {
  return ATTRIBUTES[type](entity);
}

type Collections = Record<EntityType, FacetIndex>;

export class LiveIndex {
  private lastSeq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  private constructor(
    private readonly collections: Collections,
    private readonly options: LiveIndexOptions,
  ) {}

  /** Companies: an HNSW graph per facet, saved as snapshots. */
  get companies(): FacetIndex {
    return this.collections.company;
  }

  /** Opportunities and clusters are few: exact-scan indexes filled from the database at start. */
  get opportunities(): FacetIndex {
    return this.collections.opportunity;
  }

  get clusters(): FacetIndex {
    return this.collections.cluster;
  }

  /** Last change-log entry reflected in the index. */
  get seq(): number {
    return this.lastSeq;
  }

  static async open(options: LiveIndexOptions): Promise<LiveIndex> {
    const dims = options.embedder.dims;
    const live = new LiveIndex(
      {
        company: new FacetIndex(dims, COMPANY_FACETS, options.hnsw ?? DEFAULT_HNSW),
        opportunity: FacetIndex.exact(dims, facetNames('opportunity')),
        cluster: FacetIndex.exact(dims, facetNames('cluster')),
      },
      options,
    );
    const reembedded = await live.ensureEmbeddings();
    const loaded = reembedded ? false : await live.tryLoadSnapshot();
    if (!loaded) await live.rebuild();
    return live;
  }

  /** Applies every change-log entry written since the last one seen. Serialised with saves. */
  catchUp(): Promise<number> {
    return this.exclusive(() => this.catchUpUnlocked());
  }

  /** Rebuilds every index from the database and saves the company snapshot. */
  rebuild(): Promise<void> {
    return this.exclusive(async () => {
      const started = Date.now();
      const seq = await this.options.repo.latestChangeSeq();
      const fresh = new FacetIndex(this.options.embedder.dims, COMPANY_FACETS, this.companies.params);
      const total = await this.options.repo.count('company');
      let done = 0;
      for await (const ids of this.allIds('company')) {
        await this.refresh('company', ids, fresh);
        done += ids.length;
        this.options.onProgress?.('index', done, total);
      }
      const small = { opportunity: FacetIndex.exact(fresh.dims, facetNames('opportunity')), cluster: FacetIndex.exact(fresh.dims, facetNames('cluster')) };
      await this.fillSmall(small);
      Object.assign(this.collections, { company: fresh }, small);
      this.lastSeq = seq;
      this.dirty = true;
      this.options.logger?.info({ companies: fresh.size, ms: Date.now() - started }, 'index rebuilt from the database');
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
        if (this.dirty && Date.now() - lastSave > saveEveryMs) {
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

  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.catchUp();
    // The database is the source of truth: an index that cannot be saved is rebuilt next start.
    if (this.dirty) await this.exclusive(() => this.trySave());
  }

  private async fillSmall(target: Pick<Collections, 'opportunity' | 'cluster'>): Promise<void> {
    for (const type of ['opportunity', 'cluster'] as const) for await (const ids of this.allIds(type)) await this.refresh(type, ids, target[type]);
  }

  private async saveNow(): Promise<void> {
    if (this.options.persist === false) return;
    const started = Date.now();
    this.options.logger?.info({ companies: this.companies.size, seq: this.lastSeq }, 'saving index snapshot');
    const manifest = await saveSnapshot(this.options.dir, this.companies, { modelId: this.options.embedder.modelId, lastSeq: this.lastSeq });
    this.dirty = false;
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
    const { repo, embedder, logger } = this.options;
    try {
      const { index, manifest } = await loadSnapshot(this.options.dir, this.companies.params.efSearch);
      const latest = await repo.latestChangeSeq();
      const problem =
        manifest.modelId !== embedder.modelId ? `model changed (${manifest.modelId} -> ${embedder.modelId})`
        : manifest.dims !== embedder.dims ? 'dimension changed'
        : manifest.lastSeq > latest ? 'snapshot is ahead of the database'
        : undefined;
      if (problem) throw new Error(problem);
      this.collections.company = index;
      this.lastSeq = manifest.lastSeq;
      // Opportunities and clusters are not snapshotted: read them now; the catch-up below replays
      // whatever changed after the snapshot, them included.
      await this.fillSmall(this.collections);
      await this.catchUpUnlocked();
      const count = await repo.count('company');
      if (this.companies.size !== count) throw new Error(`index holds ${this.companies.size} companies, database ${count}`);
      logger?.info({ companies: count, seq: this.lastSeq }, 'index snapshot loaded');
      return true;
    } catch (err) {
      logger?.warn({ reason: (err as Error).message }, 'index snapshot unusable; rebuilding from the database');
      return false;
    }
  }

  private async catchUpUnlocked(): Promise<number> {
    let applied = 0;
    for (;;) {
      const changes = await this.options.repo.changesSince(this.lastSeq, CHANGE_BATCH);
      if (changes.length === 0) return applied;
      // Whatever the op, the database's current state is what the index must show.
      for (const type of ['company', 'opportunity', 'cluster'] as const) {
        await this.refresh(type, [...new Set(changes.filter((c) => c.entityType === type).map((c) => c.entityId))]);
      }
      this.lastSeq = changes[changes.length - 1]!.seq;
      applied += changes.length;
      this.dirty = true;
    }
  }

  /**
   * Re-reads the given entities from the database into `target`; missing ones are removed.
   * Works in small pieces that yield to the event loop (see REFRESH_CHUNK).
   */
  private async refresh(type: EntityType, ids: readonly string[], target: FacetIndex = this.collections[type]): Promise<void> {
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      await this.refreshChunk(type, ids.slice(i, i + REFRESH_CHUNK), target);
      await yieldToEventLoop();
    }
  }

  private async refreshChunk(type: EntityType, ids: readonly string[], target: FacetIndex): Promise<void> {
    const { repo, embedder } = this.options;
    const entities = await repo.getMany(type, ids);
    const vectors = new Map<string, Record<string, Float32Array>>();
    for (const e of await repo.embeddings(type, ids)) {
      if (e.modelId !== embedder.modelId) continue;
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

  /**
   * Makes sure every entity has a vector from the current model for its current text, e.g.
   * after MODEL changed. Returns true when anything was re-embedded.
   */
  private async ensureEmbeddings(): Promise<boolean> {
    const { repo, embedder, logger } = this.options;
    let changed = false;
    for (const type of ['company', 'cluster', 'opportunity'] as const) {
      const expected = (await repo.count(type)) * facetNames(type).length;
      if ((await repo.countEmbeddings(type, embedder.modelId)) === expected) continue;
      logger?.info({ type, model: embedder.modelId }, 'embeddings missing or from another model; re-embedding');
      for await (const ids of this.allIds(type)) {
        const entities = await repo.getMany(type, ids);
        const progress: Progress = (done, total) => this.options.onProgress?.('embed', done, total);
        const embeddings = await embeddingsToWrite(repo, embedder, type, entities, progress);
        if (embeddings.length) {
          await repo.write({ embeddings });
          changed = true;
        }
      }
    }
    return changed;
  }

  private async *allIds(type: EntityType): AsyncGenerator<string[]> {
    let after = '';
    for (;;) {
      const ids = await this.options.repo.idsAfter(type, after, SCAN_CHUNK);
      if (ids.length === 0) return;
      yield ids;
      after = ids[ids.length - 1]!;
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export const snapshotDir = (dataDir: string) => path.join(dataDir, 'index');
