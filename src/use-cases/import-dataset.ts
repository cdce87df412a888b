// Imports a data set (clusters, companies, opportunities): validate everything first, embed what
// is new or changed, then write it all in one transaction. Invalid input changes nothing.
import { z } from 'zod';
import type { EntityStore, WriteBatch } from '../db/index.js';
import { DatasetSchema, TO_ENTITY, type Dataset, type EntityByType, type EntityType } from '../domain/index.js';
import { appError } from '../errors.js';
import type { Embedder } from '../embedding/index.js';
import type { ChangeLogFollower } from '../index-lifecycle/index.js';
import { clusterReferenceIssues, duplicateIdIssues, parseOrThrow } from '../validation/index.js';
import { embeddingsToWrite, type StoredKeys } from './embed-entities.js';
import { BATCH_KEY } from './write-entities.js';

export const IMPORT_PHASES = ['validate', 'embed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** What an import needs: the entity store, the model, and an optional progress report. */
export interface ImportOptions {
  repo: EntityStore;
  embedder: Embedder;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

const ImportCountsSchema = z.object({ created: z.number().int(), updated: z.number().int() });
export type ImportCounts = z.output<typeof ImportCountsSchema>;

/** What an import did; the HTTP answer and the console's job view use this one shape. */
export const ImportReportSchema = z
  .object({
    clusters: ImportCountsSchema,
    companies: ImportCountsSchema,
    opportunities: ImportCountsSchema,
    embedded: z.number().int().meta({ description: 'Vectors computed; unchanged texts keep their stored vectors' }),
    ms: z.number(),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.output<typeof ImportReportSchema>;

const TYPES = ['cluster', 'company', 'opportunity'] as const;
// Entities embedded and written per step. Each step's embedding and SQL run on the request
// thread (better-sqlite3 is synchronous): 2,000 held the event loop ~300 ms per step; 500 keeps
// a running service's reads under their 250 ms p99 during an import (npm run bench:import-stall).
const CHUNK = 500;

/** Lets a running service answer requests between the import's synchronous steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Checks a data set (a 400 with every field path when invalid, writing nothing), then imports it all or nothing. */
export async function importDataset(input: unknown, options: ImportOptions): Promise<ImportReport> {
  options.onProgress?.('validate', 0, 1);
  return importCheckedDataset(parseOrThrow(DatasetSchema, input, 'data set'), options);
}

/** The same for a data set whose shape is already checked: cross-record checks, then the write. */
export async function importCheckedDataset(dataset: Dataset, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { repo, embedder, onProgress } = options;
  const entities = {
    cluster: dataset.clusters.map((c) => TO_ENTITY.cluster(c as never)),
    company: dataset.companies.map((c) => TO_ENTITY.company(c as never)),
    opportunity: dataset.opportunities.map((o) => TO_ENTITY.opportunity(o as never)),
  } satisfies { [K in EntityType]: EntityByType[K][] };
  const issues = [
    ...duplicateIdIssues(entities.cluster, 'clusters'),
    ...duplicateIdIssues(entities.company, 'companies'),
    ...duplicateIdIssues(entities.opportunity, 'opportunities'),
    ...(await clusterReferenceIssues(repo, entities.company, new Set(entities.cluster.map((c) => c.id)))),
  ];
  if (issues.length) throw appError('INVALID_DATASET', {}, issues);
  onProgress?.('validate', 1, 1);

  const report: ImportReport = {
    clusters: { created: 0, updated: 0 },
    companies: { created: 0, updated: 0 },
    opportunities: { created: 0, updated: 0 },
    embedded: 0,
    ms: 0,
  };
  const total = TYPES.reduce((n, type) => n + entities[type].length, 0);
  const stored = new Map<EntityType, StoredKeys>();
  for (const type of TYPES) {
    // Read once, up front (the transaction below then only writes), a chunk per event-loop turn.
    let existing = 0;
    const keys: StoredKeys = new Map();
    for (let i = 0; i < entities[type].length; i += CHUNK) {
      const ids = entities[type].slice(i, i + CHUNK).map((e) => e.id);
      existing += (await repo.existingIds(type, ids)).size;
      for (const [key, value] of await repo.embeddingKeys(type, ids)) keys.set(key, value);
      await yieldToEventLoop();
    }
    report[BATCH_KEY[type]] = { created: entities[type].length - existing, updated: existing };
    stored.set(type, keys);
  }

  // Embedding happens chunk by chunk inside the one transaction, so memory stays flat however
  // large the file; the transaction still commits everything or nothing.
  let done = 0;
  async function* batches(): AsyncGenerator<WriteBatch> {
    for (const type of TYPES) {
      for (let i = 0; i < entities[type].length; i += CHUNK) {
        const chunk = entities[type].slice(i, i + CHUNK);
        const embeddings = await embeddingsToWrite(repo, embedder, type, chunk, undefined, stored.get(type));
        report.embedded += embeddings.length;
        done += chunk.length;
        onProgress?.('embed', done, total);
        yield { [BATCH_KEY[type]]: chunk, embeddings };
        await yieldToEventLoop();
      }
    }
  }
  onProgress?.('embed', 0, total);
  await repo.writeAll(batches());
  report.ms = Date.now() - started;
  return report;
}

/** Imports, then brings this process's index up to date so the new records are matchable at once. */
export async function importAndIndex(
  deps: { repo: EntityStore; embedder: Embedder; follower: Pick<ChangeLogFollower, 'catchUp'> },
  dataset: Dataset,
): Promise<ImportReport> {
  const report = await importCheckedDataset(dataset, { repo: deps.repo, embedder: deps.embedder });
  await deps.follower.catchUp();
  return report;
}
