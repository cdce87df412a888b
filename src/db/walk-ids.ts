// Walking a whole table in chunks, for work that must see every row without holding it all.
import type { EntityByType, EntityType } from '../domain/index.js';
import type { EntityStore } from './repository.js';

const DEFAULT_CHUNK = 2000;

/** Every id of `type`, ascending, `chunk` at a time. */
export async function* walkIds(repo: Pick<EntityStore, 'idsAfter'>, type: EntityType, chunk = DEFAULT_CHUNK): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const ids = await repo.idsAfter(type, after, chunk);
    if (ids.length === 0) return;
    yield ids;
    after = ids[ids.length - 1]!;
  }
}

/** Every entity of `type`, by id, read a chunk at a time (for tools such as eval; services page instead). */
export async function allEntities<T extends EntityType>(repo: Pick<EntityStore, 'idsAfter' | 'getMany'>, type: T): Promise<EntityByType[T][]> {
  const out: EntityByType[T][] = [];
  for await (const ids of walkIds(repo, type)) {
    const byId = new Map((await repo.getMany(type, ids)).map((e) => [e.id, e]));
    for (const id of ids) if (byId.has(id)) out.push(byId.get(id)!);
  }
  return out;
}
