// Create and change single entities (delete-entity.ts deletes). Every write embeds what changed, commits entity,
// vectors and change-log row in one transaction, then brings this process's index up to date.
// Writes are optimistic: each names the version it was computed from, and the transaction
// refuses it when the row has moved on (or gone) since; see `WriteGuard`.
import { WriteConflict, type EntityStore, type Versioned, type WriteBatch, type WriteGuard } from '../db/index.js';
import {
  ClusterPatchSchema,
  CompanyPatchSchema,
  ENTITY_SCHEMAS,
  mergePatch,
  OpportunityPatchSchema,
  TO_ENTITY,
  type Company,
  type EntityByType,
  type EntityType,
} from '../domain/index.js';
import type { Embedder } from '../embedding/index.js';
import { AppError, appError, ErrorCodes, notFound } from '../errors.js';
import type { ChangeLogFollower } from '../index-lifecycle/index.js';
import { clusterReferenceIssues, parseOrThrow } from '../validation/index.js';
import { embeddingsToWrite } from './embed-entities.js';
import { getVersionedEntity } from './get-entity.js';

/** What writing an entity needs: the entity store, the model, and the index to bring up to date. */
export interface EntityWriterDeps {
  readonly repo: EntityStore;
  readonly embedder: Embedder;
  readonly follower: Pick<ChangeLogFollower, 'catchUp'>;
}

const PATCH_SCHEMAS = { cluster: ClusterPatchSchema, company: CompanyPatchSchema, opportunity: OpportunityPatchSchema } as const;

/** Where each entity type goes in a `WriteBatch`. */
export const BATCH_KEY = { cluster: 'clusters', company: 'companies', opportunity: 'opportunities' } as const satisfies Record<EntityType, keyof WriteBatch>;

/** A PATCH without `If-Match` is merged again onto the newer row this many times before giving up. */
const MERGE_ATTEMPTS = 8;

/** Creates the entity from a request body; a conflict when the id is taken. */
export async function createEntity<T extends EntityType>(deps: EntityWriterDeps, type: T, body: unknown): Promise<Versioned<EntityByType[T]>> {
  const entity = validEntity(type, body);
  if ((await deps.repo.existingIds(type, [entity.id])).size > 0) throw taken(type, entity.id);
  await checkReferences(deps, type, entity);
  await persist(deps, type, entity, null);
  return { value: entity, version: 1 };
}

/**
 * Changes exactly the fields the body names (`null` clears an optional one). With `ifMatch`, only
 * if the entity is still at that version (else 412); without, the patch is merged onto whatever
 * is stored when the write commits, so concurrent patches of different fields all survive.
 */
export async function patchEntity<T extends EntityType>(
  deps: EntityWriterDeps,
  type: T,
  id: string,
  body: unknown,
  ifMatch?: number,
): Promise<Versioned<EntityByType[T]>> {
  const patch = parseOrThrow(PATCH_SCHEMAS[type], body, `${type} patch`) as object;
  for (let attempt = 1; ; attempt++) {
    const current = await getVersionedEntity(deps, type, id);
    if (ifMatch !== undefined && current.version !== ifMatch) throw stale(type, id, current.version);
    const entity = validEntity(type, mergePatch(current.value, patch));
    await checkReferences(deps, type, entity);
    try {
      await persist(deps, type, entity, current.version);
      return { value: entity, version: current.version + 1 };
    } catch (err) {
      const retry = err instanceof AppError && err.code === ErrorCodes.STALE && ifMatch === undefined;
      if (!retry) throw err;
      if (attempt === MERGE_ATTEMPTS) throw appError('KEPT_CHANGING', { kind: type, id });
    }
  }
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
async function checkReferences(deps: EntityWriterDeps, type: EntityType, entity: EntityByType[EntityType]): Promise<void> {
  if (type !== 'company') return;
  const issues = await clusterReferenceIssues(deps.repo, [entity as Company], new Set(), '');
  if (issues.length) throw appError('UNKNOWN_CLUSTERS', {}, issues);
}

/** Writes one entity computed from `version` (null: a new one), refused if the row moved on. */
async function persist<T extends EntityType>(deps: EntityWriterDeps, type: T, entity: EntityByType[T], version: number | null): Promise<void> {
  const embeddings = await embeddingsToWrite(deps.repo, deps.embedder, type, [entity]);
  const guard: WriteGuard = {
    expect: { entityType: type, id: entity.id, version },
    ...(type === 'company' ? { clustersExist: (entity as Company).clusterIds } : {}),
  };
  await writeGuarded(deps, type, entity.id, { [BATCH_KEY[type]]: [entity], embeddings }, guard);
  await deps.follower.catchUp();
}

/** The repository's write, with a refused guard told as the HTTP-facing error it means. */
export async function writeGuarded(
  deps: { readonly repo: Pick<EntityStore, 'write'> },
  type: EntityType,
  id: string,
  batch: WriteBatch,
  guard: WriteGuard | undefined,
): Promise<void> {
  try {
    await deps.repo.write(batch, guard);
  } catch (err) {
    if (!(err instanceof WriteConflict)) throw err;
    if (err.reason === 'missing') throw notFound(type, id);
    if (err.reason === 'exists') throw taken(type, id);
    if (err.reason === 'changed') throw stale(type, id, err.found as number);
    const gone = err.found as readonly string[];
    throw appError(
      'UNKNOWN_CLUSTERS',
      {},
      gone.map((c) => ({ path: 'clusterIds', message: `unknown cluster "${c}"` })),
    );
  }
}

const taken = (type: EntityType, id: string) => appError('ALREADY_EXISTS', { kind: type, id }, [{ path: 'id', message: 'already exists' }]);

/** The entity is no longer at the version the change was computed from (a 412). */
export const stale = (type: EntityType, id: string, version: number) =>
  appError('STALE_VERSION', { kind: type, id, version }, [{ path: 'If-Match', message: `stale: the current ETag is "${version}"` }]);
