// Sister clusters across the border: descriptions, sectors and what the members offer and need.
import { describe, expect, it } from 'vitest';
import { clusterPartners } from '../../src/use-cases/recommend-clusters.js';
import { patchEntity } from '../../src/use-cases/write-entities.js';
import { exportSet } from '../fixtures/export-set.js';
import { engineForFile } from '../engine-per-file.js';

const t = engineForFile(exportSet);

const ids = (r: { results: { cluster: { id: string } }[] }) => r.results.map((x) => x.cluster.id);

describe('cluster partners', () => {
  it('never suggests a cluster from the same country', async () => {
    const r = await clusterPartners(t.engine, 'cl-fi-pack', { limit: 10 });
    expect(ids(r)).not.toContain('cl-fi-other');
    expect(ids(r)).not.toContain('cl-fi-pack');
    expect(r.results.every((x) => x.cluster.country !== 'FI')).toBe(true);
  });

  it('tells apart two clusters with the same blurb by what their members offer and need', async () => {
    const r = await clusterPartners(t.engine, 'cl-fi-pack', { limit: 10 });
    const order = ids(r);
    // The packaging maker's cluster meets the cluster whose member buys packaging before the
    // one whose member services wind turbines.
    expect(order.indexOf('cl-dk-a')).toBeLessThan(order.indexOf('cl-dk-b'));
    const a = r.results.find((x) => x.cluster.id === 'cl-dk-a')!;
    const b = r.results.find((x) => x.cluster.id === 'cl-dk-b')!;
    expect(a.scores['profile']).toBe(b.scores['profile']);
    expect(a.scores['memberPairs']).toBeGreaterThan(b.scores['memberPairs']!);
  });

  it('lists the member pairs behind a match as evidence', async () => {
    const r = await clusterPartners(t.engine, 'cl-fi-pack', { limit: 10 });
    const a = r.results.find((x) => x.cluster.id === 'cl-dk-a')!;
    expect(a.memberPairs[0]).toMatchObject({
      member: { id: 'fi-pack', name: 'Kartonki Packaging Oy', country: 'FI' },
      partner: { id: 'dk-food', country: 'DK' },
      reason: expect.stringContaining('Kartonki Packaging Oy offers what Smørrebrød Foods ApS needs'),
    });
    expect(a.reasons.some((x) => x.startsWith('Member companies match'))).toBe(true);
    // Evidence names companies, never their contact details.
    expect(JSON.stringify(r)).not.toMatch(/contactEmail|contactPhone|notes|@example/);
  });

  it('follows membership changes at once', async () => {
    await patchEntity(t.engine, 'company', 'dk-food', { clusterIds: ['cl-dk-b'] });
    await patchEntity(t.engine, 'company', 'dk-wind', { clusterIds: ['cl-dk-a'] });
    const order = ids(await clusterPartners(t.engine, 'cl-fi-pack', { limit: 10 }));
    expect(order.indexOf('cl-dk-b')).toBeLessThan(order.indexOf('cl-dk-a'));
  });

  it('ranks a cluster without members by its description and sectors alone', async () => {
    const r = await clusterPartners(t.engine, 'cl-fi-other', { limit: 10, countries: ['SE', 'NO'] });
    expect(ids(r).sort()).toEqual(['cl-no-sea', 'cl-se-food']);
    expect(r.results.every((x) => x.memberPairs.length === 0 && x.scores['memberPairs'] === undefined)).toBe(true);
  });
});
