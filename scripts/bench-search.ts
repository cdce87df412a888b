/**
 * Word search (`q`) cost against table size: fills a fresh database with synthetic companies at
 * each size and times typical and hostile searches through the repository. With the word index
 * the time of a selective search stays flat as the table grows; only searches matching many rows
 * (whose total is counted) grow with the number of matches.
 *
 *   tsx scripts/bench-search.ts --companies 10000,40000 [--database postgresql://…/db]
 *
 * A PostgreSQL database must be empty (each size needs its own; pass a server URL ending in a
 * database you can drop, or run on SQLite, the default, in a temporary folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openRepository, type Repository } from '../src/db/index.js';
import { CompanyInputSchema, toCompany } from '../src/domain/index.js';
import { syntheticCompanies } from './lib/synthetic.js';

const { values } = parseArgs({
  options: { companies: { type: 'string', default: '10000,40000' }, database: { type: 'string' }, runs: { type: 'string', default: '20' } },
});
const sizes = values.companies.split(',').map(Number);
const runs = Number(values.runs);

const SEARCHES: Record<string, string> = {
  'one rare word': 'zq7rare',
  'two words, prefix': 'batter recycl',
  'eight words': 'small family engineering firm export nordic partner batteries',
  'eight 2-letter prefixes': 'ab_cd_ef_gh_ij_kl_mn_op',
  'one common word': 'company',
};

async function freshDatabase(size: number): Promise<{ url: string; drop(): Promise<void> }> {
  if (!values.database) {
    const dir = mkdtempSync(path.join(tmpdir(), 'nh-bench-search-'));
    return { url: `file:${path.join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: values.database });
  await admin.connect();
  const name = `nh_bench_search_${size}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(values.database);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function fill(repo: Repository, n: number): Promise<void> {
  const companies = syntheticCompanies(n).map((c) => toCompany(CompanyInputSchema.parse(c)));
  companies[n >> 1] = { ...companies[n >> 1]!, description: `${companies[n >> 1]!.description} zq7rare battery recycling` };
  for (let i = 0; i < companies.length; i += 5_000) await repo.write({ companies: companies.slice(i, i + 5_000) });
}

async function median(repo: Repository, q: string): Promise<{ ms: number; total: number }> {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    total = (await repo.list('company', { limit: 50, offset: 0, q })).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1]!, total };
}

const rows: string[] = [];
for (const size of sizes) {
  const db = await freshDatabase(size);
  const repo = await openRepository(db.url);
  try {
    await fill(repo, size);
    for (const [what, q] of Object.entries(SEARCHES)) {
      const { ms, total } = await median(repo, q);
      rows.push(`| ${size.toLocaleString('en')} | ${what} | ${total.toLocaleString('en')} | ${ms.toFixed(1)} |`);
    }
  } finally {
    await repo.close();
    await db.drop();
  }
}
console.log(`Word search, median of ${runs} runs (${values.database ? 'PostgreSQL' : 'SQLite'})\n`);
console.log('| companies | search | matches | ms |\n|---|---|---|---|');
console.log(rows.join('\n'));
