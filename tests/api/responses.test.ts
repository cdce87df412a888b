// Every route of the route table answers what the OpenAPI document says it answers: one call per
// route, made with the client typed from the document, and each 2xx body checked against the zod
// response schema the document was generated from. Fields the schema does not name fail too.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ROUTES } from '../../src/api/index.js';
import type { RouteDef } from '../../src/api/http.js';
import { OutboxMailer, type Mailer } from '../../src/mail/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { exportSet } from '../fixtures/export-set.js';
import { servedApp, typedClient, type TypedAnswer } from './client.js';

const ADMIN = 'test-admin-key-responses-0123456789';
const SITE_ORIGIN = 'https://partner.example';
const app = servedApp(exportSet, ADMIN, { outbox: true });
const api = typedClient(() => app.base);
const admin = { key: ADMIN };
const EVENT = 'ev-answers';
let importId = '';

/**
 * One sample call per route, in an order that makes each succeed (create before change, change
 * before delete). Keyed by `METHOD path` as the route table names the route.
 */
const SAMPLES: [string, () => Promise<TypedAnswer<unknown>>][] = [
  ['GET /api/v1/clusters', () => api.get('/api/v1/clusters', { query: { limit: 5 }, ...admin })],
  [
    'POST /api/v1/clusters',
    () => api.post('/api/v1/clusters', { body: { id: 'cl-new', name: 'New cluster', country: 'SE', description: 'Packaging makers in Skåne' }, ...admin }),
  ],
  ['GET /api/v1/clusters/{id}', () => api.get('/api/v1/clusters/{id}', { path: { id: 'cl-dk-a' } })],
  ['PATCH /api/v1/clusters/{id}', () => api.patch('/api/v1/clusters/{id}', { path: { id: 'cl-new' }, body: { website: 'https://cluster.example' }, ...admin })],
  ['GET /api/v1/companies', () => api.get('/api/v1/companies', { query: { country: 'FI' }, ...admin })],
  [
    'POST /api/v1/companies',
    () => api.post('/api/v1/companies', { body: { id: 'se-new', name: 'New AB', country: 'SE', description: 'Corrugated boxes for food' }, ...admin }),
  ],
  ['GET /api/v1/companies/{id}', () => api.get('/api/v1/companies/{id}', { path: { id: 'fi-pack' }, ...admin })],
  ['PATCH /api/v1/companies/{id}', () => api.patch('/api/v1/companies/{id}', { path: { id: 'se-new' }, body: { needs: 'a distributor in Norway' }, ...admin })],
  ['GET /api/v1/opportunities', () => api.get('/api/v1/opportunities', {})],
  [
    'POST /api/v1/opportunities',
    () =>
      api.post('/api/v1/opportunities', {
        body: { id: 'op-new', title: 'Buyer seeks boxes', country: 'NO', description: 'Boxes for fish', type: 'buyer-request' },
        ...admin,
      }),
  ],
  ['GET /api/v1/opportunities/{id}', () => api.get('/api/v1/opportunities/{id}', { path: { id: 'op-se-boxes' } })],
  ['PATCH /api/v1/opportunities/{id}', () => api.patch('/api/v1/opportunities/{id}', { path: { id: 'op-new' }, body: { deadline: '2099-01-31' }, ...admin })],
  [
    'GET /api/v1/companies/{id}/partners',
    () => api.get('/api/v1/companies/{id}/partners', { path: { id: 'fi-pack' }, query: { countries: 'SE,NO', limit: 3 } }),
  ],
  ['POST /api/v1/partners/search', () => api.post('/api/v1/partners/search', { body: { text: 'cardboard packaging boxes and a distributor', country: 'FI' } })],
  ['GET /api/v1/companies/{id}/opportunities', () => api.get('/api/v1/companies/{id}/opportunities', { path: { id: 'fi-pack' } })],
  ['POST /api/v1/opportunities/search', () => api.post('/api/v1/opportunities/search', { body: { text: 'cardboard packaging boxes', country: 'FI' } })],
  ['GET /api/v1/opportunities/{id}/companies', () => api.get('/api/v1/opportunities/{id}/companies', { path: { id: 'op-se-boxes' }, ...admin })],
  ['GET /api/v1/clusters/{id}/partners', () => api.get('/api/v1/clusters/{id}/partners', { path: { id: 'cl-dk-a' } })],
  ['GET /api/v1/digest', () => api.get('/api/v1/digest', { query: { since: '2000-01-01' }, ...admin })],
  ['GET /api/v1/search/companies', () => api.get('/api/v1/search/companies', { query: { q: 'packaging boxes' }, ...admin })],
  [
    'POST /api/v1/import/sheet/preview',
    () => api.post('/api/v1/import/sheet/preview', { body: { format: 'csv', content: btoa('Name,Country,Description\nSheet Oy,FI,Paper trays') }, ...admin }),
  ],
  [
    'POST /api/v1/import/sheet',
    () =>
      api.post('/api/v1/import/sheet', { body: { format: 'csv', content: btoa('Id,Name,Country,Description\nfi-sheet,Sheet Oy,FI,Paper trays') }, ...admin }),
  ],
  [
    'POST /api/v1/import',
    () => api.post('/api/v1/import', { body: { companies: [{ id: 'dk-imported', name: 'Imported ApS', country: 'DK', description: 'Fish feed' }] }, ...admin }),
  ],
  [
    'POST /api/v1/events',
    () =>
      api.post('/api/v1/events', {
        body: { id: EVENT, name: 'Answer Day', timeZone: 'Europe/Oslo', date: '2030-05-05', start: '09:00', slotMinutes: 20, slotCount: 4, tables: 2 },
        ...admin,
      }),
  ],
  ['GET /api/v1/events', () => api.get('/api/v1/events', admin)],
  ['PATCH /api/v1/events/{id}', () => api.patch('/api/v1/events/{id}', { path: { id: EVENT }, body: { name: 'Answer Day 2' }, ...admin })],
  [
    'POST /api/v1/events/{id}/participants',
    async () => {
      for (const companyId of ['fi-pack', 'se-dist', 'no-fish'])
        await api.post('/api/v1/events/{id}/participants', { path: { id: EVENT }, body: { companyId }, ...admin });
      return api.post('/api/v1/events/{id}/participants', { path: { id: EVENT }, body: { companyId: 'is-sensor' }, ...admin });
    },
  ],
  [
    'POST /api/v1/events/{id}/participants/match',
    () => api.post('/api/v1/events/{id}/participants/match', { path: { id: EVENT }, body: { lines: ['Nordic Pack', 'Unknown Name Oy'] }, ...admin }),
  ],
  [
    'POST /api/v1/events/{id}/participants/bulk',
    () => api.post('/api/v1/events/{id}/participants/bulk', { path: { id: EVENT }, body: { companyIds: ['no-fish'] }, ...admin }),
  ],
  ['GET /api/v1/events/{id}/participants', () => api.get('/api/v1/events/{id}/participants', { path: { id: EVENT }, ...admin })],
  [
    'PATCH /api/v1/events/{id}/participants/{companyId}',
    () =>
      api.patch('/api/v1/events/{id}/participants/{companyId}', {
        path: { id: EVENT, companyId: 'fi-pack' },
        body: { wishes: [{ companyId: 'se-dist', priority: 1 }] },
        ...admin,
      }),
  ],
  [
    'GET /api/v1/events/{id}/participants/{companyId}/suggestions',
    () => api.get('/api/v1/events/{id}/participants/{companyId}/suggestions', { path: { id: EVENT, companyId: 'fi-pack' }, ...admin }),
  ],
  [
    'POST /api/v1/events/{id}/pins',
    () => api.post('/api/v1/events/{id}/pins', { path: { id: EVENT }, body: { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 }, ...admin }),
  ],
  [
    'POST /api/v1/events/{id}/removed-pairs',
    () => api.post('/api/v1/events/{id}/removed-pairs', { path: { id: EVENT }, body: { a: 'no-fish', b: 'is-sensor' }, ...admin }),
  ],
  [
    'POST /api/v1/events/{id}/participants/match',
    () => api.post('/api/v1/events/{id}/participants/match', { path: { id: EVENT }, body: { lines: ['Fjordlaks', 'Nordpack'] }, ...admin }),
  ],
  [
    'POST /api/v1/events/{id}/participants/bulk',
    () => api.post('/api/v1/events/{id}/participants/bulk', { path: { id: EVENT }, body: { companyIds: ['dk-food', 'fi-pack'] }, ...admin }),
  ],
  ['POST /api/v1/events/{id}/schedule', () => api.post('/api/v1/events/{id}/schedule', { path: { id: EVENT }, ...admin })],
  [
    'POST /api/v1/events/{id}/agendas/send',
    () => {
      // The service as started without SMTP_URL: mail goes to .eml files in the outbox.
      (app.t.engine as { mailer?: Mailer }).mailer ??= new OutboxMailer(path.join(app.t.dir, 'outbox'), 'NordicHub <no-reply@nordichub.invalid>');
      return api.post('/api/v1/events/{id}/agendas/send', { path: { id: EVENT }, body: {}, ...admin });
    },
  ],
  ['GET /api/v1/events/{id}', () => api.get('/api/v1/events/{id}', { path: { id: EVENT }, ...admin })],
  [
    'POST /api/v1/events/{id}/agendas/send',
    () => api.post('/api/v1/events/{id}/agendas/send', { path: { id: EVENT }, body: { onlyChanged: false }, ...admin }),
  ],
  ['GET /api/v1/events/{id}/agenda', () => api.get('/api/v1/events/{id}/agenda', { path: { id: EVENT }, ...admin })],
  [
    'GET /api/v1/events/{id}/participants/{companyId}/agenda',
    () => api.get('/api/v1/events/{id}/participants/{companyId}/agenda', { path: { id: EVENT, companyId: 'fi-pack' }, ...admin }),
  ],
  ['DELETE /api/v1/events/{id}/pins', () => api.delete('/api/v1/events/{id}/pins', { path: { id: EVENT }, query: { a: 'fi-pack', b: 'se-dist' }, ...admin })],
  [
    'DELETE /api/v1/events/{id}/removed-pairs',
    () => api.delete('/api/v1/events/{id}/removed-pairs', { path: { id: EVENT }, query: { a: 'no-fish', b: 'is-sensor' }, ...admin }),
  ],
  [
    'DELETE /api/v1/events/{id}/participants/{companyId}',
    () => api.delete('/api/v1/events/{id}/participants/{companyId}', { path: { id: EVENT, companyId: 'is-sensor' }, ...admin }),
  ],
  ['DELETE /api/v1/events/{id}', () => api.delete('/api/v1/events/{id}', { path: { id: EVENT }, ...admin })],
  ['POST /api/v1/keys', () => api.post('/api/v1/keys', { body: { role: 'staff', label: 'Answers' }, ...admin })],
  ['GET /api/v1/keys', () => api.get('/api/v1/keys', admin)],
  [
    'DELETE /api/v1/keys/{id}',
    async () => {
      const {
        key: { id },
      } = await createApiKey(app.t.repo, { role: 'staff', label: 'to revoke' });
      return api.delete('/api/v1/keys/{id}', { path: { id }, ...admin });
    },
  ],
  ['POST /api/v1/session', () => api.post('/api/v1/session', admin)],
  // A sign-out made with the key itself: there is no session to end, and the cookie is cleared all the same.
  ['DELETE /api/v1/session', () => api.delete('/api/v1/session', admin)],
  [
    'POST /api/v1/introductions',
    async () => {
      const site = await createApiKey(app.t.repo, { role: 'site', label: 'partner', origins: [SITE_ORIGIN] });
      const body = { companyId: 'fi-pack', name: 'Visitor', email: 'visitor@partner.test', message: 'Please introduce us.', consent: true as const };
      return api.post('/api/v1/introductions', { body, key: site.secret, origin: SITE_ORIGIN });
    },
  ],
  ['GET /api/v1/introductions', () => api.get('/api/v1/introductions', admin)],
  [
    'PATCH /api/v1/introductions/{id}',
    async () => {
      const list = await api.get('/api/v1/introductions', admin);
      return api.patch('/api/v1/introductions/{id}', {
        path: { id: list.body.items[0]!.id },
        body: { status: 'in-progress', staffNote: 'Called them' },
        ...admin,
      });
    },
  ],
  [
    'POST /api/v1/introductions/{id}/forward',
    async () => {
      const site = await createApiKey(app.t.repo, { role: 'site', label: 'partner 2', origins: [SITE_ORIGIN] });
      const body = { companyId: 'is-fish', name: 'Visitor', email: 'visitor@partner.test', message: 'Oxygen sensors?', consent: true as const };
      const asked = await api.post('/api/v1/introductions', { body, key: site.secret, origin: SITE_ORIGIN });
      return api.post('/api/v1/introductions/{id}/forward', { path: { id: asked.body.id }, body: { note: 'A good fit, we think.' }, ...admin });
    },
  ],
  [
    'PUT /api/v1/companies/{id}/feedback',
    () => api.put('/api/v1/companies/{id}/feedback', { path: { id: 'fi-pack' }, body: { kind: 'partner', candidateId: 'se-dist', verdict: 'good' }, ...admin }),
  ],
  ['GET /api/v1/companies/{id}/feedback', () => api.get('/api/v1/companies/{id}/feedback', { path: { id: 'fi-pack' }, ...admin })],
  ['GET /api/v1/feedback', () => api.get('/api/v1/feedback', admin)],
  [
    'DELETE /api/v1/companies/{id}/feedback',
    () => api.delete('/api/v1/companies/{id}/feedback', { path: { id: 'fi-pack' }, query: { kind: 'partner', candidateId: 'se-dist' }, ...admin }),
  ],
  ['GET /api/v1/vocabulary', () => api.get('/api/v1/vocabulary', {})],
  ['GET /api/v1/me', () => api.get('/api/v1/me', admin)],
  ['GET /api/v1/stats', () => api.get('/api/v1/stats', admin)],
  [
    'POST /api/v1/imports',
    async () => {
      const started = await api.post('/api/v1/imports', {
        body: { companies: [{ id: 'fo-imported', name: 'Imported Sp/f', country: 'FO', description: 'Salmon smoking' }] },
        ...admin,
      });
      importId = started.body.id;
      return started;
    },
  ],
  ['GET /api/v1/imports/{id}', () => api.get('/api/v1/imports/{id}', { path: { id: importId }, ...admin })],
  ['GET /api/v1/companies/{id}/export', () => api.get('/api/v1/companies/{id}/export', { path: { id: 'fi-pack' }, ...admin })],
  ['DELETE /api/v1/clusters/{id}', () => api.delete('/api/v1/clusters/{id}', { path: { id: 'cl-new' }, ...admin })],
  ['DELETE /api/v1/companies/{id}', () => api.delete('/api/v1/companies/{id}', { path: { id: 'se-new' }, ...admin })],
  ['DELETE /api/v1/opportunities/{id}', () => api.delete('/api/v1/opportunities/{id}', { path: { id: 'op-new' }, ...admin })],
];

const routeName = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;
const routeByName = new Map(ROUTES.map((r) => [routeName(r), r]));

/** The zod schema a route documents for a status, or a failure naming what is missing. */
function responseSchema(name: string, status: number): z.ZodType {
  const schema = routeByName.get(name)?.responses[status]?.schema;
  if (!schema) throw new Error(`${name} answered ${status}, a status its route documents no schema for`);
  return schema;
}

describe('every 2xx answer of the route table', () => {
  it('has a sample call for every route, and no sample for a route that does not exist', () => {
    const sampled = SAMPLES.map(([name]) => name);
    expect(ROUTES.map(routeName).filter((name) => !sampled.includes(name))).toEqual([]);
    expect(sampled.filter((name) => !routeByName.has(name))).toEqual([]);
  });

  // In sequence: later samples change or delete what earlier ones created.
  it.each(SAMPLES)('%s answers a body its response schema accepts, without undocumented fields', async (name, send) => {
    const answer = await send();
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
    expect(answer.status, answer.text).toBeLessThan(300);
    const checked = responseSchema(name, answer.status).safeParse(answer.body);
    expect(checked.error?.issues ?? [], JSON.stringify(answer.body).slice(0, 500)).toEqual([]);
    // Parsing drops the fields a schema does not name: an equal result means none were sent.
    expect(checked.data).toEqual(answer.body);
  });
});

describe('the typed client', () => {
  it('compiles only calls the document describes (checked by tsc in npm test)', () => {
    // @ts-expect-error: no such path in the document
    const unknownPath = () => api.get('/api/v1/nowhere', {});
    // @ts-expect-error: `country` takes one of the document's country codes
    const wrongBody = () => api.post('/api/v1/partners/search', { body: { text: 'boxes', country: 'XX' } });
    // @ts-expect-error: the path parameter is required
    const missingParam = () => api.get('/api/v1/companies/{id}', {});
    expect([unknownPath, wrongBody, missingParam].every((f) => typeof f === 'function')).toBe(true);
  });
});

describe('list filters', () => {
  it('refuse more country codes than there are countries with one problem naming the field', async () => {
    const nine = 'FI,SE,NO,DK,IS,AX,FO,GL,FI';
    const answer = await api.get('/api/v1/companies/{id}/partners', { path: { id: 'fi-pack' }, query: { countries: nine } });
    expect(answer.status).toBe(400);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.problem?.errors?.map((e) => e.path)).toEqual(['query.countries']);
  });
});
