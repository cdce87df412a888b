// The admin key: taken from the configuration, or generated once and kept only as a hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface AdminKey {
  hash: string;
  /** Set only when the key was generated now: show it to the operator once. */
  generated?: string;
}

export function ensureAdminKey(dataDir: string, configured: string | undefined): AdminKey {
  if (configured) return { hash: hashKey(configured) };
  const file = path.join(dataDir, 'admin-key.sha256');
  if (existsSync(file)) return { hash: readFileSync(file, 'utf8').trim() };
  const key = `nh_admin_${randomBytes(24).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, hashKey(key) + '\n', { mode: 0o600 });
  return { hash: hashKey(key), generated: key };
}

export function isAdminToken(token: string | undefined, adminHash: string): boolean {
  if (!token) return false;
  return timingSafeEqual(Buffer.from(hashKey(token), 'hex'), Buffer.from(adminHash, 'hex'));
}
