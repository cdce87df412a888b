// Imports a data set (clusters, companies, opportunities): validate everything first, embed what
// is new or changed, then write it all in one transaction. Invalid input changes nothing.
import type { Repository, StoredEmbedding } from '../db/index.js';
import { DatasetSchema, TO_ENTITY, type EntityByType, type EntityType } from '../domain/index.js';
import { invalid } from '../errors.js';
import type { Embedder } from '../embedding/index.js';
import { embeddingsToWrite } from './embed-entities.js';
import { clusterReferenceIssues, duplicateIdIssues } from './references.js';
import { parseOrThrow } from './validate.js';
import { BATCH_KEY } from './write-entities.js';

export type ImportPhase = 'validate' | 'embed' | 'write';

export interface ImportOptions {
  repo: Repository;
  embedder: Embedder;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

export interface ImportCounts {
  created: number;
  updated: number;
}

export interface ImportReport {
  clusters: ImportCounts;
  companies: ImportCounts;
  opportunities: ImportCounts;
  /** Vectors computed; unchanged texts keep their stored vectors. */
  embedded: number;
  ms: number;
}

const TYPES = ['cluster', 'company', 'opportunity'] as const;

export async function importDataset(input: unknown, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const { repo, embedder, onProgress } = options;
  onProgress?.('validate', 0, 1);
  const dataset = parseOrThrow(DatasetSchema, input, 'data set');
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
  if (issues.length) throw invalid('Invalid data set; nothing was imported.', issues);
  onProgress?.('validate', 1, 1);

  const embeddings: StoredEmbedding[] = [];
  const report: ImportReport = { clusters: { created: 0, updated: 0 }, companies: { created: 0, updated: 0 }, opportunities: { created: 0, updated: 0 }, embedded: 0, ms: 0 };
  for (const type of TYPES) {
    const list = entities[type];
    const existing = await repo.existingIds(type, list.map((e) => e.id));
    report[BATCH_KEY[type]] = { created: list.length - existing.size, updated: existing.size };
    // A loop, not push(...spread): 300k arguments overflow the call stack.
    for (const e of await embeddingsToWrite(repo, embedder, type, list, (done, total) => onProgress?.('embed', done, total))) embeddings.push(e);
  }
  report.embedded = embeddings.length;

  onProgress?.('write', 0, 1);
  await repo.write({ clusters: entities.cluster, companies: entities.company, opportunities: entities.opportunity, embeddings });
  onProgress?.('write', 1, 1);
  report.ms = Date.now() - started;
  return report;
}
