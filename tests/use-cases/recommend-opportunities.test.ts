// Export opportunities for a company, for free text, and the companies to alert for one.
import { describe, expect, it } from 'vitest';
import {
  companiesForOpportunity,
  OpportunityFiltersSchema,
  OpportunitySearchSchema,
  opportunitiesForCompany,
  opportunitiesForText,
} from '../../src/use-cases/recommend-opportunities.js';
import { deleteEntity } from '../../src/use-cases/delete-entity.js';
import { createEntity, patchEntity } from '../../src/use-cases/write-entities.js';
import { exportSet, opportunity } from '../fixtures/export-set.js';
import { engineForFile } from '../engine-per-file.js';

const t = engineForFile(exportSet);

const ids = (r: { results: { opportunity: { id: string } }[] }) => r.results.map((x) => x.opportunity.id);

describe('opportunities for a company', () => {
  it('puts the opening abroad that asks for what the company offers first, with reasons', async () => {
    const r = await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 10 });
    expect(ids(r)[0]).toBe('op-se-boxes');
    const top = r.results[0]!;
    expect(top.score).toBeGreaterThan(r.results.at(-1)!.score);
    // The reason names what meets: the recyclable trays and boxes the opening asks for.
    expect(top.reasons[0]).toMatch(/^The opening asks for .*(recyclable|tray|box).*, which you offer\.$/);
    expect(top.reasons.at(-1)).toMatch(/^Buyer request, Sweden, open until 2030-12-31 \(\d+ days left\)$/);
    expect(Object.keys(top.scores)).toEqual(expect.arrayContaining(['offersFit', 'profileFit', 'sectors', 'lexical']));
  });

  it('never lists an opportunity from the company’s own country', async () => {
    const r = await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 100 });
    expect(ids(r)).not.toContain('op-fi-boxes');
    expect(r.results.every((x) => x.opportunity.country !== 'FI')).toBe(true);
  });

  it('never lists an opportunity past its deadline, however well it fits', async () => {
    const r = await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 100 });
    expect(ids(r)).not.toContain('op-no-expired');
    // The same ranking with deadlines ignored (as the quality evaluation does) would show it.
    expect(ids(await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 100 }, { now: null }))).toContain('op-no-expired');
  });

  it('closes an opportunity at midnight of its deadline in its own country', async () => {
    const lateEvening = new Date('2030-12-31T23:30:00Z'); // 1 January in Stockholm, still 31 December in Reykjavik
    const r = await opportunitiesForCompany(t.engine, 'is-sensor', { limit: 100 }, { now: lateEvening });
    expect(ids(r)).not.toContain('op-se-boxes');
    expect(ids(r)).toContain('op-dk-fund'); // no deadline
    const earlier = await opportunitiesForCompany(t.engine, 'is-sensor', { limit: 100 }, { now: new Date('2030-12-31T20:00:00Z') });
    expect(ids(earlier)).toContain('op-se-boxes');
  });

  it('filters by type and sector before cutting the list', async () => {
    const tenders = await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 10, types: ['tender'] });
    expect(tenders.results.length).toBeGreaterThan(0);
    expect(tenders.results.every((x) => x.opportunity.type === 'tender')).toBe(true);
    const ict = await opportunitiesForCompany(t.engine, 'fi-pack', { limit: 10, sectors: ['ict'] });
    expect(ids(ict).sort()).toEqual(['op-dk-fund', 'op-no-sensors']);
  });

  it('takes filters checked by their one schema, which names the path of a bad one', () => {
    const checked = OpportunityFiltersSchema.safeParse({ types: ['lottery'] });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.'))).toContain('types.0');
  });
});

describe('opportunities for free text', () => {
  it('finds the opening for a described offer, across the border from the writer', async () => {
    const r = await opportunitiesForText(
      t.engine,
      OpportunitySearchSchema.parse({ text: 'We make underwater oxygen and temperature sensors for fish farms.', country: 'IS' }),
    );
    expect(ids(r)[0]).toBe('op-no-sensors');
    const fromNorway = await opportunitiesForText(
      t.engine,
      OpportunitySearchSchema.parse({ text: 'We make underwater oxygen and temperature sensors for fish farms.', country: 'NO' }),
    );
    expect(ids(fromNorway)).not.toContain('op-no-sensors');
  });
});

describe('a new or edited opportunity', () => {
  it('is matchable at once, and leaves the results when it closes or is deleted', async () => {
    await createEntity(
      t.engine,
      'opportunity',
      opportunity({
        id: 'op-dk-apps',
        country: 'DK',
        title: 'Danish retailer wants a mobile app',
        description: 'A retailer buys custom mobile app development and a cloud web platform.',
        sectors: ['ict'],
        type: 'tender',
      }),
    );
    expect(ids(await opportunitiesForCompany(t.engine, 'se-soft', { limit: 3 }))).toContain('op-dk-apps');
    await patchEntity(t.engine, 'opportunity', 'op-dk-apps', { deadline: '2021-05-01' });
    expect(ids(await opportunitiesForCompany(t.engine, 'se-soft', { limit: 100 }))).not.toContain('op-dk-apps');
    await patchEntity(t.engine, 'opportunity', 'op-dk-apps', { deadline: null });
    expect(ids(await opportunitiesForCompany(t.engine, 'se-soft', { limit: 3 }))).toContain('op-dk-apps');
    await deleteEntity(t.engine, 'opportunity', 'op-dk-apps');
    expect(ids(await opportunitiesForCompany(t.engine, 'se-soft', { limit: 100 }))).not.toContain('op-dk-apps');
  });
});

describe('companies to alert for an opportunity', () => {
  it('ranks the companies abroad that fit it, never from its own country, with contacts for staff', async () => {
    const r = await companiesForOpportunity(t.engine, 'op-no-sensors', { limit: 10 });
    expect(r.results[0]!.company.id).toBe('is-sensor');
    expect(r.results.every((x) => x.company.country !== 'NO')).toBe(true);
    expect(r.results[0]!.company).toHaveProperty('contactEmail');
    expect(r.opportunity).toMatchObject({ id: 'op-no-sensors', open: true });
    expect(r.results[0]!.reasons[0]).toMatch(/^The opening asks for .*sensor.*, which you offer\.$/);
  });

  it('scores a pair the same from both sides', async () => {
    const forCompany = await opportunitiesForCompany(t.engine, 'is-sensor', { limit: 10 });
    const forOpening = await companiesForOpportunity(t.engine, 'op-no-sensors', { limit: 10 });
    const a = forCompany.results.find((x) => x.opportunity.id === 'op-no-sensors')!;
    const b = forOpening.results.find((x) => x.company.id === 'is-sensor')!;
    expect(a.score).toBe(b.score);
  });

  it('filters by country', async () => {
    const r = await companiesForOpportunity(t.engine, 'op-no-sensors', { limit: 50, countries: ['IS'] });
    expect(r.results.map((x) => x.company.id).sort()).toEqual(['is-fish', 'is-sensor']);
  });
});
