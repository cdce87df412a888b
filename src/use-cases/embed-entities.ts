// Decides which facets need (re-)embedding and embeds only those: a vector is reused while
// its model id and the hash of its text are unchanged.
import type { EntityStore, StoredEmbedding } from '../db/index.js';
import type { EntityByType, EntityType } from '../domain/index.js';
import { facetTexts, textHash, type Embedder } from '../embedding/index.js';

/** Reports embedding progress: texts embedded so far of those that need it. */
export type Progress = (done: number, total: number) => void;
/** `entityId/facet` -> the model and text hash of the vector stored for it. */
export type StoredKeys = Map<string, { modelId: string; textHash: string }>;

const BATCH = 1024;

/**
 * The vectors the entities need written: one per facet whose stored vector is missing, from
 * another model, or of another text. Writes nothing.
 */
export async function embeddingsToWrite<T extends EntityType>(
  repo: Pick<EntityStore, 'embeddingKeys'>,
  embedder: Embedder,
  type: T,
  entities: readonly EntityByType[T][],
  onProgress?: Progress,
  /** What the database holds already, when the caller has read it (e.g. before a transaction). */
  known?: StoredKeys,
): Promise<StoredEmbedding[]> {
  const stored =
    known ??
    (await repo.embeddingKeys(
      type,
      entities.map((e) => e.id),
    ));
  const pending: Omit<StoredEmbedding, 'vector'>[] = [];
  const texts: string[] = [];
  for (const entity of entities) {
    for (const [facet, text] of Object.entries(facetTexts(type, entity))) {
      const hash = textHash(text);
      const current = stored.get(`${entity.id}/${facet}`);
      if (current?.modelId === embedder.modelId && current.textHash === hash) continue;
      pending.push({ entityType: type, entityId: entity.id, facet, modelId: embedder.modelId, textHash: hash });
      texts.push(text);
    }
  }
  const out: StoredEmbedding[] = [];
  onProgress?.(0, texts.length);
  for (let i = 0; i < texts.length; i += BATCH) {
    const vectors = await embedder.embed(texts.slice(i, i + BATCH), 'passage');
    for (const [k, vector] of vectors.entries()) out.push({ ...pending[i + k]!, vector });
    onProgress?.(Math.min(i + BATCH, texts.length), texts.length);
  }
  return out;
}
