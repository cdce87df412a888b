// The vectors of a stored entity, from the index or, when another process wrote it a moment
// ago and the change log has not reached this one yet, from the database (the source of truth).
import type { EntityStore } from '../db/index.js';
import type { EntityType } from '../domain/index.js';
import { isZero, type Embedder } from '../embedding/index.js';
import type { IndexReader } from './index-store.js';

/** An entity's vectors by facet (profile, offers, needs); facets with no text are absent. */
export type FacetVectors = Partial<Record<string, Float32Array>>;

/** What `storedVectors` reads: the index first, the database's vectors of the current model second. */
export interface VectorSources {
  readonly index: IndexReader;
  readonly repo: Pick<EntityStore, 'embeddings'>;
  readonly embedder: Pick<Embedder, 'modelId'>;
}

/** The entity's vectors of the current model, by facet; empty when it has none. */
export async function storedVectors(sources: VectorSources, type: EntityType, id: string): Promise<FacetVectors> {
  const index = sources.index.of(type);
  if (index.attributes.has(id)) return defined(index.vectorsOf(id));
  const stored = await sources.repo.embeddings(type, [id]);
  return defined(Object.fromEntries(stored.filter((e) => e.modelId === sources.embedder.modelId).map((e) => [e.facet, e.vector])));
}

/** Facets with a vector; an empty text (zero vector) says nothing and is left out. */
export function defined(v: Record<string, Float32Array | undefined>): FacetVectors {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && !isZero(x)));
}
