// Create, change and delete single entities. Every write embeds what changed, commits entity,
// vectors and change-log row in one transaction, then brings this process's index up to date.
// Writes are optimistic: each names the version it was computed from, and the transaction
// refuses it when the row has moved on (or gone) since; see `WriteGuard`.
import { WriteConflict, type Versioned, type WriteBatch, type WriteGuard } from '../db/index.js';
import {
  ClusterPatchSchema, CompanyPatchSchema, ENTITY_SCHEMAS, mergePatch, OpportunityPatchSchema, TO_ENTITY,
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

/** A PATCH without `If-Match` is merged again onto the newer row this many times before giving up. */
const MERGE_ATTEMPTS = 8;

export async function getEntity<T extends EntityType>(engine: Engine, type: T, id: string): Promise<EntityByType[T]> {
  return (await getVersionedEntity(engine, type, id)).value;
}

export async function getVersionedEntity<T extends EntityType>(engine: Engine, type: T, id: string): Promise<Versioned<EntityByType[T]>> {
  const found = await engine.repo.getVersioned(type, id);
  if (!found) throw notFound(type, id);
  return found;
}

export async function createEntity<T extends EntityType>(engine: Engine, type: T, body: unknown): Promise<Versioned<EntityByType[T]>> {
  const entity = validEntity(type, body);
  if ((await engine.repo.existingIds(type, [entity.id])).size > 0) throw taken(type, entity.id);
  await checkReferences(engine, type, entity);
  await persist(engine, type, entity, null);
  return { value: entity, version: 1 };
}

/**
 * Changes exactly the fields the body names (`null` clears an optional one). With `ifMatch`, only
 * if the entity is still at that version (else 412); without, the patch is merged onto whatever
 * is stored when the write commits, so concurrent patches of different fields all survive.
 */
export async function patchEntity<T extends EntityType>(engine: Engine, type: T, id: string, body: unknown, ifMatch?: number): Promise<Versioned<EntityByType[T]>> {
  const patch = parseOrThrow(PATCH_SCHEMAS[type], body, `${type} patch`) as object;
  for (let attempt = 1; ; attempt++) {
    const current = await getVersionedEntity(engine, type, id);
    if (ifMatch !== undefined && current.version !== ifMatch) throw stale(type, id, current.version);
    const entity = validEntity(type, mergePatch(current.value, patch));
    await checkReferences(engine, type, entity);
    try {
      await persist(engine, type, entity, current.version);
      return { value: entity, version: current.version + 1 };
    } catch (err) {
      const retry = err instanceof AppError && err.code === ErrorCodes.STALE && ifMatch === undefined;
      if (!retry) throw err;
      if (attempt === MERGE_ATTEMPTS) throw new AppError(ErrorCodes.CONFLICT, `The ${type} "${id}" kept changing while this change was applied; send it again.`);
    }
  }
}

/** With `ifMatch`, deletes only if the entity is still at that version (else 412). */
export async function deleteEntity(engine: Engine, type: EntityType, id: string, ifMatch?: number): Promise<void> {
  const current = await getVersionedEntity(engine, type, id);
  if (ifMatch !== undefined && current.version !== ifMatch) throw stale(type, id, current.version);
  // Erasure reaches everywhere the company appears, not only its own row and vectors.
  if (type === 'company') await eraseCompanyTraces(engine, id);
  // A cluster's members are detached from it inside the delete's transaction (see WriteBatch).
  const guard: WriteGuard | undefined = ifMatch === undefined ? undefined : { expect: { entityType: type, id, version: ifMatch } };
  await write(engine, type, id, { deletes: [{ entityType: type, id }] }, guard);
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

/** A friendly early answer; the write's guard checks the clusters again where it counts. */
async function checkReferences(engine: Engine, type: EntityType, entity: EntityByType[EntityType]): Promise<void> {
  if (type !== 'company') return;
  const issues = await clusterReferenceIssues(engine.repo, [entity as Company], new Set(), '');
  if (issues.length) throw invalid('The company names clusters that do not exist.', issues);
}

/** Writes one entity computed from `version` (null: a new one), refused if the row moved on. */
async function persist<T extends EntityType>(engine: Engine, type: T, entity: EntityByType[T], version: number | null): Promise<void> {
  const embeddings = await embeddingsToWrite(engine.repo, engine.embedder, type, [entity]);
  const guard: WriteGuard = {
    expect: { entityType: type, id: entity.id, version },
    ...(type === 'company' ? { clustersExist: (entity as Company).clusterIds } : {}),
  };
  await write(engine, type, entity.id, { [BATCH_KEY[type]]: [entity], embeddings }, guard);
  await engine.index.catchUp();
}

/** The repository's write, with a refused guard told as the HTTP-facing error it means. */
async function write(engine: Engine, type: EntityType, id: string, batch: WriteBatch, guard: WriteGuard | undefined): Promise<void> {
  try {
    await engine.repo.write(batch, guard);
  } catch (err) {
    if (!(err instanceof WriteConflict)) throw err;
    if (err.reason === 'missing') throw notFound(type, id);
    if (err.reason === 'exists') throw taken(type, id);
    if (err.reason === 'changed') throw stale(type, id, err.found as number);
    const gone = err.found as readonly string[];
    throw invalid('The company names clusters that do not exist.', gone.map((c) => ({ path: 'clusterIds', message: `unknown cluster "${c}"` })));
  }
}

const taken = (type: EntityType, id: string) =>
  new AppError(ErrorCodes.CONFLICT, `A ${type} with id "${id}" already exists; use PATCH to change it.`, [{ path: 'id', message: 'already exists' }]);

const stale = (type: EntityType, id: string, version: number) =>
  new AppError(ErrorCodes.STALE, `The ${type} "${id}" was changed meanwhile (it is now at version ${version}); load it again and redo the change.`, [{ path: 'If-Match', message: `stale: the current ETag is "${version}"` }]);
