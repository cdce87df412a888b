// Walks the whole route table: every route refuses a missing key (unless public), an unknown key
// and a key of a lower role; and nothing a site key can reach ever shows private company data.
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/index.js';
import { ROLE_RANK, type Role } from '../../src/api/http.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { exportSet } from '../fixtures/export-set.js';
import { addSampleEvent, request, servedApp } from './client.js';

const ADMIN = 'test-admin-key-routes-0123456789';
const ORIGIN = 'https://partner.example';
const app = servedApp(exportSet, ADMIN, { rateLimits: { perIpPerMinute: 100_000, perKeyPerMinute: 100_000 } });
const keys: Partial<Record<Role, string>> = {};

// Every private value of the fixture, and the field names themselves.
const PRIVATE = [/contactEmail/, /contactPhone/, /"notes"/, /@example\.(org|is)/, /\+358 40 000 0001/, /Met at a fair/];

beforeAll(async () => {
  keys.site = (await createApiKey(app.t.repo, { role: 'site', label: 'partner', origins: [ORIGIN] })).secret;
  keys.staff = (await createApiKey(app.t.repo, { role: 'staff', label: 'staff' })).secret;
  keys.admin = (await createApiKey(app.t.repo, { role: 'admin', label: 'admin' })).secret;
  await addSampleEvent(app.t.engine, ['fi-pack', 'se-dist']);
});

const SAMPLE_IDS: Record<string, string> = {
  '/api/v1/clusters': 'cl-fi-pack',
  '/api/v1/companies': 'fi-pack',
  '/api/v1/opportunities': 'op-se-boxes',
  '/api/v1/events': 'ev-1',
  '/api/v1/keys': 'key_000000000000',
  '/api/v1/introductions': 'intro_00000000-0000-0000-0000-000000000000',
};

function concretePath(path: string): string {
  const base = Object.keys(SAMPLE_IDS).find((p) => path.startsWith(`${p}/`) || path === p) ?? '';
  return path.replace('{id}', SAMPLE_IDS[base] ?? 'x').replace('{companyId}', 'fi-pack');
}

const call = (method: string, path: string, key?: string, body?: unknown) => request(app.base, method, path, { key, body, origin: ORIGIN });

const lowerRoles = (role: Role) => (['site', 'staff'] as const).filter((r) => ROLE_RANK[r] < ROLE_RANK[role]);

describe('every route in the route table', () => {
  it.each(ROUTES.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s refuses what its role does not admit', async (_name, r) => {
    const path = concretePath(r.path);
    const body = r.method === 'get' || r.method === 'delete' ? undefined : {};
    if (r.role !== 'public') {
      const none = await call(r.method, path, undefined, body);
      expect(none.status, 'missing key').toBe(401);
      expect(none.type).toContain('application/problem+json');
    }
    expect((await call(r.method, path, 'sk_wrong-key-0000', body)).status, 'unknown key').toBe(401);
    for (const role of lowerRoles(r.role)) {
      const lower = await call(r.method, path, keys[role], body);
      expect(lower.status, `${role} key`).toBe(403);
    }
  });
});

// Bodies for the routes a site key reaches (public and site); a new such route must add one here.
const SITE_BODIES: Record<string, unknown> = {
  'POST /api/v1/partners/search': { text: 'cardboard packaging boxes and a distributor', country: 'FI' },
  'POST /api/v1/opportunities/search': { text: 'cardboard packaging boxes', country: 'FI' },
  'POST /api/v1/introductions': { companyId: 'fi-pack', name: 'Visitor', email: 'visitor@partner.test', message: 'Please introduce us.', consent: true },
};

describe('private data', () => {
  const reachable = ROUTES.filter((r) => ROLE_RANK[r.role] <= ROLE_RANK.site);

  it('has a sample request for every route a site key reaches', () => {
    const needBody = reachable.filter((r) => r.method === 'post').map((r) => `POST ${r.path}`);
    expect(needBody.filter((k) => !(k in SITE_BODIES))).toEqual([]);
  });

  it.each(reachable.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    '%s never shows contact details or notes to a site key',
    async (name, r) => {
      const res = await call(r.method, concretePath(r.path), keys.site, SITE_BODIES[name]);
      expect(res.status, res.text).toBeLessThan(400);
      for (const pattern of PRIVATE) expect(res.text).not.toMatch(pattern);
    },
  );

  it('does show them to staff, where they belong', async () => {
    const res = await call('get', '/api/v1/companies/fi-pack', keys.staff);
    expect(res.text).toContain('anna.virtanen@example.org');
  });
});
