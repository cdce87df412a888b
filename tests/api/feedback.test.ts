// Staff feedback on suggestions over real HTTP: recorded, re-judged, listed, withdrawn and
// exported (JSON and CSV), with field paths for bad input and the roles that may use it.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_COLUMNS } from '../../src/use-cases/list-feedback.js';
import { exportSet } from '../fixtures/export-set.js';
import { caller, problemPaths, servedApp } from './client.js';

const ADMIN = 'test-admin-key-feedback-0123456789';
const ORIGIN = 'https://partner.example';
const COMPANY = '/api/v1/companies/fi-pack/feedback';
// Private values of the fixture: feedback never carries them.
const PRIVATE = [/contactEmail/, /contactPhone/, /@example\.(org|is)/, /\+358 40 000 0001/, /Met at a fair/];

const app = servedApp(exportSet, ADMIN);
const call = caller(() => app.base);
let staff: { id: string; secret: string };
let site: string;

beforeAll(async () => {
  const made = await call('POST', '/api/v1/keys', { key: ADMIN, body: { role: 'staff', label: 'Console user' } });
  staff = { id: made.body.key.id, secret: made.body.secret };
  site = (await call('POST', '/api/v1/keys', { key: ADMIN, body: { role: 'site', label: 'Partner site', origins: [ORIGIN] } })).body.secret;
});

const asStaff = <M extends string, S extends string>(method: M, path: S, body?: unknown) => call(method, path, { key: staff.secret, body });
const allFeedback = async () =>
  (await asStaff('GET', '/api/v1/feedback?limit=500')).body as {
    items: { companyId: string; kind: string; candidateId: string; verdict: string }[];
    total: number;
  };

describe('recording a verdict', () => {
  let first: { id: string; createdAt: string };

  it('stores it with the score shown, the note and the staff key', async () => {
    const r = await asStaff('PUT', COMPANY, {
      kind: 'partner',
      candidateId: 'se-dist',
      verdict: 'good',
      score: 0.82,
      note: 'Exactly the distributor they need.',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      companyId: 'fi-pack',
      kind: 'partner',
      candidateId: 'se-dist',
      verdict: 'good',
      score: 0.82,
      note: 'Exactly the distributor they need.',
      keyId: staff.id,
    });
    expect(r.body.id).toMatch(/^fb_/);
    expect(r.body.updatedAt).toBe(r.body.createdAt);
    first = r.body;
  });

  it('replaces it when judged again: one verdict per company and candidate, first judged time kept', async () => {
    const r = await asStaff('PUT', COMPANY, { kind: 'partner', candidateId: 'se-dist', verdict: 'wrong' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: first.id, createdAt: first.createdAt, verdict: 'wrong', score: null, note: null });
    expect(Date.parse(r.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.createdAt));
    const mine = (await allFeedback()).items.filter((f) => f.companyId === 'fi-pack' && f.candidateId === 'se-dist');
    expect(mine).toHaveLength(1);
  });

  it('takes opportunities as candidates too', async () => {
    const r = await asStaff('PUT', COMPANY, { kind: 'opportunity', candidateId: 'op-se-boxes', verdict: 'good', score: 0.9 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'opportunity', candidateId: 'op-se-boxes', verdict: 'good' });
  });
});

describe('bad input', () => {
  it('answers 400 with field paths, and writes nothing', async () => {
    const before = await allFeedback();
    const wrongTypes = await asStaff('PUT', COMPANY, { kind: 'client', candidateId: 'se dist!', verdict: 'maybe', score: 1.5, note: 'x'.repeat(1001) });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.headers.get('content-type')).toContain('application/problem+json');
    expect(problemPaths(wrongTypes).sort()).toEqual(['candidateId', 'kind', 'note', 'score', 'verdict']);
    const extra = await asStaff('PUT', COMPANY, { kind: 'partner', candidateId: 'se-dist', verdict: 'good', contactEmail: 'a@b.c' });
    expect(extra.status).toBe(400);
    expect(extra.problem?.errors?.[0]?.message).toMatch(/contactEmail/);
    expect(problemPaths(await asStaff('PUT', COMPANY, { candidateId: 'se-dist', verdict: 'good' }))).toEqual(['kind']);
    expect(await allFeedback()).toEqual(before);
  });

  it('answers 400 on candidateId for a candidate that does not exist, or the company itself', async () => {
    const before = await allFeedback();
    for (const body of [
      { kind: 'partner', candidateId: 'no-such-company', verdict: 'good' },
      { kind: 'partner', candidateId: 'fi-pack', verdict: 'good' },
      // An opportunity id judged as a partner, and a company id as an opportunity.
      { kind: 'partner', candidateId: 'op-se-boxes', verdict: 'good' },
      { kind: 'opportunity', candidateId: 'se-dist', verdict: 'wrong' },
    ]) {
      const r = await asStaff('PUT', COMPANY, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(problemPaths(r)).toEqual(['candidateId']);
    }
    expect(await allFeedback()).toEqual(before);
  });

  it('answers 404 for a company that does not exist', async () => {
    expect((await asStaff('PUT', '/api/v1/companies/nobody/feedback', { kind: 'partner', candidateId: 'se-dist', verdict: 'good' })).status).toBe(404);
    expect((await asStaff('GET', '/api/v1/companies/nobody/feedback')).status).toBe(404);
  });

  it('needs kind and candidateId to withdraw, and a known format to export', async () => {
    expect(problemPaths(await asStaff('DELETE', `${COMPANY}?candidateId=se-dist`))).toEqual(['query.kind']);
    expect(problemPaths(await asStaff('GET', '/api/v1/feedback?format=xml'))).toEqual(['query.format']);
    expect(problemPaths(await asStaff('GET', '/api/v1/feedback?verdict=meh'))).toEqual(['query.verdict']);
  });
});

describe('listing, exporting and withdrawing', () => {
  beforeAll(async () => {
    await asStaff('PUT', '/api/v1/companies/no-fish/feedback', {
      kind: 'partner',
      candidateId: 'is-sensor',
      verdict: 'good',
      score: 0.7,
      note: 'Sensors, "oxygen", cages',
    });
  });

  it("lists one company's verdicts, newest first", async () => {
    const r = await asStaff('GET', COMPANY);
    expect(r.status).toBe(200);
    expect(r.body.items.map((f: { candidateId: string }) => f.candidateId)).toEqual(['op-se-boxes', 'se-dist']);
  });

  it('exports every verdict as JSON pages, filtered by kind and verdict', async () => {
    const all = await allFeedback();
    expect(all.total).toBe(3);
    expect(all.items[0]).toMatchObject({ companyId: 'no-fish', candidateId: 'is-sensor' });
    const page = (await asStaff('GET', '/api/v1/feedback?limit=1&offset=1')).body;
    expect(page).toMatchObject({ total: 3, items: [all.items[1]] });
    const goodPartners = (await asStaff('GET', '/api/v1/feedback?kind=partner&verdict=good')).body;
    expect(goodPartners.items.map((f: { candidateId: string }) => f.candidateId)).toEqual(['is-sensor']);
    for (const pattern of PRIVATE) expect(JSON.stringify(all)).not.toMatch(pattern);
  });

  it('exports every verdict as a CSV download with names beside the ids, and no contact data', async () => {
    const r = await call('GET', '/api/v1/feedback?format=csv&limit=1', { key: staff.secret });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="?feedback\.csv"?$/);
    const rows = parse(r.text, { columns: true }) as Record<string, string>[];
    // All rows, not a page: `limit` applies to JSON only.
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!)).toEqual([...FEEDBACK_COLUMNS]);
    expect(rows[0]).toMatchObject({
      companyId: 'no-fish',
      companyName: 'Fjordlaks AS',
      kind: 'partner',
      candidateId: 'is-sensor',
      candidateName: 'Mælir Sensors ehf',
      verdict: 'good',
      score: '0.7',
      note: 'Sensors, "oxygen", cages',
    });
    expect(rows.find((row) => row['candidateId'] === 'op-se-boxes')).toMatchObject({
      companyName: 'Kartonki Packaging Oy',
      candidateName: 'Swedish grocery chain seeks packaging supplier',
      verdict: 'good',
    });
    expect(rows.find((row) => row['candidateId'] === 'se-dist')).toMatchObject({ verdict: 'wrong', score: '', note: '' });
    for (const pattern of PRIVATE) expect(r.text).not.toMatch(pattern);
    const wrongOnly = parse((await call('GET', '/api/v1/feedback?format=csv&verdict=wrong', { key: staff.secret })).text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(wrongOnly.map((row) => row['candidateId'])).toEqual(['se-dist']);
  });

  it('withdraws a verdict, and answers 404 when there is none', async () => {
    const r = await asStaff('DELETE', `${COMPANY}?kind=partner&candidateId=se-dist`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ deleted: true });
    expect((await asStaff('GET', COMPANY)).body.items.map((f: { candidateId: string }) => f.candidateId)).toEqual(['op-se-boxes']);
    const again = await asStaff('DELETE', `${COMPANY}?kind=partner&candidateId=se-dist`);
    expect(again.status).toBe(404);
    expect((await asStaff('DELETE', `${COMPANY}?kind=opportunity&candidateId=se-dist`)).status).toBe(404);
  });
});

describe('access', () => {
  const routes: [string, string, unknown?][] = [
    ['PUT', COMPANY, { kind: 'partner', candidateId: 'se-dist', verdict: 'good' }],
    ['GET', COMPANY],
    ['DELETE', `${COMPANY}?kind=opportunity&candidateId=op-se-boxes`],
    ['GET', '/api/v1/feedback'],
    ['GET', '/api/v1/feedback?format=csv'],
  ];

  it('is for staff: no key 401, a site key 403, and nothing changes', async () => {
    const before = await allFeedback();
    for (const [method, path, body] of routes) {
      expect((await call(method, path, { body })).status, `${method} ${path} without a key`).toBe(401);
      expect((await call(method, path, { body, key: site, origin: ORIGIN })).status, `${method} ${path} with a site key`).toBe(403);
    }
    expect(await allFeedback()).toEqual(before);
  });

  it('admits admins as well', async () => {
    expect((await call('GET', COMPANY, { key: ADMIN })).status).toBe(200);
  });
});
