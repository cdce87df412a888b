// Admins revoke an API key; it stops working at once in this process (within seconds elsewhere).
import type { AccessStore } from '../db/index.js';
import { notFound } from '../errors.js';

/** Revokes the key at once; a not-found error when there is no such key. */
export async function revokeApiKey(repo: Pick<AccessStore, 'revokeApiKey'>, id: string): Promise<void> {
  if (!(await repo.revokeApiKey(id))) throw notFound('API key', id);
}
