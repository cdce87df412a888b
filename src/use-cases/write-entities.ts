// Create, change and delete single entities. Every write embeds what changed, commits entity,
// vectors and change-log row in one transaction, then brings this process's index up to date.
import type { WriteBatch } from '../db/index.js';
import {
  ClusterPatchSchema, CompanyPatchSchema, ENTITY_SCHEMAS, OpportunityPatchSchema, TO_ENTITY,
  type Company, type EntityByType, type EntityType,
} from '../domain/index.js';
import { AppError, ErrorCodes, invalid, notFound } from '../errors.js';
import { embeddingsToWrite } from './embed-entities.js';
import type { Engine } from './engine.js';
import { eraseCompanyTraces } from './company-data.js';
import { clusterReferenceIssues } from './references.js';
import { parseOrThrow } from './validate.js';

const PATCH_SCHEMAS = { cluster: ClusterPatchSchema, company: CompanyPatchSchema, opportunity: OpportunityPatchSchema } as const;

export const BATCH_KEY = { cluster: 'clusters', company: 'companies', opportunity: 'opportunities' } as const satisfies Record<EntityType, keyof WriteBatch>;

export async function getEntity<T extends EntityType>(engine: Engine, type: T, id: string): Promise<EntityByType[T]> {
  const entity = await engine.repo.get(type, id);
  if (!entity) throw notFound(type, id);
  return entity;
}

export async function createEntity<T extends EntityType>(engine: Engine, type: T, body: unknown): Promise<EntityByType[T]> {
  const entity = validEntity(type, body);
  if ((await engine.repo.existingIds(type, [entity.id])).size > 0) {
    throw new AppError(ErrorCodes.CONFLICT, `A ${type} with id "${entity.id}" already exists; use PATCH to change it.`, [{ path: 'id', message: 'already exists' }]);
  }
  await checkReferences(engine, type, entity);
  await persist(engine, type, [entity]);
  return entity;
}

export async function patchEntity<T extends EntityType>(engine: Engine, type: T, id: string, body: unknown): Promise<EntityByType[T]> {
  const current = await getEntity(engine, type, id);
  const patch = parseOrThrow(PATCH_SCHEMAS[type], body, `${type} patch`) as object;
  const entity = validEntity(type, { ...current, ...patch });
  await checkReferences(engine, type, entity);
  await persist(engine, type, [entity]);
  return entity;
}

export async function deleteEntity(engine: Engine, type: EntityType, id: string): Promise<void> {
  await getEntity(engine, type, id);
  // Erasure reaches everywhere the company appears, not only its own row and vectors.
  if (type === 'company') await eraseCompanyTraces(engine, id);
  const batch: WriteBatch = { deletes: [{ entityType: type, id }] };
  if (type === 'cluster') {
    // Members stay; they just no longer name the deleted cluster.
    const members = await engine.repo.list('company', { limit: 1_000_000, offset: 0, cluster: id });
    batch.companies = members.items.map((c) => ({ ...c, clusterIds: c.clusterIds.filter((x) => x !== id) }));
  }
  await engine.repo.write(batch);
  await engine.index.catchUp();
}

function validEntity<T extends EntityType>(type: T, body: unknown): EntityByType[T] {
  const withoutNulls = stripNulls(body);
  return TO_ENTITY[type](parseOrThrow(ENTITY_SCHEMAS[type], withoutNulls, type) as never) as EntityByType[T];
}

// Stored entities carry explicit nulls; the input schemas accept null or absence alike, but
// defaults (e.g. `offers: ''`) apply only to absent fields.
function stripNulls(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

async function checkReferences(engine: Engine, type: EntityType, entity: EntityByType[EntityType]): Promise<void> {
  if (type !== 'company') return;
  const issues = await clusterReferenceIssues(engine.repo, [entity as Company], new Set(), '');
  if (issues.length) throw invalid('The company names clusters that do not exist.', issues);
}

async function persist<T extends EntityType>(engine: Engine, type: T, entities: EntityByType[T][]): Promise<void> {
  const embeddings = await embeddingsToWrite(engine.repo, engine.embedder, type, entities);
  await engine.repo.write({ [BATCH_KEY[type]]: entities, embeddings });
  await engine.index.catchUp();
}
