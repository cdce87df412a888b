// Console sign-in over real HTTP: a staff key exchanged for a session cookie (HttpOnly,
// SameSite=Strict, Secure over HTTPS, bounded), that every request of the browser carries, that
// changes only from the service's own origin, and that ends at sign-out, at expiry and when its
// key is revoked. Bearer keys work as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { exportSet } from '../fixtures/export-set.js';
import { createTestEngine, serve, type TestEngine } from '../helpers.js';
import { request, type CallOptions } from './client.js';

const ADMIN = 'test-admin-key-session-0123456789';
let t: TestEngine;
let server: Awaited<ReturnType<typeof serve>>;
let proxied: Awaited<ReturnType<typeof serve>>;
let shortLived: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  const deps = { engine: () => t.engine, adminKeyHash: hashKey(ADMIN) };
  server = await serve(buildApp(deps));
  proxied = await serve(buildApp({ ...deps, trustProxyHops: 1 }));
  shortLived = await serve(buildApp({ ...deps, sessionSeconds: 1 }));
});
afterAll(async () => {
  await server.close();
  await proxied.close();
  await shortLived.close();
  await t.close();
});

/** A call as the console page makes it: the cookie, and its own origin on changes. */
const fromConsole = (method: string, path: string, cookie: string, o: CallOptions & { base?: string } = {}) => {
  const base = o.base ?? server.base;
  return request(base, method, path, { ...o, headers: { cookie, ...(method === 'GET' ? {} : { origin: base }), ...o.headers } });
};

async function signIn(key: string, base = server.base) {
  const answer = await request(base, 'POST', '/api/v1/session', { key });
  expect(answer.status).toBe(201);
  const setCookie = answer.headers.get('set-cookie') ?? '';
  return { answer, setCookie, cookie: setCookie.split(';')[0]! };
}

const staffKey = async (label = 'Staff member') => createApiKey(t.repo, { role: 'staff', label });

describe('signing in to the console', () => {
  it('exchanges a staff key for an HttpOnly, SameSite=Strict cookie that expires, and answers who signed in', async () => {
    const { key, secret } = await staffKey();
    const { answer, setCookie } = await signIn(secret);
    const session = answer.body as { role: string; keyId: string; expiresAt: string };
    expect(session).toMatchObject({ role: 'staff', keyId: key.id });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(setCookie).toMatch(/^nordichub_session=cs_[\w-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie, 'plain HTTP without a proxy: not Secure').not.toContain('Secure');
  });

  it('makes the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const { secret } = await staffKey();
    const answer = await request(proxied.base, 'POST', '/api/v1/session', { key: secret, headers: { 'x-forwarded-proto': 'https' } });
    expect(answer.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('ignores a client claiming HTTPS when no proxy is trusted', async () => {
    const { secret } = await staffKey();
    const answer = await request(server.base, 'POST', '/api/v1/session', { key: secret, headers: { 'x-forwarded-proto': 'https' } });
    expect(answer.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('stores only a hash of the cookie secret', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const cookieSecret = cookie.split('=')[1]!;
    expect(await t.repo.findSession(hashKey(cookieSecret), new Date())).toMatchObject({ role: 'staff' });
    expect(await t.repo.findSession(cookieSecret, new Date()), 'the secret itself is no lookup key').toBeNull();
  });

  it('refuses a wrong key, a site key and no key, and sets no cookie', async () => {
    const site = await createApiKey(t.repo, { role: 'site', label: 'partner', origins: ['https://partner.example'] });
    for (const [key, status] of [
      ['sk_wrong-key-0000', 401],
      [site.secret, 403],
      [undefined, 401],
    ] as const) {
      const answer = await request(server.base, 'POST', '/api/v1/session', { key, origin: 'https://partner.example' });
      expect(answer.status).toBe(status);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('works for the bootstrap admin key, which has no stored key', async () => {
    const { answer, cookie } = await signIn(ADMIN);
    expect(answer.body).toMatchObject({ role: 'admin', keyId: null });
    expect((await fromConsole('GET', '/api/v1/keys', cookie)).status).toBe(200);
  });

  it('does not let a session start another (it would outlive its bound)', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const again = await fromConsole('POST', '/api/v1/session', cookie);
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
  });
});

describe('the session cookie', () => {
  it('stands for the key on every request: a second tab sends the same cookie and is signed in', async () => {
    const { key, secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const me = await fromConsole('GET', '/api/v1/me', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ role: 'staff', keyId: key.id });
    expect((await fromConsole('GET', '/api/v1/introductions', cookie)).status).toBe(200);
  });

  it('gives a staff session no admin routes', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    expect((await fromConsole('GET', '/api/v1/keys', cookie)).status).toBe(403);
  });

  it('changes data only from the service’s own origin (CSRF): another origin or none is refused and nothing is written', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const patch = { name: 'Renamed by a forged request' };
    const before = await request(server.base, 'GET', '/api/v1/companies/fi-pack', {});
    const forgeries: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of forgeries) {
      const forged = await request(server.base, 'PATCH', '/api/v1/companies/fi-pack', { body: patch, headers: { cookie, ...headers } });
      expect(forged.status, JSON.stringify(headers)).toBe(403);
      expect(forged.type).toContain('application/problem+json');
    }
    const bare = await request(server.base, 'PATCH', '/api/v1/companies/fi-pack', { body: patch, headers: { cookie } });
    expect(bare.status, 'no Origin and no Sec-Fetch-Site').toBe(403);
    const nameOf = (body: unknown) => (body as { name: string }).name;
    expect(nameOf((await request(server.base, 'GET', '/api/v1/companies/fi-pack', {})).body)).toBe(nameOf(before.body));
  });

  it('accepts a change from its own origin, or marked same-origin by the browser', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const intro = { companyId: 'fi-pack', name: 'Ann', email: 'ann@example.se', message: 'Hello', consent: true };
    await request(server.base, 'POST', '/api/v1/introductions', {
      key: (await createApiKey(t.repo, { role: 'site', label: 's', origins: [server.base] })).secret,
      origin: server.base,
      body: intro,
    });
    const [first] = ((await fromConsole('GET', '/api/v1/introductions?limit=1', cookie)).body as { items: { id: string }[] }).items;
    const byOrigin = await fromConsole('PATCH', `/api/v1/introductions/${first!.id}`, cookie, { body: { status: 'in-progress' } });
    expect(byOrigin.status).toBe(200);
    const byFetchSite = await request(server.base, 'PATCH', `/api/v1/introductions/${first!.id}`, {
      body: { status: 'new' },
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(byFetchSite.status).toBe(200);
  });

  it('is not consulted when the request carries a Bearer key: API clients work as before', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const site = await createApiKey(t.repo, { role: 'site', label: 'p', origins: ['https://p.example'] });
    const withBoth = await request(server.base, 'GET', '/api/v1/introductions', { key: site.secret, origin: 'https://p.example', headers: { cookie } });
    expect(withBoth.status, 'the site key decides, not the staff cookie').toBe(403);
  });

  it('ends at sign-out, server-side: the same cookie sent again is no one', async () => {
    const { secret } = await staffKey();
    const { cookie } = await signIn(secret);
    const out = await fromConsole('DELETE', '/api/v1/session', cookie);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^nordichub_session=; Path=\/api; Max-Age=0; HttpOnly; SameSite=Strict/);
    const replayed = await fromConsole('GET', '/api/v1/me', cookie);
    expect(replayed.status).toBe(401);
  });

  it('ends when its key is revoked', async () => {
    const { key, secret } = await staffKey();
    const { cookie } = await signIn(secret);
    expect((await request(server.base, 'DELETE', `/api/v1/keys/${key.id}`, { key: ADMIN })).status).toBe(200);
    expect((await fromConsole('GET', '/api/v1/me', cookie)).status).toBe(401);
    expect(await t.repo.findSession(hashKey(cookie.split('=')[1]!), new Date())).toBeNull();
  });

  it('ends when it expires', async () => {
    const { secret } = await staffKey();
    const { answer, cookie } = await signIn(secret, shortLived.base);
    expect(answer.headers.get('set-cookie')).toContain('Max-Age=1');
    expect((await fromConsole('GET', '/api/v1/me', cookie, { base: shortLived.base })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_100));
    expect((await fromConsole('GET', '/api/v1/me', cookie, { base: shortLived.base })).status).toBe(401);
  });

  it('a malformed or unknown cookie is no one, not an error', async () => {
    for (const cookie of ['nordichub_session=cs_short', `nordichub_session=cs_${'A'.repeat(43)}`, 'other=1']) {
      const answer = await request(server.base, 'GET', '/api/v1/me', { headers: { cookie } });
      expect(answer.status, cookie).toBe(401);
    }
  });
});
