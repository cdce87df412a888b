// Property-based fuzzing of every write endpoint and the importer (fast-check): wrong types,
// missing and extra fields, huge strings, deep nesting, invalid Unicode, control characters,
// wrong country codes, duplicate ids and broken references; and bad query strings for the write
// endpoints that take their input there. Bad input never gets a 5xx, always
// gets problem+json naming the field, and leaves the database and the index exactly as they were.
import { createHash } from 'node:crypto';
import { parse as parseQueryString, stringify as queryString } from 'node:querystring';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/api/index.js';
import type { FacetIndex } from '../../src/index/index.js';
import { createApiKey } from '../../src/use-cases/create-api-key.js';
import { recordFeedback } from '../../src/use-cases/record-feedback.js';
import { requestIntroduction } from '../../src/use-cases/request-introduction.js';
import { company } from '../fixtures/small-set.js';
import { exportSet, opportunity } from '../fixtures/export-set.js';
import { databaseFor, dumpDatabase } from '../helpers.js';
import { addSampleEvent, servedApp } from './client.js';

const ADMIN = 'test-admin-key-fuzz-0123456789';
const ORIGIN = 'https://partner.example';
const app = servedApp(exportSet, ADMIN, { rateLimits: { perIpPerMinute: 1e9, perKeyPerMinute: 1e9 } });
let siteKey: string;
let introId: string;

beforeAll(async () => {
  const t = app.t;
  siteKey = (await createApiKey(t.repo, { role: 'site', label: 'partner', origins: [ORIGIN] })).secret;
  await addSampleEvent(t.engine, ['fi-pack', 'se-dist', 'no-fish']);
  introId = (
    await requestIntroduction(
      t.engine,
      { companyId: 'se-dist', name: 'V', email: 'v@site.test', message: 'Hi', consent: true },
      { siteKeyId: null, origin: null },
    )
  ).id;
  // A verdict that a withdrawal slipping through would remove.
  await recordFeedback(t.engine, 'fi-pack', { kind: 'partner', candidateId: 'se-dist', verdict: 'good' }, null);
}, 60_000);

/** Every row of every table, and every entry of every in-memory index. */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha256').update(await dumpDatabase(await databaseFor(app.t.dir)));
  const index = (fi: FacetIndex) => {
    for (const id of [...fi.attributes.keys()].sort()) {
      hash.update(id).update(JSON.stringify(fi.attributes.get(id)));
      for (const v of Object.values(fi.vectorsOf(id))) if (v) hash.update(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    }
  };
  index(app.t.engine.index.companies);
  index(app.t.engine.index.opportunities);
  index(app.t.engine.index.clusters);
  return hash.update(String(app.t.engine.index.seq)).digest('hex');
}

interface Target {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  valid: Record<string, unknown>;
  /** Create bodies: dropping a required field makes them invalid (for patches it does not). */
  required?: string[];
  site?: boolean;
  /** The input is the query string (`valid` holds its parameters), not a JSON body. */
  query?: boolean;
}

const TARGETS: Target[] = [
  {
    method: 'POST',
    path: '/api/v1/companies',
    valid: { ...company({ id: 'fz-co', country: 'NO', description: 'Boats.', offers: 'Boats.' }) },
    required: ['id', 'country', 'name', 'description'],
  },
  { method: 'PATCH', path: '/api/v1/companies/fi-pack', valid: { description: 'We make boxes.', sectors: ['food'], country: 'FI' } },
  {
    method: 'POST',
    path: '/api/v1/clusters',
    valid: { id: 'fz-cl', name: 'Cluster', country: 'DK', description: 'A cluster.', sectors: ['food'] },
    required: ['id', 'name', 'country', 'description'],
  },
  { method: 'PATCH', path: '/api/v1/clusters/cl-fi-pack', valid: { description: 'Packaging.', country: 'FI' } },
  {
    method: 'POST',
    path: '/api/v1/opportunities',
    valid: { ...opportunity({ id: 'fz-op', country: 'SE' }) },
    required: ['id', 'title', 'country', 'description', 'type'],
  },
  { method: 'PATCH', path: '/api/v1/opportunities/op-se-boxes', valid: { deadline: '2031-01-01', country: 'SE' } },
  {
    method: 'POST',
    path: '/api/v1/events',
    valid: { id: 'fz-ev', name: 'Fuzz Day', timeZone: 'Europe/Helsinki', date: '2030-01-01', start: '09:00', slotMinutes: 20, slotCount: 4, tables: 3 },
    required: ['id', 'name', 'timeZone', 'date', 'start', 'slotMinutes', 'slotCount', 'tables'],
  },
  { method: 'PATCH', path: '/api/v1/events/ev-1', valid: { name: 'Renamed', tables: 4 } },
  {
    method: 'POST',
    path: '/api/v1/events/ev-1/participants',
    valid: { companyId: 'dk-food', availability: [0, 1], wishes: [{ companyId: 'fi-pack', priority: 1 }], blocks: [] },
    required: ['companyId'],
  },
  { method: 'PATCH', path: '/api/v1/events/ev-1/participants/fi-pack', valid: { availability: [0, 2], blocks: ['no-fish'] } },
  { method: 'POST', path: '/api/v1/events/ev-1/pins', valid: { a: 'fi-pack', b: 'se-dist', slot: 0, table: 0 }, required: ['a', 'b'] },
  { method: 'POST', path: '/api/v1/events/ev-1/removed-pairs', valid: { a: 'fi-pack', b: 'no-fish' }, required: ['a', 'b'] },
  { method: 'POST', path: '/api/v1/events/ev-1/agendas/send', valid: { onlyChanged: false, companyIds: ['fi-pack', 'se-dist'] } },
  {
    method: 'POST',
    path: '/api/v1/introductions',
    valid: { companyId: 'fi-pack', name: 'Visitor', email: 'v@site.test', message: 'Hello there', consent: true },
    required: ['companyId', 'name', 'email', 'message', 'consent'],
    site: true,
  },
  { method: 'PATCH', path: '/api/v1/introductions/{intro}', valid: { status: 'introduced', staffNote: 'Done.' } },
  {
    method: 'PUT',
    path: '/api/v1/companies/fi-pack/feedback',
    valid: { kind: 'partner', candidateId: 'se-dist', verdict: 'wrong', score: 0.5, note: 'Not a fit.' },
    required: ['kind', 'candidateId', 'verdict'],
  },
  {
    method: 'DELETE',
    path: '/api/v1/companies/fi-pack/feedback',
    valid: { kind: 'partner', candidateId: 'se-dist' },
    required: ['kind', 'candidateId'],
    query: true,
  },
  { method: 'POST', path: '/api/v1/keys', valid: { role: 'staff', label: 'Someone' }, required: ['role', 'label'] },
  { method: 'POST', path: '/api/v1/import', valid: { companies: [{ ...company({ id: 'fz-imp', country: 'IS' }) }], clusters: [] } },
];

const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const BAD_TEXT = ['\ud800', 'a\udfffb', '\u0000', 'bell\u0007', '\u001b[31mred'];
const BAD_COUNTRIES = ['XX', 'fi', 'SWE', '', 'Finland', 'EU'];

/** A body made invalid in one way, as raw JSON text (deep nesting is spliced in as text). */
function invalidBodies(target: Target): fc.Arbitrary<string> {
  const keys = Object.keys(target.valid);
  const strings = keys.filter((k) => typeof target.valid[k] === 'string');
  const json = (body: unknown) => JSON.stringify(body);
  const other = (v: unknown) =>
    fc
      .oneof(
        fc.integer(),
        fc.boolean(),
        fc.array(fc.integer(), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
        fc.double(),
      )
      .filter((x) => typeof x !== typeof v || Array.isArray(x) !== Array.isArray(v));
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom(...keys).chain((k) => other(target.valid[k]).map((v) => json({ ...target.valid, [k]: v }))),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((k) => !keys.includes(k) && k !== '__proto__')
      .map((k) => json({ ...target.valid, [k]: 'extra' })),
    fc
      .constantFrom(...keys)
      .chain((k) => fc.integer({ min: 200, max: 20_000 }).map((d) => json({ ...target.valid, [k]: '__NEST__' }).replace('"__NEST__"', nest(d)))),
    fc.constantFrom('[]', '"just a string"', '42', 'null', '{"unclosed": ', '{}}'),
  ];
  if (strings.length) {
    options.push(
      fc.constantFrom(...strings).chain((k) => fc.integer({ min: 10_001, max: 1_200_000 }).map((n) => json({ ...target.valid, [k]: 'x'.repeat(n) }))),
    );
    options.push(
      fc.constantFrom(...strings).chain((k) => fc.constantFrom(...BAD_TEXT).map((bad) => json({ ...target.valid, [k]: `${String(target.valid[k])}${bad}` }))),
    );
  }
  if (target.required?.length)
    options.push(fc.constantFrom(...target.required).map((k) => json(Object.fromEntries(Object.entries(target.valid).filter(([key]) => key !== k)))));
  if ('country' in target.valid) options.push(fc.constantFrom(...BAD_COUNTRIES).map((c) => json({ ...target.valid, country: c })));
  return fc.oneof(...options);
}

/** A query string made invalid in one way (kept under the HTTP parser's URL limit). */
function invalidQueries(target: Target): fc.Arbitrary<string> {
  const keys = Object.keys(target.valid);
  const qs = (params: Record<string, unknown>) => queryString(params as Record<string, string>);
  const options: fc.Arbitrary<string>[] = [
    fc.constantFrom(...keys).chain((k) => fc.string({ maxLength: 30 }).map((v) => qs({ ...target.valid, [k]: v }))),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((k) => !keys.includes(k) && k !== '__proto__')
      .map((k) => qs({ ...target.valid, [k]: 'extra' })),
    fc.constantFrom(...keys).chain((k) => fc.integer({ min: 81, max: 5_000 }).map((n) => qs({ ...target.valid, [k]: 'x'.repeat(n) }))),
    fc.constantFrom(...keys).chain((k) => fc.constantFrom(...BAD_TEXT).map((bad) => qs({ ...target.valid, [k]: `${String(target.valid[k])}${bad}` }))),
    fc.constantFrom(...keys).map((k) => `${qs(target.valid)}&${qs({ [k]: target.valid[k] })}`),
    fc.constantFrom('', '&&', '=&=', keys.join('&'), `${qs(target.valid)}`.replace(/=[^&]*/, '=%FF%FE')),
  ];
  if (target.required?.length)
    options.push(fc.constantFrom(...target.required).map((k) => qs(Object.fromEntries(Object.entries(target.valid).filter(([key]) => key !== k)))));
  return fc.oneof(...options);
}

async function send(target: Target, raw: string | Buffer) {
  const headers: Record<string, string> = { authorization: `Bearer ${target.site ? siteKey : ADMIN}` };
  if (!target.query) headers['content-type'] = 'application/json';
  if (target.site) headers['origin'] = ORIGIN;
  const path = target.path.replace('{intro}', introId);
  const res = target.query
    ? await fetch(`${app.base}${path}?${String(raw)}`, { method: target.method, headers })
    : await fetch(app.base + path, { method: target.method, headers, body: raw });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: JSON.parse(text) as { errors?: { path: string; message: string }[] } };
}

async function expectRejectedUntouched(target: Target, raw: string | Buffer) {
  const before = await fingerprint();
  const r = await send(target, raw);
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.type).toContain('application/problem+json');
  expect(r.body.errors?.length, `no field named for ${String(raw).slice(0, 120)}`).toBeGreaterThan(0);
  expect(r.body.errors!.every((e) => typeof e.path === 'string' && e.path.length > 0)).toBe(true);
  expect(await fingerprint()).toBe(before);
}

/** The schema the target's input is checked against: its body's, or its query string's. */
const inputSchema = (target: Target) => {
  const r = ROUTES.find(
    (r) => r.method.toUpperCase() === target.method && target.path.replace('{intro}', '{id}').match(new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`)),
  );
  return target.query ? r?.query : r?.body;
};

/** The input as the server sees it: parsed JSON, or the query string as express's simple parser reads it. */
function asReceived(target: Target, raw: string): unknown {
  if (target.query) return { ...parseQueryString(raw) };
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

describe('fuzzing the write endpoints', () => {
  it('accepts the valid body of every target (so the mutations below are what gets rejected)', () => {
    for (const target of TARGETS) {
      const schema = inputSchema(target);
      expect(schema, target.path).toBeDefined();
      expect(schema!.safeParse(target.valid).success, target.path).toBe(true);
    }
  });

  it.each(TARGETS.map((target) => [`${target.method} ${target.path}`, target] as const))(
    '%s rejects bad input and changes nothing',
    async (_name, target) => {
      const schema = inputSchema(target)!;
      await fc.assert(
        fc.asyncProperty(target.query ? invalidQueries(target) : invalidBodies(target), async (raw) => {
          // A mutation that happens to stay valid (e.g. null for an optional field) is not bad input.
          const parsed = asReceived(target, raw);
          fc.pre(parsed === undefined || !schema.safeParse(parsed).success);
          await expectRejectedUntouched(target, raw);
        }),
        { numRuns: 25, seed: 20261127 },
      );
    },
    120_000,
  );

  it('has a check that fails when a write goes through (a control for the properties above)', async () => {
    const clusters = TARGETS.find((x) => x.path === '/api/v1/clusters')!;
    await expect(expectRejectedUntouched(clusters, JSON.stringify({ ...clusters.valid, id: 'fz-control' }))).rejects.toThrow();
  });

  it('rejects bytes that are not UTF-8', async () => {
    const target = TARGETS[0]!;
    const raw = Buffer.concat([Buffer.from('{"id":"fz-bytes","name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","country":"XX","description":"x"}')]);
    await expectRejectedUntouched(target, raw);
  });
});

describe('fuzzing the importer', () => {
  const importer = TARGETS.find((x) => x.path === '/api/v1/import')!;
  const co = (id: string, over: Record<string, unknown> = {}) => ({ ...company({ id, country: 'SE' }), ...over });

  it('refuses duplicate ids, naming the second one', async () => {
    await expectRejectedUntouched(importer, JSON.stringify({ companies: [co('dup-1'), co('dup-1')] }));
  });

  it('refuses references to clusters that do not exist, including its own id', async () => {
    await expectRejectedUntouched(importer, JSON.stringify({ companies: [co('ref-1', { clusterIds: ['no-such-cluster'] })] }));
    await expectRejectedUntouched(importer, JSON.stringify({ companies: [co('ref-2', { clusterIds: ['ref-2'] })] }));
  });

  it('refuses a large set with one bad record anywhere, all or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 299 }), fc.constantFrom(...BAD_COUNTRIES), async (bad, country) => {
        const companies = Array.from({ length: 300 }, (_, i) => co(`bulk-${i}`, i === bad ? { country } : {}));
        await expectRejectedUntouched(importer, JSON.stringify({ companies }));
      }),
      { numRuns: 8, seed: 7 },
    );
  }, 120_000);
});
