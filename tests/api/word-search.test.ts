// Word search (`q`) over real HTTP on the database's own word index (SQLite FTS5, PostgreSQL
// tsvector): every word must appear, prefixes match, letter case, accents and Nordic letters
// fold, writes are searchable at once, and no query is expensive or a 500.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../src/db/index.js';
import { isPostgresUrl, migratePostgres, migrateSqlite } from '../../src/db/migrate.js';
import { CompanyInputSchema, foldText, MAX_SEARCH_MATCHES, searchWords, toCompany } from '../../src/domain/index.js';
import { exportSet } from '../fixtures/export-set.js';
import { databaseFor, ROOT, tempDir } from '../helpers.js';
import { servedToStaff } from './client.js';

const ADMIN = 'test-admin-key-word-search-0123456789';
const { app, call } = servedToStaff(exportSet, ADMIN);

const NORDIC = {
  id: 'is-zq7',
  name: 'Þórsdóttir & Ðalur ehf',
  country: 'IS',
  description: 'Æble-cider from Øresund; Åland battery recycling.',
  offers: 'Hákarl catering',
  needs: 'A Straße partner',
  clusterIds: [],
  sectors: ['food'],
  partnerTypes: ['distributor'],
  employees: 12,
  website: 'https://zq7.example',
};

beforeAll(async () => {
  expect((await call('POST', '/api/v1/companies', { body: NORDIC })).status).toBe(201);
}, 60_000);

const search = async (q: string, type: 'companies' | 'clusters' | 'opportunities' = 'companies') => {
  const r = await call('GET', `/api/v1/${type}?limit=500&q=${encodeURIComponent(q)}`, { key: null });
  expect(r.status, `q=${q}: ${r.text}`).toBe(200);
  return r.body.items.map((e) => e.id).sort();
};

describe('word search', () => {
  it('folds letter case, accents and Nordic letters the same way on both sides', async () => {
    for (const q of [
      'thorsdottir',
      'ÞÓRSDÓTTIR',
      'þórsdóttir',
      'dalur',
      'ðalur',
      'aeble',
      'ÆBLE',
      'oresund',
      'øresund',
      'aland',
      'ÅLAND',
      'hakarl',
      'HÁKARL',
      'strasse',
      'STRASSE',
    ]) {
      expect(await search(q), q).toEqual(['is-zq7']);
    }
    expect(foldText('ÞÓRSDÓTTIR Æble Øre Ðalur Åland ß')).toBe('thorsdottir aeble ore dalur aland ss');
  });

  it('needs every word, matches prefixes of 2+ letters, and searches name, description, offers, needs and id', async () => {
    expect(await search('batter recycl')).toEqual(['is-zq7']);
    expect(await search('battery nowhere-to-be-found')).toEqual([]);
    expect(await search('catering')).toEqual(['is-zq7']); // offers
    expect(await search('partner strasse')).toEqual(['is-zq7']); // needs
    expect(await search('is-zq7')).toEqual(['is-zq7']); // id, split as the text is
    expect(await search('thorsdottir ehf')).toEqual(['is-zq7']); // name
    expect(await search('NORDPACK wholesale')).toEqual(['se-dist']);
  });

  it('reads % and _ and other punctuation as separators; a query without words lists everything', async () => {
    const all = (await app.t.repo.list('company', { limit: 500, offset: 0 })).items.map((c) => c.id).sort();
    expect(await search('%')).toEqual(all);
    expect(await search('_%_ ,;')).toEqual(all);
    expect(await search('_Nordpack%')).toEqual(['se-dist']);
    expect(await search('"battery" OR *')).toEqual(['is-zq7']);
    expect(await search("bat' & !ter:*")).toEqual([]); // "bat" and "ter" must both appear
  });

  it('finds a write at once, and forgets a changed or deleted text', async () => {
    const id = 'fi-search-1';
    expect(
      (await call('POST', '/api/v1/companies', { body: { ...NORDIC, id, name: 'Kvarkenbrygga Oy', description: 'Hydrogen ferries.', offers: '', needs: '' } }))
        .status,
    ).toBe(201);
    expect(await search('kvarken hydrogen')).toEqual([id]);
    expect((await call('PATCH', `/api/v1/companies/${id}`, { body: { description: 'Electric ferries.' } })).status).toBe(200);
    expect(await search('kvarken hydrogen')).toEqual([]);
    expect(await search('kvarken electric')).toEqual([id]);
    expect((await call('DELETE', `/api/v1/companies/${id}`, { key: ADMIN })).status).toBeLessThan(300);
    expect(await search('kvarken')).toEqual([]);
  });

  it('answers whole profiles, as the list without words does', async () => {
    const r = await call('GET', '/api/v1/companies?q=thorsdottir', { key: null });
    const plain = await call('GET', '/api/v1/companies?country=IS&limit=500', { key: null });
    expect(r.body.items).toEqual(plain.body.items.filter((c: { id: string }) => c.id === 'is-zq7'));
    expect(r.body.items[0]).toMatchObject({ employees: 12, sectors: ['food'], partnerTypes: ['distributor'], website: 'https://zq7.example' });
    expect(r.body.total).toBe(1);
  });

  it('works for clusters and opportunities, with the other filters', async () => {
    expect(await search('paper mills', 'clusters')).toEqual(expect.arrayContaining(['cl-fi-pack']));
    expect(await search('grocer', 'opportunities')).toEqual(expect.arrayContaining(['op-fi-boxes']));
    const r = await call('GET', '/api/v1/companies?q=packaging&country=SE', { key: null });
    expect(r.body.items.map((c: { id: string }) => c.id)).toEqual(['se-dist']);
    expect(r.body.total).toBe(1);
    const paged = await call('GET', '/api/v1/companies?q=a&limit=1&offset=0', { key: null });
    expect(paged.status).toBe(200);
  });
});

describe('what a query may cost', () => {
  it('counts words after the same split the search uses: at most 8, and 200 characters', async () => {
    for (const q of ['a_b_c_d_e_f_g_h_i', 'a%b%c%d%e%f%g%h%i', 'a.b.c.d.e.f.g.h.i', 'x'.repeat(201)]) {
      const r = await call('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`, { key: null });
      expect(r.status, q).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.problem?.errors?.[0]?.path).toBe('query.q');
    }
    expect(searchWords('a_b_c_d_e_f_g_h')).toHaveLength(8);
    expect((await call('GET', `/api/v1/companies?q=${encodeURIComponent('a_b_c_d_e_f_g_h')}`, { key: null })).status).toBe(200);
  });

  it('answers hostile queries at once with 400 or 200, never 500', async () => {
    const hostile = [
      'a%'.repeat(100), // 100 words: once "too many SQL variables", a 500
      'Ab_'.repeat(66), // 66 words: once 1.6 s of LIKE scans at 40k companies
      Array.from({ length: 100 }, (_, i) => `w${i}`)
        .join('%')
        .slice(0, 200),
      'ab%'.repeat(66),
      '_'.repeat(200),
      '%'.repeat(200),
      'ä'.repeat(200),
      'a '.repeat(8) + 'x'.repeat(180),
      '"*^:()-+NEAR/AND{}[]',
    ];
    for (const q of hostile) {
      const started = Date.now();
      const r = await call('GET', `/api/v1/companies?q=${encodeURIComponent(q)}`, { key: null });
      expect([200, 400], `${q}: ${r.text}`).toContain(r.status);
      // Generous: an index lookup takes milliseconds; the old LIKE scan took seconds at scale.
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });
});

describe('a word in most rows', () => {
  it('looks at no more than MAX_SEARCH_MATCHES rows: the cost is bounded, the total says so', async () => {
    const dir = tempDir();
    const repo = await openRepository(await databaseFor(dir.dir));
    try {
      const n = MAX_SEARCH_MATCHES + 100;
      const companies = Array.from({ length: n }, (_, i) =>
        toCompany(
          CompanyInputSchema.parse({ id: `c-${String(i).padStart(5, '0')}`, name: `Common ${i}`, country: i % 2 ? 'FI' : 'SE', description: 'Everywhere.' }),
        ),
      );
      await repo.write({ companies });
      const page = await repo.list('company', { limit: 10, offset: 0, q: 'everywhere' });
      expect(page.total).toBe(MAX_SEARCH_MATCHES);
      expect(page.items.map((c) => c.id)).toEqual([...page.items.map((c) => c.id)].sort());
      expect((await repo.list('company', { limit: 10, offset: 0, q: 'everywhere common 2049' })).items.map((c) => c.id)).toEqual(['c-02049']);
      expect((await repo.list('company', { limit: 10, offset: 0 })).total).toBe(n);
      // The other filters apply with words too.
      expect((await repo.list('company', { limit: 10, offset: 0, q: 'common 2049', createdSince: new Date(Date.now() - 60_000) })).total).toBe(1);
      expect((await repo.list('company', { limit: 10, offset: 0, q: 'common 2049', createdSince: new Date(Date.now() + 60_000) })).total).toBe(0);
      expect((await repo.list('company', { limit: 10, offset: 0, q: 'common 2049', country: 'SE' })).total).toBe(0);
    } finally {
      await repo.close();
      dir.cleanup();
    }
  });
});

describe('the migration', () => {
  it('indexes the rows written before it', async () => {
    const dir = tempDir();
    try {
      const url = await databaseFor(dir.dir);
      const postgres = isPostgresUrl(url);
      const source = path.join(ROOT, postgres ? 'prisma/postgres/migrations' : 'prisma/migrations');
      const before = path.join(dir.dir, 'migrations');
      mkdirSync(before);
      const names = readdirSync(source).filter((n) => n < '20261204110000_word_search');
      for (const n of names) cpSync(path.join(source, n), path.join(before, n), { recursive: true });
      const insert = `INSERT INTO "Company" ("id", "name", "country", "clusterIds", "description", "offers", "needs", "sectors", "partnerTypes", "createdAt", "updatedAt")
        VALUES ('old-one', 'Vanha Øljymylly', 'FI', '[]', 'Rapeseed oil pressing.', '', '', '[]', '[]', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`;
      if (postgres) {
        await migratePostgres(url, before);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(insert);
        await client.end();
      } else {
        const file = url.slice('file:'.length);
        migrateSqlite(file, before);
        const db = new Database(file);
        db.exec(insert);
        db.close();
      }
      const repo = await openRepository(url); // applies the word-search migration
      try {
        expect((await repo.list('company', { limit: 10, offset: 0, q: 'oljymyl RAPESEED' })).items.map((c) => c.id)).toEqual(['old-one']);
      } finally {
        await repo.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});
