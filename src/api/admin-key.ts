// The admin key: taken from the configuration, or generated once and kept only as a hash.
import { randomBytes } from 'node:crypto';
import { hashKey } from '../use-cases/create-api-key.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// One hash for every key: the admin key is stored and compared like the API keys.
export { hashKey } from '../use-cases/create-api-key.js';

/** A SHA-256 digest as hex: what the key file holds and what auth.ts's timingSafeEqual can compare. */
const SHA256_HEX = /^[0-9a-f]{64}$/i;

export const isKeyHash = (hash: string) => SHA256_HEX.test(hash);

export interface AdminKey {
  hash: string;
  /** Set only when the key was generated now: show it to the operator once. */
  generated?: string;
}

export function ensureAdminKey(dataDir: string, configured: string | undefined): AdminKey {
  if (configured) return { hash: hashKey(configured) };
  const file = path.join(dataDir, 'admin-key.sha256');
  if (existsSync(file)) return { hash: readKeyFile(file) };
  const key = `nh_admin_${randomBytes(24).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${hashKey(key)}\n`, { mode: 0o600 });
  return { hash: hashKey(key), generated: key };
}

// A damaged file must stop the start, not make every Bearer request fail later.
function readKeyFile(file: string): string {
  const hash = readFileSync(file, 'utf8').trim();
  if (!isKeyHash(hash)) {
    throw new Error(
      `${file} is damaged: it must hold one SHA-256 hash (64 hex digits), found ${hash.length} characters. ` +
        'Restore it, or delete it to have a new admin key generated, or set NORDICHUB_ADMIN_KEY.',
    );
  }
  return hash.toLowerCase();
}
