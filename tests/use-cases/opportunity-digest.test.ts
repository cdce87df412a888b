// The staff digest: new, open opportunities regrouped per company above a threshold, as CSV too.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntity } from '../../src/use-cases/write-entities.js';
import { DIGEST_COLUMNS, DigestQuerySchema, digestCsv, opportunityDigest } from '../../src/use-cases/opportunity-digest.js';
import { parseOrThrow } from '../../src/validation/index.js';
import { exportSet, opportunity } from '../fixtures/export-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

let t: TestEngine;
let afterImport: string;
beforeAll(async () => {
  t = await createTestEngine({ data: exportSet() });
  await new Promise((r) => setTimeout(r, 20));
  afterImport = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  await createEntity(
    t.engine,
    'opportunity',
    opportunity({
      id: 'op-se-trays',
      country: 'SE',
      title: 'Supermarket seeks paper trays',
      description: 'A Swedish supermarket chain buys recyclable paper trays and cardboard boxes for ready meals.',
      sectors: ['food', 'manufacturing'],
    }),
  );
  await createEntity(
    t.engine,
    'opportunity',
    opportunity({
      id: 'op-se-closed',
      country: 'SE',
      title: 'Closed call for paper trays',
      description: 'A Swedish supermarket chain bought recyclable paper trays and cardboard boxes.',
      sectors: ['food'],
      deadline: '2021-01-01',
    }),
  );
});
afterAll(() => t.close());

describe('opportunity digest', () => {
  it('holds only opportunities added since the given moment that are still open', async () => {
    const d = await opportunityDigest(t.engine, DigestQuerySchema.parse({ since: afterImport, threshold: 0 }));
    expect(d.newOpportunities).toBe(1);
    const mentioned = new Set(d.companies.flatMap((c) => c.matches.map((m) => m.opportunity.id)));
    expect([...mentioned]).toEqual(['op-se-trays']);
    expect(d.companies.every((c) => c.company.country !== 'SE')).toBe(true);
  });

  it('keeps only fits at or above the threshold, best first per company', async () => {
    const all = await opportunityDigest(t.engine, DigestQuerySchema.parse({ since: '2000-01-01', threshold: 0 }));
    const strict = await opportunityDigest(t.engine, DigestQuerySchema.parse({ since: '2000-01-01', threshold: 0.6 }));
    const count = (d: typeof all) => d.companies.reduce((n, c) => n + c.matches.length, 0);
    expect(count(strict)).toBeLessThan(count(all));
    for (const c of strict.companies) {
      expect(c.matches.every((m) => m.score >= 0.6)).toBe(true);
      expect(c.matches.map((m) => m.score)).toEqual([...c.matches.map((m) => m.score)].sort((a, b) => b - a));
    }
    const packaging = strict.companies.find((c) => c.company.id === 'fi-pack')!;
    expect(packaging.matches.map((m) => m.opportunity.id)).toContain('op-se-trays');
  });

  it('writes one CSV row per company and opportunity, with the contact to mail', async () => {
    const d = await opportunityDigest(t.engine, DigestQuerySchema.parse({ since: '2000-01-01', threshold: 0.5 }));
    const rows = parse(digestCsv(d), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...DIGEST_COLUMNS]);
    expect(rows).toHaveLength(d.companies.reduce((n, c) => n + c.matches.length, 0));
    expect(rows.find((r) => r['company_id'] === 'fi-pack' && r['opportunity_id'] === 'op-se-trays')).toMatchObject({
      contact_email: 'anna.virtanen@example.org',
    });
  });

  it('rejects a date that is not one, with its path', async () => {
    expect(() => parseOrThrow(DigestQuerySchema, { since: '2027-02-30' }, 'digest query')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'since' })] }),
    );
  });
});
