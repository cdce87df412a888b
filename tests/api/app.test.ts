// End to end over real HTTP against a real SQLite file and the shipped model.
import { describe, expect, it } from 'vitest';
import { buildApp, hashKey } from '../../src/api/index.js';
import { PRIVATE_COMPANY_FIELDS } from '../../src/domain/index.js';
import { company, smallSet } from '../fixtures/small-set.js';
import { type CallOptions, caller, expectProblem, openApiDocument, servedApp } from './client.js';

const ADMIN = 'test-admin-key-0123456789';
const app = servedApp(smallSet, ADMIN);
const send = caller(() => app.base);
const call = <M extends string, S extends string>(method: M, path: S, o: CallOptions & { admin?: boolean } = {}) =>
  send(method, path, { ...o, key: o.admin ? ADMIN : o.key });

describe('health and documentation', () => {
  it('reports ready with the model and index size', async () => {
    const r = await call('GET', '/healthz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', companies: 8, model: expect.stringMatching(/^nordichub-static/) });
  });

  it('serves an OpenAPI 3.1 document that covers every route', async () => {
    const doc = await openApiDocument(app.base);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/companies', '/api/v1/companies/{id}', '/api/v1/companies/{id}/partners', '/api/v1/partners/search', '/api/v1/import']),
    );
    const partners = doc.paths['/api/v1/companies/{id}/partners']?.['get'];
    expect(partners?.parameters?.map((p) => p.name)).toEqual(['id', 'limit', 'countries', 'sectors', 'partnerTypes', 'language']);
    const create = doc.paths['/api/v1/companies']?.['post']?.requestBody?.content['application/json']?.schema;
    expect(create?.properties?.['country']?.enum).toContain('IS');
  });

  it('renders the documentation page', async () => {
    const r = await call('GET', '/docs/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('swagger-ui');
  });

  it('answers 503 problems before the engine is ready', async () => {
    const app = buildApp({ engine: () => undefined, adminKeyHash: hashKey(ADMIN) });
    const s = app.listen(0);
    await new Promise((r) => s.once('listening', r));
    const port = (s.address() as { port: number }).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/companies/fi-pack/partners`);
    expect(res.status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    await new Promise((r) => s.close(r));
  });
});

describe('CRUD', () => {
  it('lists with pagination and filters, answering items and total', async () => {
    const r = await call('GET', '/api/v1/companies?limit=2&offset=0');
    expect(r.body.total).toBe(8);
    expect(r.body.items).toHaveLength(2);
    const se = await call('GET', '/api/v1/companies?country=SE&sector=ict');
    expect(se.body.items.map((c: { id: string }) => c.id)).toEqual(['se-soft']);
    expect((await call('GET', '/api/v1/clusters?country=NO')).body.total).toBe(1);
    expect((await call('GET', '/api/v1/opportunities')).body.items[0]!.id).toBe('op-no-tender');
  });

  it('hides private fields from the public and shows them to admins', async () => {
    const pub = await call('GET', '/api/v1/companies/fi-pack');
    for (const f of PRIVATE_COMPANY_FIELDS) expect(pub.body).not.toHaveProperty(f);
    expect(pub.text).not.toContain('anna.virtanen@example.org');
    const list = await call('GET', '/api/v1/companies?limit=100');
    expect(list.text).not.toContain('anna.virtanen@example.org');
    const admin = await call('GET', '/api/v1/companies/fi-pack', { admin: true });
    expect(admin.body.contactEmail).toBe('anna.virtanen@example.org');
  });

  it('creates, patches and deletes with an admin key', async () => {
    const created = await call('POST', '/api/v1/companies', {
      admin: true,
      body: company({ id: 'api-co', country: 'DK', offers: 'Cardboard box wholesale.' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'api-co', needs: '', website: null });
    expectProblem(await call('POST', '/api/v1/companies', { admin: true, body: company({ id: 'api-co', country: 'DK' }) }), 409);
    const patched = await call('PATCH', '/api/v1/companies/api-co', { admin: true, body: { needs: 'Suppliers of paper packaging.', sectors: ['logistics'] } });
    expect(patched.body).toMatchObject({ needs: 'Suppliers of paper packaging.', sectors: ['logistics'], country: 'DK' });
    expect((await call('DELETE', '/api/v1/companies/api-co', { admin: true })).body).toEqual({ deleted: 'api-co' });
    expectProblem(await call('GET', '/api/v1/companies/api-co'), 404);
    expectProblem(await call('DELETE', '/api/v1/companies/api-co', { admin: true }), 404);
  });

  it('deleting a cluster keeps its members and drops the reference', async () => {
    expect((await call('DELETE', '/api/v1/clusters/cl-no-sea', { admin: true })).status).toBe(200);
    expect((await call('GET', '/api/v1/companies/no-fish')).body.clusterIds).toEqual([]);
  });

  it('refuses writes without the admin key', async () => {
    expectProblem(await call('POST', '/api/v1/companies', { body: company({ id: 'x', country: 'FI' }) }), 401);
    expectProblem(await call('PATCH', '/api/v1/companies/fi-pack', { key: 'wrong-key-wrong-key', body: { name: 'Hacked' } }), 401);
    expectProblem(await call('DELETE', '/api/v1/companies/fi-pack'), 401);
    expectProblem(await call('POST', '/api/v1/import', { body: { companies: [] } }), 401);
    expect((await call('GET', '/api/v1/companies/fi-pack')).body.name).toBe('Kartonki Packaging Oy');
  });
});

describe('bad input', () => {
  it.each([
    ['POST', '/api/v1/companies', { ...company({ id: 'b1', country: 'FI' }), country: 'DE' }, 'country'],
    ['POST', '/api/v1/companies', { ...company({ id: 'b2', country: 'FI' }), surprise: 1 }, '(root)'],
    ['POST', '/api/v1/companies', { ...company({ id: 'b3', country: 'FI' }), clusterIds: ['cl-nowhere'] }, 'clusterIds[0]'],
    ['PATCH', '/api/v1/companies/fi-pack', { employees: 'many' }, 'employees'],
    ['POST', '/api/v1/partners/search', { text: 'packaging', country: 'XX' }, 'country'],
    ['POST', '/api/v1/partners/search', { country: 'FI' }, 'text'],
  ])('%s %s names the field', async (method, path, body, field) => {
    expectProblem(await call(method, path, { admin: true, body }), 400, field);
  });

  it('rejects malformed JSON, a missing body and bad query parameters', async () => {
    expectProblem(await call('POST', '/api/v1/companies', { admin: true, raw: '{"id": ' }), 400, 'body');
    expectProblem(await call('POST', '/api/v1/partners/search', {}), 400, 'body');
    expectProblem(await call('GET', '/api/v1/companies?limit=0'), 400, 'query.limit');
    expectProblem(await call('GET', '/api/v1/companies/fi-pack/partners?countries=SE,XX'), 400, 'query.countries[1]');
    expectProblem(await call('GET', '/api/v1/companies/bad%20id/partners'), 400, 'path.id');
  });

  it('limits the body size', async () => {
    const huge = { text: 'x'.repeat(2_000_000), country: 'FI' };
    expectProblem(await call('POST', '/api/v1/partners/search', { body: huge }), 413);
  });

  it('answers unknown paths and ids with 404 problems', async () => {
    expectProblem(await call('GET', '/api/v1/nothing'), 404);
    expectProblem(await call('GET', '/api/v1/companies/nobody/partners'), 404);
  });

  it('builds every 404 alike: the not-found type, a detail naming what is missing, and the field that named it', async () => {
    const answers = await Promise.all([
      call('GET', '/api/v1/nothing'),
      call('GET', '/api/v1/companies/nobody'),
      call('GET', '/api/v1/companies/nobody/partners'),
      call('GET', '/api/v1/events/no-event', { admin: true }),
      call('DELETE', '/api/v1/keys/key_0123456789ab', { admin: true }),
      call('PATCH', '/api/v1/introductions/intro_00000000-0000-0000-0000-000000000000', { admin: true, body: { status: 'declined' } }),
    ]);
    for (const r of answers) {
      expectProblem(r, 404);
      expect(r.problem?.type).toBe('https://nordichub.example/problems/not-found');
      expect(r.problem?.errors).toEqual([{ path: expect.any(String), message: 'not found' }]);
    }
    expect(answers.map((r) => r.problem?.detail)).toEqual([
      'No endpoint GET /api/v1/nothing.',
      'No company with id "nobody".',
      'No company with id "nobody".',
      'No event with id "no-event".',
      'No API key with id "key_0123456789ab".',
      'No introduction with id "intro_00000000-0000-0000-0000-000000000000".',
    ]);
  });

  it('writes nothing when an import is invalid', async () => {
    const before = (await call('GET', '/api/v1/companies?limit=500', { admin: true })).body;
    const r = await call('POST', '/api/v1/import', {
      admin: true,
      body: { companies: [company({ id: 'fi-pack', country: 'FI', name: 'Changed' }), { id: 'broken' }] },
    });
    expectProblem(r, 400, 'companies[1].name');
    expect((await call('GET', '/api/v1/companies?limit=500', { admin: true })).body).toEqual(before);
  });
});

describe('partner recommendations', () => {
  it('recommends cross-border partners with scores, signals and reasons, public fields only', async () => {
    const r = await call('GET', '/api/v1/companies/fi-pack/partners?limit=5');
    expect(r.status).toBe(200);
    expect(r.body.model).toMatch(/^nordichub-static/);
    expect(r.body.results.length).toBeGreaterThan(0);
    expect(r.body.results[0]!.company.id).toBe('se-dist');
    for (const result of r.body.results) {
      expect(result.company.country).not.toBe('FI');
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(Object.keys(result.scores)).toEqual(expect.arrayContaining(['needsOffers', 'offersNeeds', 'profile']));
      expect(result.reasons.length).toBeGreaterThan(0);
      for (const f of PRIVATE_COMPANY_FIELDS) expect(result.company).not.toHaveProperty(f);
    }
    expect(r.text).not.toMatch(/sven@example\.org|contactEmail|notes/);
  });

  it('filters by countries, sectors and partner types and still fills the limit when it can', async () => {
    const r = await call('GET', '/api/v1/companies/fi-pack/partners?limit=10&countries=SE,NO');
    expect(new Set(r.body.results.map((x: { company: { country: string } }) => x.company.country))).toEqual(new Set(['SE', 'NO']));
    expect(r.body.results).toHaveLength(3);
    const typed = await call('GET', '/api/v1/companies/fi-pack/partners?partnerTypes=supplier');
    expect(typed.body.results.every((x: { company: { partnerTypes: string[] } }) => x.company.partnerTypes.includes('supplier'))).toBe(true);
  });

  it('explains a match with words from both profiles', async () => {
    const r = await call('GET', '/api/v1/companies/no-fish/partners?limit=1');
    expect(r.body.results[0]!.company.id).toBe('is-sensor');
    expect(r.body.results[0]!.reasons.join(' ')).toMatch(/sensors|oxygen|temperature/);
  });

  it('recommends partners for a free-text description without a profile', async () => {
    const r = await call('POST', '/api/v1/partners/search', {
      body: { text: 'We farm salmon in fjord cages and want sensors to monitor oxygen and water quality.', country: 'NO', limit: 3 },
    });
    expect(r.status).toBe(200);
    expect(r.body.results[0]!.company.id).toBe('is-sensor');
    expect(r.body.results.every((x: { company: { country: string } }) => x.company.country !== 'NO')).toBe(true);
  });

  it('writes reasons in the language asked for, else in the Accept-Language of the request', async () => {
    const body = { text: 'Vi driver laxodling i fjordar och söker syresensorer.', country: 'NO', limit: 1 };
    const swedish = await call('POST', '/api/v1/partners/search', { body, headers: { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' } });
    expect(swedish.body.results[0]!.reasons[0]).toMatch(/^De erbjuder .*, som ni söker\.$/);
    const danish = await call('POST', '/api/v1/partners/search', { body: { ...body, language: 'da' }, headers: { 'accept-language': 'sv' } });
    expect(danish.body.results[0]!.reasons[0]).toMatch(/^De tilbyder .*, som I søger\.$/);
    const stored = await call('GET', '/api/v1/companies/no-fish/partners?limit=1&language=is');
    expect(stored.body.results[0]!.reasons[0]).toMatch(/^Þau bjóða það sem þið leitið að: /);
    const unknown = await call('POST', '/api/v1/partners/search', { body, headers: { 'accept-language': 'de-DE' } });
    expect(unknown.body.results[0]!.reasons[0]).toMatch(/^They offer .*, which you are looking for\.$/);
  });

  it('refuses a language it cannot write in, naming the field', async () => {
    const r = await call('POST', '/api/v1/partners/search', { body: { text: 'salmon sensors', country: 'NO', language: 'de' } });
    expectProblem(r, 400, 'language');
  });
});
