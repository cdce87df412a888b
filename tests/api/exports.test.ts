// The export-opportunity, cluster and digest endpoints over real HTTP, as partner sites call them.
import { describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { caller, openApiDocument, problemPaths, servedApp } from './client.js';

const ADMIN = 'test-admin-key-exports-0123456789';
const app = servedApp(exportSet, ADMIN);
const call = caller(() => app.base);

const PRIVATE = /contactEmail|contactPhone|"notes"|anna\.virtanen@example\.org|\+358 40 000 0001|prefers English/;

describe('GET /api/v1/companies/{id}/opportunities', () => {
  it('lists open opportunities abroad with score and reasons, filtered by type and sector', async () => {
    const r = await call('GET', '/api/v1/companies/fi-pack/opportunities?limit=10');
    expect(r.status).toBe(200);
    expect(r.body.results[0]).toMatchObject({ opportunity: { id: 'op-se-boxes', country: 'SE' }, score: expect.any(Number), reasons: expect.any(Array) });
    expect(r.body.results.map((x: { opportunity: { id: string } }) => x.opportunity.id)).not.toContain('op-no-expired');
    const tenders = await call('GET', '/api/v1/companies/fi-pack/opportunities?types=tender&sectors=aquaculture,ict');
    expect(tenders.body.results.map((x: { opportunity: { id: string } }) => x.opportunity.id)).toEqual(['op-no-sensors']);
  });

  it('answers a bad type with a problem naming the field, and an unknown company with 404', async () => {
    const bad = await call('GET', '/api/v1/companies/fi-pack/opportunities?types=tender,lottery');
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(problemPaths(bad)).toContain('query.types[1]');
    expect((await call('GET', '/api/v1/companies/nobody/opportunities')).status).toBe(404);
  });
});

describe('POST /api/v1/opportunities/search', () => {
  it('matches free text from a country to openings in other countries', async () => {
    const r = await call('POST', '/api/v1/opportunities/search', {
      body: { text: 'We build underwater oxygen sensors for fish farms', country: 'IS', limit: 3 },
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]!.opportunity.id).toBe('op-no-sensors');
    const bad = await call('POST', '/api/v1/opportunities/search', { body: { text: 'sensors', country: 'XX' } });
    expect(bad.status).toBe(400);
    expect(problemPaths(bad)).toContain('country');
  });
});

describe('GET /api/v1/opportunities/{id}/companies (staff)', () => {
  it('needs a staff key', async () => {
    expect((await call('GET', '/api/v1/opportunities/op-no-sensors/companies')).status).toBe(401);
    expect((await call('GET', '/api/v1/opportunities/op-no-sensors/companies', { key: 'wrong-key' })).status).toBe(401);
  });

  it('lists the companies abroad to alert, with their contacts, filtered by country', async () => {
    const r = await call('GET', '/api/v1/opportunities/op-no-sensors/companies?limit=50&countries=IS,FI', { key: ADMIN });
    expect(r.status).toBe(200);
    expect(r.body.results[0]!.company).toMatchObject({ id: 'is-sensor' });
    expect(r.body.results.every((x: { company: { country: string } }) => ['IS', 'FI'].includes(x.company.country))).toBe(true);
    expect(r.body.results.find((x: { company: { id: string } }) => x.company.id === 'is-fish')?.company.contactEmail).toBe('fish@example.is');
  });
});

describe('GET /api/v1/clusters/{id}/partners', () => {
  it('suggests clusters abroad with member pairs as evidence and no private field', async () => {
    const r = await call('GET', '/api/v1/clusters/cl-fi-pack/partners?limit=10');
    expect(r.status).toBe(200);
    expect(r.body.results.every((x: { cluster: { country: string } }) => x.cluster.country !== 'FI')).toBe(true);
    expect(r.body.results.some((x: { memberPairs: unknown[] }) => x.memberPairs.length > 0)).toBe(true);
    expect(r.text).not.toMatch(PRIVATE);
  });
});

describe('public responses', () => {
  it('never carry private company data', async () => {
    for (const r of [
      await call('GET', '/api/v1/companies/fi-pack/opportunities'),
      await call('POST', '/api/v1/opportunities/search', { body: { text: 'cardboard packaging boxes', country: 'FI' } }),
      await call('GET', '/api/v1/clusters/cl-se-food/partners'),
    ]) {
      expect(r.status).toBe(200);
      expect(r.text).not.toMatch(PRIVATE);
    }
  });
});

describe('GET /api/v1/digest (staff)', () => {
  it('answers JSON by default and CSV for a mail merge', async () => {
    expect((await call('GET', '/api/v1/digest?since=2000-01-01')).status).toBe(401);
    const json = await call('GET', '/api/v1/digest?since=2000-01-01&threshold=0.5', { key: ADMIN });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ since: '2000-01-01', threshold: 0.5, newOpportunities: 5 });
    const csv = await call('GET', '/api/v1/digest?since=2000-01-01&threshold=0.5&format=csv', { key: ADMIN });
    expect(csv.type).toContain('text/csv');
    expect(csv.disposition).toContain('opportunity-digest-2000-01-01.csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^company_id,company,company_country,contact_email,opportunity_id/);
    expect(lines.length - 1).toBe(json.body.companies.reduce((n: number, c: { matches: unknown[] }) => n + c.matches.length, 0));
  });

  it('rejects a missing date with its path', async () => {
    const r = await call('GET', '/api/v1/digest', { key: ADMIN });
    expect(r.status).toBe(400);
    expect(problemPaths(r)).toContain('query.since');
  });
});

describe('OpenAPI', () => {
  it('documents the new endpoints and marks the staff ones as secured', async () => {
    const doc = await openApiDocument(app.base);
    for (const path of [
      '/api/v1/companies/{id}/opportunities',
      '/api/v1/opportunities/search',
      '/api/v1/opportunities/{id}/companies',
      '/api/v1/clusters/{id}/partners',
      '/api/v1/digest',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/api/v1/opportunities/{id}/companies']?.['get']?.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/companies/{id}/opportunities']?.['get']?.security).toEqual([]);
  });
});
