// Admins list the API keys.
import type { AccessStore } from '../db/index.js';
import type { ApiKeyRecord } from '../domain/index.js';

/** Every key, revoked ones included (never their secrets: only hashes are stored). */
export async function listApiKeys(repo: Pick<AccessStore, 'listApiKeys'>): Promise<ApiKeyRecord[]> {
  return repo.listApiKeys();
}
