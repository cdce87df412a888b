// PATCH changes exactly the fields it names, for every entity and for events, over real HTTP.
import { describe, expect, it } from 'vitest';
import { smallSet } from '../fixtures/small-set.js';
import { bodyCaller, expectProblem, openApiDocument, servedApp } from './client.js';

const ADMIN = 'test-admin-key-patch-0123456789';
const app = servedApp(smallSet, ADMIN);
const call = bodyCaller(() => app.base, ADMIN);
const withoutVersion = ({ version: _v, ...rest }: Record<string, unknown>) => rest;

describe('PATCH of an entity', () => {
  it('changes only the company fields it names and keeps lists, texts and private fields', async () => {
    const before = (await call('GET', '/api/v1/companies/fi-pack')).body;
    const r = await call('PATCH', '/api/v1/companies/fi-pack', { employees: 5 });
    expect(r.status).toBe(200);
    expect(withoutVersion(r.body)).toEqual({ ...withoutVersion(before), employees: 5 });
    const after = (await call('GET', '/api/v1/companies/fi-pack')).body;
    expect(withoutVersion(after)).toEqual({ ...withoutVersion(before), employees: 5 });
    expect(after).toMatchObject({
      clusterIds: ['cl-fi-pack'],
      sectors: ['bioeconomy', 'manufacturing'],
      partnerTypes: ['distributor', 'customer'],
      contactEmail: 'anna.virtanen@example.org',
    });
    expect(after.offers).toMatch(/cardboard/);
  });

  it('clears an optional field given null, and only that one; refuses null for a required one', async () => {
    const before = (await call('GET', '/api/v1/companies/se-dist')).body;
    const r = await call('PATCH', '/api/v1/companies/se-dist', { contactEmail: null, notes: 'Called back.' });
    expect(r.status).toBe(200);
    const after = (await call('GET', '/api/v1/companies/se-dist')).body;
    expect(withoutVersion(after)).toEqual({ ...withoutVersion(before), contactEmail: null, notes: 'Called back.' });
    expectProblem(await call('PATCH', '/api/v1/companies/se-dist', { name: null }), 400, 'name');
    expectProblem(await call('PATCH', '/api/v1/companies/se-dist', { sectors: null }), 400, 'sectors');
    expect((await call('GET', '/api/v1/companies/se-dist')).body).toEqual(after);
  });

  it('keeps a cluster’s sectors when renaming it, and an opportunity’s when retitling it', async () => {
    const cluster = (await call('GET', '/api/v1/clusters/cl-no-sea')).body;
    expect((await call('PATCH', '/api/v1/clusters/cl-no-sea', { name: 'Ocean Cluster Norway' })).status).toBe(200);
    expect(withoutVersion((await call('GET', '/api/v1/clusters/cl-no-sea')).body)).toEqual({ ...withoutVersion(cluster), name: 'Ocean Cluster Norway' });
    const opportunity = (await call('GET', '/api/v1/opportunities/op-no-tender')).body;
    expect((await call('PATCH', '/api/v1/opportunities/op-no-tender', { title: 'School meal packaging' })).status).toBe(200);
    expect(withoutVersion((await call('GET', '/api/v1/opportunities/op-no-tender')).body)).toEqual({
      ...withoutVersion(opportunity),
      title: 'School meal packaging',
    });
    expect(opportunity.sectors).toEqual(['food']);
  });

  it('refuses bad values and unknown fields with problem+json and the path, changing nothing (version included)', async () => {
    const before = (await call('GET', '/api/v1/companies/no-fish')).body;
    expect(before.version).toBe(1);
    expectProblem(await call('PATCH', '/api/v1/companies/no-fish', { employees: -1 }), 400, 'employees');
    expectProblem(await call('PATCH', '/api/v1/companies/no-fish', { clusterIds: ['cl-nowhere'] }), 400, 'clusterIds[0]');
    expect((await call('PATCH', '/api/v1/companies/no-fish', { colour: 'red' })).status).toBe(400);
    expect((await call('GET', '/api/v1/companies/no-fish')).body).toEqual(before);
  });
});

describe('versions and ETags', () => {
  it('answers the version as ETag and in the body, one higher after each write', async () => {
    const got = await call('GET', '/api/v1/companies/is-sensor');
    const version = got.body.version as number;
    expect(got.headers.get('etag')).toBe(`"${version}"`);
    const patched = await call('PATCH', '/api/v1/companies/is-sensor', { employees: 12 });
    expect(patched.headers.get('etag')).toBe(`"${version + 1}"`);
    expect(patched.body.version).toBe(version + 1);
    const created = await call('POST', '/api/v1/opportunities', {
      id: 'op-new',
      title: 'New tender',
      country: 'SE',
      description: 'Buying boxes.',
      type: 'tender',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
  });

  it('applies a PATCH or DELETE with a current If-Match, refuses a stale one with 412 and writes nothing', async () => {
    const etag = (await call('GET', '/api/v1/companies/dk-food')).headers.get('etag')!;
    const ok = await call('PATCH', '/api/v1/companies/dk-food', { employees: 40 }, { 'If-Match': etag });
    expect(ok.status).toBe(200);
    const stale = await call('PATCH', '/api/v1/companies/dk-food', { employees: 41 }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.type).toContain('application/problem+json');
    expect(stale.problem?.errors?.[0]?.path).toBe('If-Match');
    expect((await call('DELETE', '/api/v1/companies/dk-food', undefined, { 'If-Match': etag })).status).toBe(412);
    expect((await call('GET', '/api/v1/companies/dk-food')).body).toMatchObject({ employees: 40, version: ok.body.version });
    expectProblem(await call('PATCH', '/api/v1/companies/dk-food', { employees: 1 }, { 'If-Match': 'yesterday' }), 400, 'If-Match');
    expect((await call('DELETE', '/api/v1/companies/dk-food', undefined, { 'If-Match': ok.headers.get('etag')! })).status).toBe(200);
    expect((await call('GET', '/api/v1/companies/dk-food')).status).toBe(404);
  });

  it('documents the version and the 412 in OpenAPI', async () => {
    const doc = await openApiDocument(app.base);
    const patch = doc.paths['/api/v1/companies/{id}']?.['patch'];
    expect(patch?.responses['412']).toBeDefined();
    expect(patch?.parameters?.map((p) => p.name)).toContain('If-Match');
    expect(doc.paths['/api/v1/events/{id}']?.['patch']?.responses['412']).toBeDefined();
    expect(doc.components.schemas['PublicCompany']?.properties?.['version']?.type).toBe('integer');
  });
});

const EVENT = {
  id: 'ev-patch',
  name: 'Patch Day',
  timeZone: 'Europe/Oslo',
  date: '2027-06-15',
  start: '10:00',
  slotMinutes: 30,
  slotCount: 4,
  tables: 2,
  gapMinutes: 10,
  breaks: [{ afterSlot: 1, minutes: 30 }],
  minMeetings: 3,
  allowSameCountry: true,
  maxMeetings: 3,
};

describe('PATCH of an event', () => {
  it('keeps every setting it does not name, and pins while the slot layout stays', async () => {
    expect((await call('POST', '/api/v1/events', EVENT)).status).toBe(201);
    for (const companyId of ['fi-pack', 'se-dist']) expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId })).status).toBe(201);
    expect((await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'fi-pack', b: 'se-dist', slot: 2, table: 1 })).status).toBe(201);
    const before = (await call('GET', `/api/v1/events/${EVENT.id}`)).body;

    const renamed = await call('PATCH', `/api/v1/events/${EVENT.id}`, { name: 'Ocean Day' });
    expect(renamed.status).toBe(200);
    expect(withoutVersion(renamed.body)).toEqual({ ...withoutVersion(before), name: 'Ocean Day', warnings: [] });
    const tables = await call('PATCH', `/api/v1/events/${EVENT.id}`, { tables: 3 });
    expect(tables.body).toMatchObject({ plan: before.plan, slots: before.slots, pins: before.pins, minMeetings: 3, allowSameCountry: true, maxMeetings: 3 });
    // Same date given again: the layout does not change, so the pin stays.
    expect((await call('PATCH', `/api/v1/events/${EVENT.id}`, { date: EVENT.date })).body.pins).toEqual(before.pins);
    const cleared = await call('PATCH', `/api/v1/events/${EVENT.id}`, { maxMeetings: null, gapMinutes: 0 });
    expect(cleared.body).toMatchObject({ maxMeetings: null, minMeetings: 3, allowSameCountry: true, plan: { ...before.plan, gapMinutes: 0 }, pins: [] });
  });

  it('answers ETags and refuses a stale If-Match with 412, changing nothing', async () => {
    const got = await call('GET', `/api/v1/events/${EVENT.id}`);
    const etag = got.headers.get('etag')!;
    expect(etag).toBe(`"${got.body.version}"`);
    const ok = await call('PATCH', `/api/v1/events/${EVENT.id}`, { minMeetings: 1 }, { 'If-Match': etag });
    expect(ok.headers.get('etag')).toBe(`"${got.body.version! + 1}"`);
    expect((await call('PATCH', `/api/v1/events/${EVENT.id}`, { minMeetings: 2 }, { 'If-Match': etag })).status).toBe(412);
    expect((await call('DELETE', `/api/v1/events/${EVENT.id}`, undefined, { 'If-Match': etag })).status).toBe(412);
    expect((await call('GET', `/api/v1/events/${EVENT.id}`)).body.minMeetings).toBe(1);
  });

  it('refuses a pin that breaks a rule with 422 naming it', async () => {
    await call('PATCH', `/api/v1/events/${EVENT.id}`, { allowSameCountry: false });
    expect((await call('POST', `/api/v1/events/${EVENT.id}/participants`, { companyId: 'se-soft' })).status).toBe(201);
    const r = await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'se-dist', b: 'se-soft', slot: 0, table: 0 });
    expect(r.status).toBe(422);
    expect(r.type).toContain('application/problem+json');
    expect(r.problem?.errors).toEqual([{ path: 'b', message: expect.stringContaining('same country') }]);
  });

  it('answers a pin the rules broke later with 422 at schedule time, not 500', async () => {
    await call('PATCH', `/api/v1/events/${EVENT.id}`, { allowSameCountry: true });
    expect((await call('POST', `/api/v1/events/${EVENT.id}/pins`, { a: 'se-dist', b: 'se-soft', slot: 0, table: 0 })).status).toBe(201);
    await call('PATCH', `/api/v1/events/${EVENT.id}`, { allowSameCountry: false });
    const r = await call('POST', `/api/v1/events/${EVENT.id}/schedule`);
    expect(r.status).toBe(422);
    expect(r.type).toContain('application/problem+json');
    expect(r.problem?.errors).toEqual([{ path: 'pinned[0]', message: expect.stringMatching(/se-dist and se-soft .*same country/) }]);
  });
});
