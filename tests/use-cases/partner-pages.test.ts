// "Show more" in the widget: a free-text partner search asked for in pages. Every page cuts the
// same ranked list, so pages never repeat or skip a company, and the list is bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { PAGED_TOTAL, PartnerSearchSchema, partnersForText } from '../../src/use-cases/recommend-partners.js';
import { parseOrThrow } from '../../src/validation/index.js';
import { company, smallSet } from '../fixtures/small-set.js';
import { createTestEngine, type TestEngine } from '../helpers.js';

const FILLERS = 44;
const COUNTRIES = ['SE', 'NO', 'DK', 'IS'] as const;

let t: TestEngine;
beforeAll(async () => {
  const base = smallSet();
  const fillers = Array.from({ length: FILLERS }, (_, i) =>
    company({
      id: `pack-${i}`,
      country: COUNTRIES[i % COUNTRIES.length]!,
      name: `Packaging Firm ${i}`,
      description: `Packaging firm number ${i}. We sell boxes and trays.`,
      employees: 5 + i * 7,
    }),
  );
  t = await createTestEngine({ data: { ...base, companies: [...(base.companies ?? []), ...fillers] } });
}, 120_000);
afterAll(() => t.close());

const QUERY = { text: 'Vi tillverkar kartonger och söker en grossist för förpackningar.', country: 'FI', language: 'sv' } as const;

async function issuesOf(body: unknown): Promise<string[]> {
  try {
    parseOrThrow(PartnerSearchSchema, body, 'partner search');
  } catch (err) {
    if (err instanceof AppError) return err.issues.map((i) => i.path);
    throw err;
  }
  return [];
}

describe('paged partner search', () => {
  it('gives pages that join into one list without repeats, and says where the next starts', async () => {
    const first = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 8, offset: 0 }));
    expect(first.results).toHaveLength(8);
    expect(first.nextOffset).toBe(8);
    const second = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 8, offset: 8 }));
    expect(second.results).toHaveLength(8);
    const both = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 16, offset: 0 }));
    expect([...first.results, ...second.results].map((r) => r.company.id)).toEqual(both.results.map((r) => r.company.id));
  });

  it('ends at the bound: the last page says no more follow', async () => {
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: Awaited<ReturnType<typeof partnersForText>> = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 20, offset }));
      seen.push(...page.results.map((r) => r.company.id));
      offset = page.nextOffset ?? null;
    }
    expect(seen).toHaveLength(PAGED_TOTAL);
    expect(new Set(seen).size).toBe(PAGED_TOTAL);
    expect(seen.every((id) => !id.startsWith('fi-'))).toBe(true);
  });

  it('leaves an unpaged search as it was: no nextOffset', async () => {
    const r = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 8 }));
    expect(r.results).toHaveLength(8);
    expect(r).not.toHaveProperty('nextOffset');
  });

  it('gives each result a card: the first sentences of its description and its size class', async () => {
    const r = await partnersForText(t.engine, PartnerSearchSchema.parse({ ...QUERY, limit: 20, offset: 0 }));
    const filler = r.results.find((x) => x.company.id.startsWith('pack-'))!;
    const n = Number(filler.company.id.slice('pack-'.length));
    expect(filler.summary).toBe(`Packaging firm number ${n}. We sell boxes and trays.`);
    expect(filler.employeeBand).toBe(5 + n * 7 < 10 ? '1-9' : 5 + n * 7 < 50 ? '10-49' : 5 + n * 7 < 250 ? '50-249' : '250+');
    const unknownSize = r.results.find((x) => x.company.id === 'se-dist')!;
    expect(unknownSize.employeeBand).toBeNull();
    expect(unknownSize.summary).toBe('A wholesale distributor of packaging materials serving shops and food producers across Sweden.');
    // The card is public: nothing private rides along.
    expect(JSON.stringify(r)).not.toMatch(/contactEmail|contactPhone|notes|sven@example\.org/);
  });

  it('refuses a page past the bound and pages larger than 20, naming the field', async () => {
    expect(await issuesOf({ ...QUERY, limit: 8, offset: PAGED_TOTAL })).toEqual(['offset']);
    expect(await issuesOf({ ...QUERY, limit: 21, offset: 0 })).toEqual(['limit']);
    expect(await issuesOf({ ...QUERY, limit: 8, offset: -1 })).toEqual(['offset']);
    expect(await issuesOf({ ...QUERY, limit: 8, offset: 2.5 })).toEqual(['offset']);
  });
});
