// API keys, roles, site-key origins, CORS, rate limits and introduction requests over real HTTP.
import { describe, expect, it } from 'vitest';
import { hashKey } from '../../src/api/index.js';
import { exportSet } from '../fixtures/export-set.js';
import { type CallOptions, caller, problemPaths, servedApp } from './client.js';

const ADMIN = 'test-admin-key-access-0123456789';
const SITE_ORIGIN = 'https://kauppakamari.example';
const app = servedApp(exportSet, ADMIN);
const limited = app.also({ rateLimits: { perIpPerMinute: 3, perKeyPerMinute: 1000 } });
const send = caller(() => app.base);
const sendLimited = caller(() => limited.base);
const call = <M extends string, S extends string>(method: M, path: S, o: CallOptions & { limited?: boolean } = {}) =>
  (o.limited ? sendLimited : send)(method, path, o);

async function newKey(role: string, origins: string[] = []) {
  const r = await call('POST', '/api/v1/keys', { key: ADMIN, body: { role, label: `a ${role} key`, origins } });
  expect(r.status).toBe(201);
  return r.body as { key: { id: string; prefix: string }; secret: string };
}

const INTRO = { companyId: 'se-dist', name: 'Aino Laine', email: 'aino@example.fi', message: 'Voisitteko esitellä meidät?', consent: true };

describe('API keys', () => {
  it('are created by admins with the secret shown once, and listed without secrets', async () => {
    const { key, secret } = await newKey('site', [SITE_ORIGIN]);
    expect(secret).toMatch(/^pk_/);
    const list = await call('GET', '/api/v1/keys', { key: ADMIN });
    expect(list.body.items.map((k: { id: string }) => k.id)).toContain(key.id);
    expect(list.text).not.toContain(secret);
    expect(list.text).not.toContain(hashKey(secret));
    expect((await newKey('staff')).secret).toMatch(/^sk_/);
  });

  it('need an origin for a site key', async () => {
    const r = await call('POST', '/api/v1/keys', { key: ADMIN, body: { role: 'site', label: 'x' } });
    expect(r.status).toBe(400);
    expect(problemPaths(r)).toContain('origins');
  });

  it('admit a route only from its role up: no key 401, unknown key 401, lower role 403', async () => {
    const staff = await newKey('staff');
    const site = await newKey('site', [SITE_ORIGIN]);
    expect((await call('GET', '/api/v1/introductions')).status).toBe(401);
    expect((await call('GET', '/api/v1/introductions', { key: 'sk_not-a-key' })).status).toBe(401);
    expect((await call('GET', '/api/v1/introductions', { key: site.secret, origin: SITE_ORIGIN })).status).toBe(403);
    expect((await call('GET', '/api/v1/introductions', { key: staff.secret })).status).toBe(200);
    expect((await call('POST', '/api/v1/keys', { key: staff.secret, body: { role: 'admin', label: 'me' } })).status).toBe(403);
  });

  it('stop working at once when revoked', async () => {
    const staff = await newKey('staff');
    expect((await call('GET', '/api/v1/introductions', { key: staff.secret })).status).toBe(200);
    expect((await call('DELETE', `/api/v1/keys/${staff.key.id}`, { key: ADMIN })).status).toBe(200);
    const r = await call('GET', '/api/v1/introductions', { key: staff.secret });
    expect(r.status).toBe(403);
    expect(r.problem?.detail).toMatch(/revoked/);
  });
});

describe('site keys', () => {
  it('work only from their own origins', async () => {
    const site = await newKey('site', [SITE_ORIGIN]);
    const search = { text: 'cardboard packaging boxes', country: 'FI' };
    expect((await call('POST', '/api/v1/partners/search', { key: site.secret, origin: SITE_ORIGIN, body: search })).status).toBe(200);
    const other = await call('POST', '/api/v1/partners/search', { key: site.secret, origin: 'https://elsewhere.example', body: search });
    expect(other.status).toBe(403);
    expect(other.problem?.detail).toContain(SITE_ORIGIN);
    expect((await call('POST', '/api/v1/partners/search', { key: site.secret, body: search })).status).toBe(403);
  });

  it('open CORS to their origins only', async () => {
    await newKey('site', [SITE_ORIGIN]);
    const preflight = (origin: string) =>
      call('OPTIONS', '/api/v1/partners/search', {
        origin,
        headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    expect((await preflight(SITE_ORIGIN)).headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introductions', () => {
  it('are taken from the widget with consent, and reveal nothing about the company', async () => {
    const site = await newKey('site', [SITE_ORIGIN]);
    const noConsent = await call('POST', '/api/v1/introductions', { key: site.secret, origin: SITE_ORIGIN, body: { ...INTRO, consent: false } });
    expect(noConsent.status).toBe(400);
    expect(problemPaths(noConsent)).toContain('consent');
    expect((await call('POST', '/api/v1/introductions', { key: site.secret, origin: SITE_ORIGIN, body: { ...INTRO, companyId: 'nobody' } })).status).toBe(404);
    expect((await call('POST', '/api/v1/introductions', { body: INTRO })).status).toBe(401);
    const ok = await call('POST', '/api/v1/introductions', { key: site.secret, origin: SITE_ORIGIN, body: INTRO });
    expect(ok.status).toBe(201);
    expect(Object.keys(ok.body).sort()).toEqual(['id', 'status']);
    expect(ok.text).not.toMatch(/sven@example\.org|contact/i);
  });

  it('are listed and updated by staff', async () => {
    const list = await call('GET', '/api/v1/introductions?status=new', { key: ADMIN });
    const intro = list.body.items.find((i: { visitorEmail: string }) => i.visitorEmail === 'aino@example.fi')!;
    expect(intro).toMatchObject({ companyId: 'se-dist', origin: SITE_ORIGIN, status: 'new' });
    const patched = await call('PATCH', `/api/v1/introductions/${intro.id}`, {
      key: ADMIN,
      body: { status: 'introduced', staffNote: 'Mailed both on 27 Nov.' },
    });
    expect(patched.body).toMatchObject({ status: 'introduced', staffNote: 'Mailed both on 27 Nov.' });
    expect((await call('GET', '/api/v1/introductions?status=new', { key: ADMIN })).body.items.some((i: { id: string }) => i.id === intro.id)).toBe(false);
    const bad = await call('PATCH', `/api/v1/introductions/${intro.id}`, { key: ADMIN, body: { status: 'lost' } });
    expect(bad.status).toBe(400);
  });
});

describe('rate limits', () => {
  it('answer 429 problem+json past the limit per client IP, and spare staff', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('GET', '/api/v1/companies?limit=1', { limited: true })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await call('GET', '/api/v1/companies?limit=1', { limited: true });
    expect(last.headers.get('content-type')).toContain('application/problem+json');
    expect((await call('GET', '/api/v1/companies?limit=1', { limited: true, key: ADMIN })).status).toBe(200);
  });
});
