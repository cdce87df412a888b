// `npm run keys -- create|list|revoke`: API keys from the command line (no model or index needed).
import type { Config } from '../config.js';
import { openRepository, type Repository } from '../db/index.js';
import { createApiKey } from '../use-cases/create-api-key.js';
import { listApiKeys } from '../use-cases/list-api-keys.js';
import { revokeApiKey } from '../use-cases/revoke-api-key.js';
import { plainTable } from './table.js';

async function withRepo<T>(config: Config, run: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = await openRepository(config.databaseUrl);
  try {
    return await run(repo);
  } finally {
    await repo.close();
  }
}

export function createKey(config: Config, o: { site?: string; origins?: string; role?: string; label?: string }): Promise<string> {
  const role = o.role ?? (o.site ? 'site' : 'staff');
  const origins = (o.origins ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return withRepo(config, async (repo) => {
    const { key, secret } = await createApiKey(repo, { role, label: o.site ?? o.label ?? '', origins });
    const where = key.role === 'site' ? ` for ${key.origins.join(', ')}` : '';
    return `Created ${key.role} key ${key.id} (${key.label})${where}.\nSecret (shown only now, keep it): ${secret}`;
  });
}

export function describeKeys(config: Config): Promise<string> {
  return withRepo(config, async (repo) => {
    const table = plainTable({ head: ['Id', 'Role', 'Label', 'Origins', 'Starts with', 'Created', 'Revoked'] });
    for (const k of await listApiKeys(repo))
      table.push([k.id, k.role, k.label, k.origins.join('\n'), `${k.prefix}…`, k.createdAt.slice(0, 10), k.revokedAt?.slice(0, 10) ?? '']);
    return table.toString();
  });
}

export function revokeKey(config: Config, id: string): Promise<string> {
  return withRepo(config, async (repo) => {
    await revokeApiKey(repo, id);
    return `Revoked ${id}.`;
  });
}
