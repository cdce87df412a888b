// What a cheap request may cost: body sizes per route with the role checked before the body is
// read, a nesting-depth limit, plain decimal counts, refused keys counted by the per-IP limit,
// and names that cannot carry control or bidi characters. Real HTTP, real database.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { exportSet } from '../fixtures/export-set.js';
import { caller, problemPaths, servedToStaff } from './client.js';

const ADMIN = 'test-admin-key-limits-0123456789abcdef';
const { app, keys, call } = servedToStaff(exportSet, ADMIN, { bodyLimits: { body: '1mb', importBody: '8mb', jsonDepth: 32 } });
const limited = app.also({ rateLimits: { perIpPerMinute: 5, perKeyPerMinute: 100 } });
const callLimited = caller(() => limited.base);
const MB = 1024 * 1024;
/** Valid JSON of about `bytes` bytes. */
const jsonOfSize = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });

describe('body limits', () => {
  it('default to 1 MB and are configurable, imports larger; README and config agree', () => {
    expect(loadConfig({}).bodyLimits).toEqual({ body: '1mb', importBody: '200mb', jsonDepth: 32 });
    expect(loadConfig({ MAX_BODY: '2mb', MAX_IMPORT_BODY: '50mb', MAX_JSON_DEPTH: '16' }).bodyLimits).toEqual({
      body: '2mb',
      importBody: '50mb',
      jsonDepth: 16,
    });
    expect(() => loadConfig({ MAX_BODY: 'lots' })).toThrow(/MAX_BODY/);
  });

  it('refuse a body over 1 MB on ordinary routes with 413, and take a larger one on imports (staff)', async () => {
    const big = await call('POST', '/api/v1/companies', { raw: jsonOfSize(1.5 * MB) });
    expect(big.status).toBe(413);
    expect(big.type).toContain('application/problem+json');
    // Read and validated (400 for its shape), not refused for its size.
    const imported = await call('POST', '/api/v1/import', { raw: jsonOfSize(3 * MB) });
    expect(imported.status).toBe(400);
    expect(imported.problem?.errors?.[0]?.path).not.toBe('body');
    expect((await call('POST', '/api/v1/import', { raw: jsonOfSize(9 * MB) })).status).toBe(413);
  });

  it('check the role before reading the body: no key, or too small a key, never gets a body parsed', async () => {
    // Malformed JSON would be a 400 if it were parsed: the role answers first.
    expect((await call('DELETE', '/api/v1/companies/fi-pack', { key: null, raw: '{{{not json' })).status).toBe(401);
    expect((await call('POST', '/api/v1/import', { key: null, raw: jsonOfSize(3 * MB) })).status).toBe(401);
    expect((await call('POST', '/api/v1/import', { key: keys.site, origin: 'https://site.example', raw: '{{{' })).status).toBe(403);
    expect((await call('PATCH', '/api/v1/companies/fi-pack', { key: keys.site, origin: 'https://site.example', raw: jsonOfSize(1.5 * MB) })).status).toBe(403);
    expect(await app.t.repo.get('company', 'fi-pack')).not.toBeNull();
  });

  it('refuse JSON nested deeper than 32 levels with a 400 naming the body, before parsing it', async () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const deep = await call('POST', '/api/v1/partners/search', { key: null, raw: nested(33) });
    expect(deep.status).toBe(400);
    expect(deep.type).toContain('application/problem+json');
    expect(deep.problem?.errors).toEqual([{ path: 'body', message: 'nested too deeply' }]);
    const huge = await call('POST', '/api/v1/partners/search', { key: null, raw: nested(200_000) });
    expect(huge.problem?.errors).toEqual([{ path: 'body', message: 'nested too deeply' }]);
    // 32 levels are read (and refused for their shape, not their depth); brackets in strings do not count.
    expect((await call('POST', '/api/v1/partners/search', { key: null, raw: nested(32) })).problem?.errors?.[0]?.message).not.toBe('nested too deeply');
    const inString = await call('POST', '/api/v1/partners/search', { key: null, raw: JSON.stringify({ text: `${'['.repeat(100)}\\"[` }) });
    expect(inString.problem?.errors?.[0]?.message).not.toBe('nested too deeply');
  });
});

describe('counts in query strings', () => {
  it('are plain decimal digits: hex, exponents, signs and spaces are refused with 400', async () => {
    for (const bad of ['0x10', '1e2', '%205', '%2B5', '5.0', '-1', '0o7', '0b1', 'Infinity', '']) {
      for (const path of [`/api/v1/companies?limit=${bad}`, `/api/v1/companies?offset=${bad}`, `/api/v1/companies/fi-pack/partners?limit=${bad}`]) {
        const r = await call('GET', path, { key: null });
        expect(r.status, `${path}`).toBe(400);
        expect(r.problem?.errors?.[0]?.path).toMatch(/^query\.(limit|offset)$/);
      }
    }
    const ok = await call('GET', '/api/v1/companies?limit=3&offset=1', { key: null });
    expect(ok.status).toBe(200);
    expect(ok.body.items).toHaveLength(3);
    expect((await call('GET', '/api/v1/companies?limit=501', { key: null })).status).toBe(400);
  });
});

describe('the per-IP rate limit', () => {
  it('counts requests with refused keys (401 and 403) like any other', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await callLimited('GET', '/api/v1/companies', { key: `unknown-key-${i}` })).status);
    statuses.push((await callLimited('GET', '/api/v1/companies', { key: keys.site, origin: 'https://elsewhere.example' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 403]);
    const after = await callLimited('GET', '/api/v1/companies', { key: 'unknown-key-again' });
    expect(after.status).toBe(429);
    expect((await callLimited('GET', '/api/v1/companies')).status).toBe(429);
  });
});

describe('names', () => {
  const company = (name: string) => ({ id: `co-${Math.random().toString(36).slice(2, 8)}`, name, country: 'FI', description: 'Makes things.' });
  it('refuse line breaks, other control characters and bidi controls with a 400 naming the field', async () => {
    for (const name of ['Evil\r\nBEGIN:VEVENT', 'Tab\there', 'Bell\u0007', 'C1\u0085', 'exe.\u202Etxt', 'iso\u2066late\u2069', 'mark\u200F']) {
      const r = await call('POST', '/api/v1/companies', { body: company(name) });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(problemPaths(r)).toContain('name');
    }
    const title = await call('POST', '/api/v1/opportunities', {
      body: { id: 'op-bidi', title: 'Tender \u202E', country: 'FI', description: 'd', type: 'tender' },
    });
    expect(problemPaths(title)).toContain('title');
    const event = await call('POST', '/api/v1/events', {
      body: {
        id: 'ev-crlf',
        name: 'Day\r\nX-INJECTED:1',
        timeZone: 'Europe/Helsinki',
        date: '2027-03-28',
        start: '09:00',
        slotMinutes: 20,
        slotCount: 4,
        tables: 2,
      },
    });
    expect(event.status).toBe(400);
    expect(problemPaths(event)).toContain('name');
  });

  it('still accept Nordic letters, accents and line breaks in descriptions', async () => {
    const ok = await call('POST', '/api/v1/companies', { body: { ...company('Åbo Smørrebrød Þór'), description: 'Line one.\nLine two.' } });
    expect(ok.status).toBe(201);
  });
});
