// Before the index opens, every entity must have a vector from the current model for its current
// text (e.g. after MODEL changed); the index is then built from those vectors.
import type { Logger } from 'pino';
import { walkIds, type EntityStore } from '../db/index.js';
import { facetNames, type Embedder } from '../embedding/index.js';
import { embeddingsToWrite } from './embed-entities.js';

/** What re-embedding needs: the entity store, the current model, and optional logging and progress. */
export interface ReembedOptions {
  repo: Pick<EntityStore, 'count' | 'countEmbeddings' | 'idsAfter' | 'getMany' | 'embeddingKeys' | 'write'>;
  embedder: Embedder;
  logger?: Logger | undefined;
  onProgress?: ((phase: 'embed', done: number, total: number) => void) | undefined;
}

/**
 * Embeds and stores the vectors that are missing or stale, a chunk of entities per write.
 * Returns true when anything was written (a saved index snapshot is then out of date).
 */
export async function reembedStaleVectors(options: ReembedOptions): Promise<boolean> {
  const { repo, embedder, logger } = options;
  let changed = false;
  for (const type of ['company', 'cluster', 'opportunity'] as const) {
    const expected = (await repo.count(type)) * facetNames(type).length;
    if ((await repo.countEmbeddings(type, embedder.modelId)) === expected) continue;
    logger?.info({ type, model: embedder.modelId }, 'embeddings missing or from another model; re-embedding');
    for await (const ids of walkIds(repo, type)) {
      const entities = await repo.getMany(type, ids);
      const embeddings = await embeddingsToWrite(repo, embedder, type, entities, (done, total) => options.onProgress?.('embed', done, total));
      if (embeddings.length) {
        await repo.write({ embeddings });
        changed = true;
      }
    }
  }
  return changed;
}
