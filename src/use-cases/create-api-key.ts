// An API key is created with a secret shown once and stored only as its SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';
import type { AccessStore } from '../db/index.js';
import { ApiKeyInputSchema, type ApiKeyRecord } from '../domain/index.js';
import { parseOrThrow } from '../validation/index.js';

/** The SHA-256 hex digest of a key's secret: how every key (API keys and the admin key) is stored and looked up. */
export const hashKey = (secret: string) => createHash('sha256').update(secret).digest('hex');

// Site keys are public by nature (they sit in partner pages): `pk_`. Staff and admin keys are secrets: `sk_`.
const secretFor = (role: ApiKeyRecord['role']) => `${role === 'site' ? 'pk' : 'sk'}_${randomBytes(24).toString('base64url')}`;

/** Creates a key from a request body; the secret is in this answer only. */
export async function createApiKey(repo: Pick<AccessStore, 'createApiKey'>, body: unknown): Promise<{ key: ApiKeyRecord; secret: string }> {
  const input = parseOrThrow(ApiKeyInputSchema, body, 'API key');
  const secret = secretFor(input.role);
  const key: ApiKeyRecord = {
    id: `key_${randomBytes(6).toString('hex')}`,
    role: input.role,
    label: input.label,
    origins: input.role === 'site' ? [...new Set(input.origins.map((o) => o.toLowerCase()))] : [],
    prefix: secret.slice(0, 10),
    createdAt: new Date().toISOString(),
    revokedAt: null,
  };
  await repo.createApiKey(key, hashKey(secret));
  return { key, secret };
}
