// The staff company search over real HTTP on the database's own word index (SQLite FTS5 or,
// with NORDICHUB_TEST_PG, PostgreSQL tsvector): stems and plurals, sector names in six
// languages, names typed without Nordic letters, and the closest profiles in meaning when no
// company has the words, labelled as such. The list endpoints' `q` stays literal.
import { describe, expect, it } from 'vitest';
import { MIN_SIMILARITY, SEMANTIC_K } from '../../src/use-cases/search-companies.js';
import { company } from '../fixtures/small-set.js';
import { caller, request, servedToStaff } from './client.js';

const ADMIN = 'test-admin-key-company-search-0123456789';

const COMPANIES = [
  // Aquaculture companies that never write "aquaculture" nor "fish farming".
  company({ id: 'no-salmon', country: 'NO', name: 'Fjordlaks AS', description: 'Salmon pens and feed barges along the fjords.', sectors: ['aquaculture'] }),
  company({ id: 'is-fiskeldi', country: 'IS', name: 'Heiðarmjólk ehf', description: 'Arctic char hatchery in the highlands.', sectors: ['aquaculture'] }),
  company({ id: 'se-battery', country: 'SE', name: 'Cellverket AB', description: 'We recycle one battery at a time.', sectors: ['cleantech'] }),
  company({ id: 'fi-batteries', country: 'FI', name: 'Akkutehdas Oy', description: 'Batteries for forklifts and boats.', sectors: ['batteries'] }),
  company({ id: 'dk-software', country: 'DK', name: 'Kodehuset ApS', description: 'Custom accounting software for small shops.', sectors: ['ict'] }),
];

const { app, keys } = servedToStaff(() => ({ companies: COMPANIES }), ADMIN);

interface SearchBody {
  items: { id: string; contactEmail?: string }[];
  total: number;
  matchedBy: string;
  sectors: string[];
  similarity: { id: string; similarity: number }[];
  hint: string | null;
}

const search = async (q: string, extra = '') => {
  const r = await request(app.base, 'GET', `/api/v1/search/companies?q=${encodeURIComponent(q)}${extra}`, { key: keys.staff });
  expect(r.status, `q=${q}: ${r.text}`).toBe(200);
  return r.body as SearchBody;
};
const ids = (b: SearchBody) => b.items.map((c) => c.id).sort();

describe('GET /api/v1/search/companies', () => {
  it('finds the aquaculture companies by the sector’s name and everyday words, in any language', async () => {
    for (const q of ['aquaculture', 'fish farming', 'vattenbruk', 'fiskeldi']) {
      const found = await search(q);
      expect(ids(found), q).toEqual(['is-fiskeldi', 'no-salmon']);
      expect(found.matchedBy).toBe('words');
      expect(found.sectors).toEqual(['aquaculture']);
    }
  });

  it('finds the singular and the plural alike: "batteries" finds what "battery" finds', async () => {
    const battery = await search('battery');
    expect(ids(battery)).toEqual(['fi-batteries', 'se-battery']);
    expect(ids(await search('batteries'))).toEqual(ids(battery));
    // The literal `q` of the list endpoint keeps its contract: prefixes only.
    const literal = await caller(() => app.base)('GET', '/api/v1/companies?q=batteries', { key: keys.staff });
    expect(literal.body.items.map((c) => c.id)).toEqual(['fi-batteries']);
  });

  it('finds names typed without Nordic letters or accents', async () => {
    expect(ids(await search('Heidarmjolk'))).toEqual(['is-fiskeldi']);
    expect(ids(await search('HEIÐARMJÓLK'))).toEqual(['is-fiskeldi']);
  });

  it('applies the list filters to what the words find', async () => {
    expect(ids(await search('battery', '&country=SE'))).toEqual(['se-battery']);
    expect(ids(await search('fish farming', '&country=NO'))).toEqual(['no-salmon']);
    // The fallback in meaning keeps to the filters too.
    const iceland = await search('trout', '&country=IS');
    expect(iceland.matchedBy).toBe('meaning');
    expect(ids(iceland)).toEqual(['is-fiskeldi']);
  });

  it('offers the closest profiles in meaning, labelled and bounded, when no company has the words', async () => {
    const found = await search('trout');
    expect(found.matchedBy).toBe('meaning');
    expect(found.hint).toMatch(/closest in meaning/);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.length).toBeLessThanOrEqual(SEMANTIC_K);
    expect(found.similarity.map((s) => s.id)).toEqual(found.items.map((c) => c.id));
    // Best first, the salmon farm before the battery maker, and nothing unrelated offered.
    const scores = found.similarity.map((s) => s.similarity);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(found.items[0]!.id).toBe('no-salmon');
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(ids(found)).not.toContain('dk-software');
  });

  it('answers an empty result with a hint when even the filters leave nothing', async () => {
    const found = await search('trout', '&country=GL');
    expect(found).toMatchObject({ items: [], total: 0, matchedBy: 'none' });
    expect(found.hint).toMatch(/create the company/);
  });

  it('is for staff: contact fields included, public callers turned away', async () => {
    const anonymous = await request(app.base, 'GET', '/api/v1/search/companies?q=battery', { key: null });
    expect(anonymous.status).toBe(401);
  });

  it('rejects a bad query as a problem naming the field', async () => {
    for (const [query, field] of [
      ['q=', 'q'],
      ['q=%25%25', 'q'],
      [`q=${'a '.repeat(9)}`, 'q'],
      ['q=x&limit=0', 'limit'],
      ['q=x&country=XX', 'country'],
      ['q=x&extra=1', ''],
    ] as const) {
      const r = await request(app.base, 'GET', `/api/v1/search/companies?${query}`, { key: keys.staff });
      expect(r.status, query).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      if (field) expect(JSON.stringify(r.body), query).toContain(field);
    }
  });
});
