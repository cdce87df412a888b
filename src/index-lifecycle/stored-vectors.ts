// The vectors of a stored entity, from the index or, when another process wrote it a moment
// ago and the change log has not reached this one yet, from the database (the source of truth).
import type { EntityType } from '../domain/index.js';
import { isZero } from '../embedding/index.js';
import type { Engine } from './engine.js';

export type FacetVectors = Partial<Record<string, Float32Array>>;

export async function storedVectors(engine: Engine, type: EntityType, id: string): Promise<FacetVectors> {
  const index = indexOf(engine, type);
  if (index.attributes.has(id)) return defined(index.vectorsOf(id));
  const stored = await engine.repo.embeddings(type, [id]);
  return defined(Object.fromEntries(stored.filter((e) => e.modelId === engine.embedder.modelId).map((e) => [e.facet, e.vector])));
}

function indexOf(engine: Engine, type: EntityType) {
  return { company: engine.index.companies, opportunity: engine.index.opportunities, cluster: engine.index.clusters }[type];
}

/** Facets with a vector; an empty text (zero vector) says nothing and is left out. */
export function defined(v: Record<string, Float32Array | undefined>): FacetVectors {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && !isZero(x)));
}
