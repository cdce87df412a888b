// What the staff console calls beyond the core API, over real HTTP: the signed-in role, code
// lists, dashboard figures, background imports with progress and readable problems, searching
// by words, staff editing profiles; and the console's own page and assets.
import { describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { company } from '../fixtures/small-set.js';
import { databaseFor, dumpDatabase, waitFor } from '../helpers.js';
import { problemPaths, servedToStaff } from './client.js';

const ADMIN = 'test-admin-key-console-api-0123456789';
const { app, keys, call } = servedToStaff(exportSet, ADMIN);
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((e) => e.id).sort();

describe('signing in', () => {
  it('tells the console the role of a staff or admin key, and refuses others', async () => {
    expect((await call('GET', '/api/v1/me')).body).toMatchObject({ role: 'staff', keyId: expect.stringMatching(/^key_/) });
    expect((await call('GET', '/api/v1/me', { key: ADMIN })).body).toMatchObject({ role: 'admin' });
    expect((await call('GET', '/api/v1/me', { key: keys.site })).status).toBe(403);
    expect((await call('GET', '/api/v1/me', { key: null })).status).toBe(401);
  });

  it('gives anyone the code lists forms are built from', async () => {
    const r = await call('GET', '/api/v1/vocabulary', { key: null });
    expect(r.status).toBe(200);
    expect(r.body.countries).toEqual(expect.arrayContaining(['FI', 'SE', 'NO', 'DK', 'IS']));
    expect(r.body.sectors).toContain('batteries');
    expect(r.body.opportunityTypes).toContain('tender');
  });
});

describe('searching profiles by words', () => {
  it('finds every word in name, description, offers or needs, in any letter case', async () => {
    expect(ids(await call('GET', '/api/v1/companies?q=NORDPACK%20wholesale'))).toEqual(['se-dist']);
    expect(ids(await call('GET', '/api/v1/companies?q=cardboard'))).toEqual(expect.arrayContaining(['fi-pack', 'se-dist']));
    expect(ids(await call('GET', '/api/v1/companies?q=nothing-like-this'))).toEqual([]);
  });

  it('folds Nordic letters too (SQLite folds only ASCII by itself)', async () => {
    for (const q of ['Smørrebrød', 'smørrebrød', 'SMØRREBRØD'])
      expect(ids(await call('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`)), q).toEqual(['dk-food']);
  });

  it('combines words with country and sector, and works for clusters and opportunities', async () => {
    expect(ids(await call('GET', '/api/v1/companies?q=packaging&country=SE'))).toEqual(['se-dist']);
    expect(ids(await call('GET', '/api/v1/opportunities?q=grocery&country=FI'))).toEqual(['op-fi-boxes']);
    expect(ids(await call('GET', '/api/v1/clusters?q=paper%20mills'))).toEqual(expect.arrayContaining(['cl-fi-pack']));
    for (const q of ['x'.repeat(201), 'a b c d e f g h i']) {
      const refused = await call('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`);
      expect(refused.status).toBe(400);
      expect(refused.problem?.errors?.[0]?.path).toBe('query.q');
    }
  });

  it('reads % and _ as separators, not wildcards', async () => {
    expect(ids(await call('GET', '/api/v1/companies?q=%25'))).toEqual(
      (await app.t.repo.list('company', { limit: 500, offset: 0 })).items.map((c) => c.id).sort(),
    );
    // As a wildcard, _ would demand one more letter before the name; as a separator it does not.
    expect(ids(await call('GET', '/api/v1/companies?q=_Nordpack'))).toEqual(['se-dist']);
  });
});

describe('staff edit profiles', () => {
  it('change a company with a staff key; site keys cannot', async () => {
    const r = await call('PATCH', '/api/v1/companies/se-soft', { body: { notes: 'Met at Slush.' } });
    expect(r.status).toBe(200);
    expect((await app.t.repo.get('company', 'se-soft'))?.notes).toBe('Met at Slush.');
    expect((await call('PATCH', '/api/v1/companies/se-soft', { key: keys.site, body: { notes: 'x' } })).status).toBe(403);
  });

  it('leave deleting (erasure) to admins', async () => {
    expect((await call('DELETE', '/api/v1/companies/se-soft')).status).toBe(403);
  });
});

describe('imports in the background', () => {
  it('answer a malformed file at once with every field path, start nothing and write nothing', async () => {
    const before = await dumpDatabase(await databaseFor(app.t.dir));
    const r = await call('POST', '/api/v1/imports', { body: { companies: [company({ id: 'x1', country: 'XX' as never }), { id: 'x2' }] } });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/problem\+json/);
    expect(problemPaths(r)).toEqual(expect.arrayContaining(['companies[0].country', 'companies[1].name']));
    expect(await dumpDatabase(await databaseFor(app.t.dir))).toBe(before);
  });

  it('report progress while embedding and the counts when done', async () => {
    const companies = Array.from({ length: 4_500 }, (_, i) => company({ id: `bulk-${i}`, country: 'NO', description: `Bulk maker ${i} of maritime sensors.` }));
    const started = await call('POST', '/api/v1/imports', { body: { companies } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'running', total: 4_500, report: null, problem: null });
    const second = await call('POST', '/api/v1/imports', { body: { companies: [company({ id: 'too-soon', country: 'FI' })] } });
    expect(second.status).toBe(409); // one import at a time
    expect(second.problem?.detail).toContain(started.body.id);
    const running: { phase: string; done: number }[] = [];
    const done = await waitFor(async () => {
      const job = (await call('GET', `/api/v1/imports/${started.body.id}`)).body;
      if (job.state !== 'running') return job;
      running.push({ phase: job.phase, done: job.done });
      return undefined;
    }, 120_000);
    expect(done).toMatchObject({ state: 'done', problem: null, report: { companies: { created: 4_500, updated: 0 } } });
    expect(done.finishedAt).toEqual(expect.any(String));
    // Seen under way: embedding, counting up, never past the total.
    const embedding = running.filter((j) => j.phase === 'embed').map((j) => j.done);
    expect(embedding.length).toBeGreaterThan(0);
    expect(embedding).toEqual([...embedding].sort((a, b) => a - b));
    expect(Math.max(...embedding)).toBeLessThanOrEqual(4_500);
    expect((await call('GET', '/api/v1/companies/bulk-4499')).status).toBe(200);
    expect(app.t.engine.index.companies.attributes.has('bulk-4499')).toBe(true);
  });

  it('end a job with the problems found across records, importing nothing', async () => {
    const started = await call('POST', '/api/v1/imports', { body: { companies: [company({ id: 'lonely', country: 'IS', clusterIds: ['no-such-cluster'] })] } });
    expect(started.status).toBe(202);
    const job = await waitFor(async () => {
      const j = (await call('GET', `/api/v1/imports/${started.body.id}`)).body;
      return j.state === 'running' ? undefined : j;
    }, 30_000);
    expect(job.state).toBe('failed');
    expect(job.problem?.detail).toMatch(/nothing was imported/i);
    expect(job.problem?.errors?.[0]).toMatchObject({ path: 'companies[0].clusterIds[0]' });
    expect(await app.t.repo.get('company', 'lonely')).toBeNull();
  });

  it('404 an unknown job and refuse site keys', async () => {
    expect((await call('GET', '/api/v1/imports/import_00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await call('POST', '/api/v1/imports', { key: keys.site, body: { companies: [] } })).status).toBe(403);
  });
});

describe('dashboard figures', () => {
  it('are for staff, and agree with the database', async () => {
    const r = await call('GET', '/api/v1/stats');
    expect(r.status).toBe(200);
    expect(r.body.companies.total).toBe(await app.t.repo.count('company'));
    expect((await call('GET', '/api/v1/stats', { key: keys.site })).status).toBe(403);
  });
});

describe('the console page', () => {
  it('is one HTML shell at every /console path, pointing at bundled assets served from here', async () => {
    for (const path of ['/console', '/console/', '/console/events/some-event']) {
      const r = await call('GET', path, { key: null });
      expect(r.status, path).toBe(200);
      expect(r.type).toMatch(/text\/html/);
      expect(r.text).toContain('<div id="app">');
    }
    const shell = (await call('GET', '/console', { key: null })).text;
    const script = /src="(\/console\/assets\/app-[\w]+\.js)"/.exec(shell)?.[1];
    const style = /href="(\/console\/assets\/app-[\w]+\.css)"/.exec(shell)?.[1];
    expect(script && style).toBeTruthy();
    expect(shell).not.toMatch(/https?:\/\//); // nothing from a CDN
    const js = await call('GET', script!, { key: null });
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect((await call('GET', style!, { key: null })).type).toMatch(/text\/css/);
    expect((await call('GET', '/console/assets/missing.js', { key: null })).status).toBe(404);
  });
});
