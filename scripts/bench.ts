/**
 * Performance benchmark on synthetic data: import, index build/load, recommendation latency
 * (in-process and over HTTP), HNSW recall against exact search, and memory.
 *
 *   npm run bench -- [--companies 10000,100000] [--queries 1000] [--http-queries 500] [--out FILE]
 *
 * Each company count runs in its own child process (`--child`), so peak RSS is per size; the
 * parent prints one summary table with the issue's targets. The script reports, it does not
 * gate: it exits 0 when a target fails and non-zero only when something breaks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp, hashKey } from '../src/api/index.js';
import { DEFAULT_MODEL } from '../src/config.js';
import { openRepository } from '../src/db/index.js';
import type { DatasetInput } from '../src/domain/index.js';
import { isZero, sharedEmbedder, TransformersEmbedder, type CompanyFacet, type Embedder } from '../src/embedding/index.js';
import { HnswVectorIndex, type FacetIndex, type SearchHit } from '../src/index/index.js';
import { DEFAULT_RANKER, PARTNER_SIGNALS, buildFilter, rankCandidates } from '../src/matching/index.js';
import { closeEngine, type Engine } from '../src/engine/index.js';
import { openEngine } from '../src/use-cases/open-engine.js';
import { importDataset, type ImportPhase } from '../src/use-cases/import-dataset.js';
import { snapshotDir } from '../src/index-lifecycle/index.js';
import { PartnerSearchSchema, partnersForCompany, partnersForText, type PartnerFilters } from '../src/use-cases/recommend-partners.js';
import { pick, prng, syntheticDataset, syntheticSearch, wordCount, PHRASE_COUNT } from './lib/synthetic.js';

const SCRIPT = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT), '..');
const MODELS_DIR = path.join(ROOT, 'models');
const MODEL = DEFAULT_MODEL;
const WARMUP = 50;
const HTTP_WARMUP = 20;
const RECALL_SAMPLE = 200;
const EF_VALUES = [16, 32, 64, 128, 256];
const K = 10;
/** Largest size run through import, embedding and the database; larger ones use bench-scale.ts. */
const FULL_PIPELINE_MAX = 200_000;

const TARGETS = {
  p99Ms: 20,
  recall: 0.98,
  peakRssGiB: 1.5,
  embedPerSec: 2_000,
  atCompanies: 100_000,
};

// -------------------------------------------------------------------------------------------
// Figures
// -------------------------------------------------------------------------------------------

interface Stats {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

interface MemoryCheckpoint {
  label: string;
  maxRssMiB: number;
  rssMiB: number;
  heapUsedMiB: number;
}

interface QueryFigures extends Stats {
  /** Mean number of results returned. */
  results: number;
  /** Mean candidates passing the filter, and the share that took the exact-scan path. */
  allowed?: number;
  exactShare?: number;
  /** Mean ms of the ranker's pass over every company that lists the allowed ones (partner-ranker.ts). */
}

/** A fresh process that only opens the database and the snapshot and serves, as a restarted service does. */
interface ServeOnlyResult {
  loadMs: number;
  byId: QueryFigures;
  http: QueryFigures;
  maxRssKiB: number;
  rssBytes: number;
}

interface RunResult {
  companies: number;
  /** CPU other processes used meanwhile, in cores on average (Linux /proc/stat): it skews timings. */
  load: { cpus: number; otherCores: number | null };
  generate: { ms: number; meanWords: number; minWords: number; maxWords: number; phrases: number; countries: Record<string, number> };
  import: {
    modelLoadMs: number;
    totalMs: number;
    validateMs: number;
    lookupMs: number;
    embedMs: number;
    writeMs: number;
    embedded: number;
    companiesPerSec: number;
    profilesPerSec: number;
    textsPerSec: number;
    dbBytes: number;
  };
  index: { rebuildMs: number; loadMs: number; loadedFromSnapshot: boolean; snapshotBytes: number };
  latency: { byId: QueryFigures; rankOnly: QueryFigures; countrySE: QueryFigures; selective: QueryFigures; text: QueryFigures };
  http: QueryFigures;
  recall: {
    sample: number;
    byPairing: Record<string, number>;
    mean: number;
    meanAtPool: number;
    pool: number;
    hnswSearch: Stats;
    exactSearch: Stats;
    efCurve: { ef: number; recall: number; p50: number; p99: number }[];
  };
  memory: { servingMaxRssKiB: number; maxRssKiB: number; rssBytes: number; checkpoints: MemoryCheckpoint[] };
  serveOnly: ServeOnlyResult;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { count: s.length, p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), max: s[s.length - 1] ?? NaN };
}

const MiB = 1024 * 1024;
const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const fmtN = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** Left-aligned first column, right-aligned others, two spaces apart. */
function table(rows: string[][], indent = '  '): string {
  const widths: number[] = [];
  for (const r of rows) for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  return rows
    .map(
      (r) =>
        indent +
        r
          .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
    )
    .join('\n');
}

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

/** Busy CPU time of the whole machine minus this process's, per wall-clock second (Linux only). */
function otherCpuMeter(): () => number | null {
  const busyMs = (): number | null => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
      const idle = fields[3]! + (fields[4] ?? 0);
      return (fields.reduce((a, b) => a + b, 0) - idle) * 10; // USER_HZ is 100
    } catch {
      return null;
    }
  };
  const ownMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const start = { busy: busyMs(), own: ownMs(), wall: performance.now() };
  return () => {
    const busy = busyMs();
    if (busy === null || start.busy === null) return null;
    return Math.max(0, busy - start.busy - (ownMs() - start.own)) / (performance.now() - start.wall);
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

// -------------------------------------------------------------------------------------------
// Child: one company count
// -------------------------------------------------------------------------------------------

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

async function measure(count: number, warmup: number, run: (i: number) => Promise<number>): Promise<{ ms: number[]; results: number[] }> {
  for (let i = 0; i < warmup; i++) await run(-1 - i);
  const ms: number[] = [];
  const results: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const n = await run(i);
    ms.push(performance.now() - t);
    results.push(n);
  }
  return { ms, results };
}

const queryFigures = (m: { ms: number[]; results: number[] }, extra: Partial<QueryFigures> = {}): QueryFigures => ({
  ...stats(m.ms),
  results: m.results.reduce((a, b) => a + b, 0) / (m.results.length || 1),
  ...extra,
});

interface Asker {
  id: string;
  country: string;
  sectors: readonly string[];
}

function describeDataset(dataset: DatasetInput, ms: number): { askers: Asker[]; generate: RunResult['generate'] } {
  const companies = dataset.companies ?? [];
  const wordCounts = companies.map((c) => wordCount(`${c.description} ${c.offers ?? ''} ${c.needs ?? ''}`));
  const countries: Record<string, number> = {};
  for (const c of companies) countries[c.country] = (countries[c.country] ?? 0) + 1;
  return {
    askers: companies.map((c) => ({ id: c.id, country: c.country, sectors: c.sectors ?? [] })),
    generate: {
      ms,
      meanWords: wordCounts.reduce((a, b) => a + b, 0) / companies.length,
      minWords: wordCounts.reduce((a, b) => Math.min(a, b), Infinity),
      maxWords: wordCounts.reduce((a, b) => Math.max(a, b), 0),
      phrases: PHRASE_COUNT,
      countries,
    },
  };
}

async function runChild(n: number, queries: number, httpQueries: number, out: string | undefined): Promise<RunResult> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'nh-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  const checkpoints: MemoryCheckpoint[] = [];
  const checkpoint = (label: string) => {
    const m = process.memoryUsage();
    checkpoints.push({ label, maxRssMiB: process.resourceUsage().maxRSS / 1024, rssMiB: m.rss / MiB, heapUsedMiB: m.heapUsed / MiB });
  };

  try {
    const cpuMeter = otherCpuMeter();
    say(`\n=== ${fmtInt(n)} companies (pid ${process.pid}, ${cpus().length} CPUs, DATA_DIR ${tmp}) ===`);

    // 1. Synthetic data.
    let dataset: DatasetInput | undefined;
    const [, genMs] = await timed(async () => {
      dataset = syntheticDataset(n);
    });
    // A helper, so no local of this async function keeps the input alive once it is imported.
    const { askers, generate } = describeDataset(dataset!, genMs);
    say(
      `generated in ${fmtS(genMs)}: ${generate.phrases} phrases, ${generate.meanWords.toFixed(1)} words per company (${generate.minWords}-${generate.maxWords}), ` +
        Object.entries(generate.countries)
          .map(([c, k]) => `${c} ${((100 * k) / n).toFixed(0)}%`)
          .join(' '),
    );
    checkpoint('generated');

    // 2. Import through the real use-case.
    const dbUrl = `file:${path.join(tmp, 'nordichub.db')}`;
    const [embedder, modelLoadMs] = await timed(() => TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: MODEL }));
    let repo = await openRepository(dbUrl);
    const marks = new Map<ImportPhase, { first: number; last: number }>();
    const onProgress = (phase: ImportPhase, _done: number, total: number) => {
      if (phase === 'embed' && total === 0) return; // the empty cluster and opportunity lists
      const t = performance.now();
      const m = marks.get(phase);
      if (m) m.last = t;
      else marks.set(phase, { first: t, last: t });
    };
    const importStart = performance.now();
    // Embedding and writing interleave inside the import's one transaction: time the model apart.
    let embedMs = 0;
    const timedEmbedder: Embedder = {
      get modelId() {
        return embedder.modelId;
      },
      get dims() {
        return embedder.dims;
      },
      embed: async (texts, role) => {
        const t0 = performance.now();
        try {
          return await embedder.embed(texts, role);
        } finally {
          embedMs += performance.now() - t0;
        }
      },
      dispose: () => embedder.dispose(),
    };
    const report = await importDataset(dataset, { repo, embedder: timedEmbedder, onProgress });
    const totalMs = performance.now() - importStart;
    dataset = undefined;
    const span = (p: ImportPhase) => (marks.get(p) ? marks.get(p)!.last - marks.get(p)!.first : 0);
    const validateMs = marks.get('validate')!.last - importStart;
    const writeMs = span('embed') - embedMs;
    if (report.companies.created !== n) throw new Error(`import created ${report.companies.created} companies, expected ${n}`);
    const imp = {
      modelLoadMs,
      totalMs,
      validateMs,
      lookupMs: totalMs - validateMs - span('embed'),
      embedMs,
      writeMs,
      embedded: report.embedded,
      companiesPerSec: n / (totalMs / 1000),
      profilesPerSec: n / (embedMs / 1000),
      textsPerSec: report.embedded / (embedMs / 1000),
      dbBytes: 0,
    };
    imp.dbBytes = dirBytes(tmp);
    say('\nImport (importDataset)');
    say(
      table([
        ['phase', 'time', 'throughput'],
        ['validate (zod + references)', fmtS(validateMs), ''],
        ['lookups (existing ids, stored hashes)', fmtS(imp.lookupMs), ''],
        ['embed', fmtS(embedMs), `${fmtInt(imp.profilesPerSec)} profiles/s (${fmtInt(imp.textsPerSec)} texts/s)`],
        ['write (one transaction, interleaved)', fmtS(writeMs), `${fmtInt(n / (writeMs / 1000))} companies/s`],
        ['total', fmtS(totalMs), `${fmtInt(imp.companiesPerSec)} companies/s`],
      ]),
    );
    say(`  model load ${fmtS(modelLoadMs)}; ${fmtInt(report.embedded)} vectors; database ${(imp.dbBytes / MiB).toFixed(0)} MiB`);
    checkpoint('imported');

    // 3. Index: rebuild from the database, then load the snapshot it saved.
    const indexDir = snapshotDir(tmp);
    let first: Engine | undefined;
    const [, rebuildMs] = await timed(async () => {
      first = await openEngine({ repo, embedder: sharedEmbedder(embedder), indexDir });
    });
    if (first!.index.companies.size !== n) throw new Error(`rebuilt index holds ${first!.index.companies.size} companies, expected ${n}`);
    checkpoint('index rebuilt');
    await closeEngine(first!);
    first = undefined;
    gc();
    repo = await openRepository(dbUrl);
    let rebuiltAgain = false;
    const onIndexProgress = (phase: string) => {
      if (phase === 'index') rebuiltAgain = true;
    };
    const [engine, loadMs] = await timed(() => openEngine({ repo, embedder: sharedEmbedder(embedder), indexDir, onProgress: onIndexProgress }));
    const index = engine.index.companies;
    if (index.size !== n) throw new Error(`loaded index holds ${index.size} companies, expected ${n}`);
    const snapshotBytes = dirBytes(indexDir);
    say('\nIndex (openEngine)');
    say(
      table([
        ['rebuild from the database (no snapshot)', fmtS(rebuildMs), `${fmtInt(n / (rebuildMs / 1000))} companies/s`],
        [
          `open from the saved snapshot${rebuiltAgain ? ' (REBUILT: snapshot unusable!)' : ''}`,
          fmtS(loadMs),
          `snapshot ${(snapshotBytes / MiB).toFixed(0)} MiB`,
        ],
      ]),
    );
    checkpoint('snapshot loaded');

    // 4. In-process recommendations.
    const rng = prng(4242);
    const sample = (count: number, where: (a: Asker) => boolean = () => true): Asker[] => {
      const pool = askers.filter(where);
      return Array.from({ length: count }, () => pick(rng, pool));
    };
    const allowedFigures = (list: Asker[], filters: (a: Asker) => PartnerFilters) => {
      // How many candidates pass the filter; counted outside the timed loop.
      let allowed = 0;
      let exact = 0;
      const probe = list.slice(0, 100);
      for (const a of probe) {
        const f = filters(a) as { countries?: string[]; sectors?: string[] };
        const filter = buildFilter({ vectors: {}, country: a.country, sectors: a.sectors, excludeId: a.id }, f, index.attributes);
        const k = [...index.attributes.keys()].filter(filter).length;
        allowed += k;
        if (k <= DEFAULT_RANKER.exactScanMax) exact++;
      }
      return { allowed: allowed / probe.length, exactShare: exact / probe.length };
    };
    const byCompany = async (list: Asker[], filters: (a: Asker) => PartnerFilters) => {
      const warm = sample(WARMUP);
      return measure(list.length, WARMUP, async (i) => {
        const a = i < 0 ? warm[-1 - i]! : list[i]!;
        return (await partnersForCompany(engine, a.id, filters(a))).results.length;
      });
    };
    const plain = () => ({ limit: K });
    const toSE = () => ({ limit: K, countries: ['SE'] }) as PartnerFilters;
    const selectiveFilter = (a: Asker) => ({ limit: K, countries: ['IS'], sectors: a.sectors.slice(0, 1) }) as PartnerFilters;
    const byIdList = sample(queries);
    const seList = sample(queries, (a) => a.country !== 'SE');
    const selList = sample(queries, (a) => a.country !== 'IS' && a.sectors.length > 0);
    const byId = queryFigures(await byCompany(byIdList, plain));
    const countrySE = queryFigures(await byCompany(seList, toSE), allowedFigures(seList, toSE));
    const selective = queryFigures(await byCompany(selList, selectiveFilter), allowedFigures(selList, selectiveFilter));
    const searches = Array.from({ length: queries + WARMUP }, () => syntheticSearch(rng));
    // The ranking alone (three HNSW searches and scoring), without database reads and reasons.
    const rankOnly = queryFigures(
      await measure(queries, WARMUP, async (i) => {
        const a = byIdList[(i < 0 ? -1 - i : i) % byIdList.length]!;
        const vectors = Object.fromEntries(Object.entries(index.vectorsOf(a.id)).filter(([, v]) => v && !isZero(v))) as Partial<
          Record<CompanyFacet, Float32Array>
        >;
        return rankCandidates(index, { vectors, country: a.country, sectors: a.sectors, excludeId: a.id }, {}, K).length;
      }),
    );
    // The same ranking with the asker's country excluded by the string filter, as before label tags.
    const rankStringFilter = queryFigures(
      await measure(queries, WARMUP, async (i) => {
        const a = byIdList[(i < 0 ? -1 - i : i) % byIdList.length]!;
        const vectors = Object.fromEntries(Object.entries(index.vectorsOf(a.id)).filter(([, v]) => v && !isZero(v))) as Partial<
          Record<CompanyFacet, Float32Array>
        >;
        const query = { vectors, country: a.country, sectors: a.sectors, excludeId: a.id };
        return rankCandidates(index, query, {}, K, PARTNER_SIGNALS, { ...DEFAULT_RANKER, countryTags: false }).length;
      }),
    );
    const text = queryFigures(
      await measure(queries, WARMUP, async (i) => {
        const s = searches[i < 0 ? queries - 1 - i : i]!;
        return (await partnersForText(engine, PartnerSearchSchema.parse({ ...s, limit: K }))).results.length;
      }),
    );
    const latencyRow = (label: string, q: QueryFigures) => [
      label,
      fmtMs(q.p50),
      fmtMs(q.p99),
      fmtMs(q.mean),
      fmtMs(q.max),
      q.results.toFixed(1),
      q.allowed === undefined ? '' : fmtInt(q.allowed),
      q.exactShare === undefined ? '' : `${(100 * q.exactShare).toFixed(0)}%`,
    ];
    say(`\nRecommendations in-process (${queries} queries each after ${WARMUP} warm-up, limit ${K}; ms)`);
    say(
      table([
        ['query', 'p50', 'p99', 'mean', 'max', 'results', 'allowed', 'allowed <= exactScanMax'],
        latencyRow('partnersForCompany', byId),
        latencyRow('  of which ranking alone', rankOnly),
        latencyRow('  ranking alone, string filter (before tags)', rankStringFilter),
        latencyRow("  countries ['SE']", countrySE),
        latencyRow("  countries ['IS'] + 1 sector", selective),
        latencyRow('partnersForText', text),
      ]),
    );

    // 5. Over HTTP, loopback, one request at a time.
    const http = await httpLatency(engine, sample(httpQueries), sample(HTTP_WARMUP));
    say(`\nHTTP GET /api/v1/companies/{id}/partners?limit=${K} (127.0.0.1, sequential, ${httpQueries} requests after ${HTTP_WARMUP} warm-up; ms)`);
    say(
      table([
        ['', 'p50', 'p99', 'mean', 'max', 'results'],
        [`GET partners`, fmtMs(http.p50), fmtMs(http.p99), fmtMs(http.mean), fmtMs(http.max), http.results.toFixed(1)],
      ]),
    );
    checkpoint('served');
    const servingMaxRssKiB = process.resourceUsage().maxRSS;

    // 6. Recall@10 of the HNSW path against an exact scan over the same vectors.
    const recall = await measureRecall(index, sample(RECALL_SAMPLE), indexDir);
    say(
      `\nRecall of HNSW (m ${index.params.m}, efConstruction ${index.params.efConstruction}, efSearch ${index.params.efSearch}) against exact search, cross-border filter, ${RECALL_SAMPLE} companies`,
    );
    say(
      table([
        ['pairing (query -> candidate facet)', `recall@${K}`],
        ...PARTNER_SIGNALS.facets.map((s) => [`${s.query} -> ${s.candidate}`, recall.byPairing[s.name]!.toFixed(4)]),
        ['mean', recall.mean.toFixed(4)],
        [`mean recall@${recall.pool} (the ranker's candidate pool)`, recall.meanAtPool.toFixed(4)],
      ]),
    );
    say(
      `  one facet search (ms): HNSW p50 ${fmtMs(recall.hnswSearch.p50)} p99 ${fmtMs(recall.hnswSearch.p99)}; exact scan p50 ${fmtMs(recall.exactSearch.p50)} p99 ${fmtMs(recall.exactSearch.p99)}`,
    );
    say(`\nefSearch curve (profile -> profile, the snapshot's graph loaded with each efSearch, k ${K}; ms per search)`);
    say(
      table([
        ['efSearch', `recall@${K}`, 'p50', 'p99'],
        ...recall.efCurve.map((e) => [String(e.ef), e.recall.toFixed(4), fmtMs(e.p50), fmtMs(e.p99)]),
        ['exact scan', '1.0000', fmtMs(recall.exactSearch.p50), fmtMs(recall.exactSearch.p99)],
      ]),
    );

    // 7. Memory.
    checkpoint('end');
    const memory = { servingMaxRssKiB, maxRssKiB: process.resourceUsage().maxRSS, rssBytes: process.memoryUsage().rss, checkpoints };
    say('\nMemory (MiB)');
    say(table([['after', 'peak RSS', 'RSS', 'JS heap'], ...checkpoints.map((c) => [c.label, fmtInt(c.maxRssMiB), fmtInt(c.rssMiB), fmtInt(c.heapUsedMiB)])]));

    await closeEngine(engine);
    await embedder.dispose();
    // Read before the serve-only process starts: its CPU is ours, not another's.
    const otherCores = cpuMeter();

    // 8. A restarted service: a fresh process that loads the snapshot and serves, nothing else.
    const serveOnly = await spawnBench<ServeOnlyResult>(
      ['--serve-only', '--data-dir', tmp, '--companies', String(n), '--queries', String(queries), '--http-queries', String(httpQueries)],
      `serve-only process for ${n} companies`,
    );
    say(`\nServe-only process (opens the database and snapshot, then ${queries} in-process and ${httpQueries} HTTP queries)`);
    say(
      table([
        ['snapshot load', 'partners p50', 'p99', 'HTTP p50', 'p99', 'peak RSS', 'RSS'],
        [
          fmtS(serveOnly.loadMs),
          `${fmtMs(serveOnly.byId.p50)} ms`,
          `${fmtMs(serveOnly.byId.p99)} ms`,
          `${fmtMs(serveOnly.http.p50)} ms`,
          `${fmtMs(serveOnly.http.p99)} ms`,
          `${fmtInt(serveOnly.maxRssKiB / 1024)} MiB`,
          `${fmtInt(serveOnly.rssBytes / MiB)} MiB`,
        ],
      ]),
    );

    if (otherCores !== null) say(`\nOther processes used ${otherCores.toFixed(2)} of ${cpus().length} CPUs on average during this run.`);
    const result: RunResult = {
      companies: n,
      load: { cpus: cpus().length, otherCores },
      generate,
      import: imp,
      index: { rebuildMs, loadMs, loadedFromSnapshot: !rebuiltAgain, snapshotBytes },
      latency: { byId, rankOnly, countrySE, selective, text },
      http,
      recall,
      memory,
      serveOnly,
    };
    if (out) writeFileSync(out, JSON.stringify(result, null, 2));
    return result;
  } finally {
    cleanup();
  }
}

async function runServeOnly(dataDir: string, n: number, queries: number, httpQueries: number, out: string | undefined): Promise<ServeOnlyResult> {
  const repo = await openRepository(`file:${path.join(dataDir, 'nordichub.db')}`);
  const embedder = await TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: MODEL });
  let rebuilt = false;
  const [engine, loadMs] = await timed(() =>
    openEngine({
      repo,
      embedder,
      indexDir: snapshotDir(dataDir),
      onProgress: (phase) => {
        if (phase === 'index') rebuilt = true;
      },
    }),
  );
  if (rebuilt) throw new Error('the serve-only process found no usable snapshot and rebuilt the index');
  const index = engine.index.companies;
  if (index.size !== n) throw new Error(`serve-only index holds ${index.size} companies, expected ${n}`);
  const rng = prng(777);
  const keys = [...index.attributes.keys()];
  const sample = (count: number): Asker[] =>
    Array.from({ length: count }, () => {
      const id = pick(rng, keys);
      const a = index.attributes.get(id)!;
      return { id, country: a.country, sectors: a.sectors };
    });
  const list = sample(queries);
  const warm = sample(WARMUP);
  const byId = queryFigures(
    await measure(queries, WARMUP, async (i) => (await partnersForCompany(engine, (i < 0 ? warm[-1 - i]! : list[i]!).id, { limit: K })).results.length),
  );
  const http = await httpLatency(engine, sample(httpQueries), sample(HTTP_WARMUP));
  const result: ServeOnlyResult = { loadMs, byId, http, maxRssKiB: process.resourceUsage().maxRSS, rssBytes: process.memoryUsage().rss };
  await closeEngine(engine);
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  return result;
}

/** GET …/partners over loopback HTTP, one request at a time, through the real app. */
async function httpLatency(engine: Engine, list: readonly Asker[], warm: readonly Asker[]): Promise<QueryFigures> {
  // All requests come from one IP: the per-IP limit (300 a minute) would stop the run, as in bench:load.
  const app = buildApp({ engine: () => engine, adminKeyHash: hashKey('x'.repeat(20)), rateLimits: { perIpPerMinute: 1e9, perKeyPerMinute: 1e9 } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return queryFigures(
      await measure(list.length, warm.length, async (i) => {
        const a = i < 0 ? warm[-1 - i]! : list[i]!;
        const res = await fetch(`${base}/api/v1/companies/${encodeURIComponent(a.id)}/partners?limit=${K}`);
        const body = await res.text();
        if (res.status !== 200) throw new Error(`GET partners for ${a.id}: HTTP ${res.status} ${body.slice(0, 300)}`);
        return (JSON.parse(body) as { results: unknown[] }).results.length;
      }),
    );
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function measureRecall(index: FacetIndex, askers: Asker[], indexDir: string): Promise<RunResult['recall']> {
  const pool = Math.max(K * DEFAULT_RANKER.poolFactor, DEFAULT_RANKER.minPool);
  const allKeys = new Map<string, string[]>();
  for (const [facet, vi] of index.indexes) allKeys.set(facet, [...vi.keys()]);
  const overlap = (got: SearchHit[], want: SearchHit[]) => {
    if (want.length === 0) return 1;
    const keys = new Set(got.map((h) => h.key));
    return want.filter((h) => keys.has(h.key)).length / want.length;
  };
  const byPairing: Record<string, number> = {};
  let sum = 0;
  let sumPool = 0;
  let pairs = 0;
  const hnswMs: number[] = [];
  const exactMs: number[] = [];
  /** Exact top-k of profile -> profile per asker, for the efSearch curve. */
  const profileTruth: { q: Float32Array; filter: (id: string) => boolean; want: SearchHit[] }[] = [];
  for (const signal of PARTNER_SIGNALS.facets) {
    let s = 0;
    let k = 0;
    const target = index.facet(signal.candidate);
    for (const a of askers) {
      const q = index.facet(signal.query).get(a.id);
      if (!q) continue;
      const filter = buildFilter({ vectors: {}, country: a.country, sectors: a.sectors, excludeId: a.id }, {}, index.attributes);
      let t = performance.now();
      const exact = target.search(q, pool, { filter, within: allKeys.get(signal.candidate)! });
      exactMs.push(performance.now() - t);
      t = performance.now();
      const got = target.search(q, K, { filter });
      hnswMs.push(performance.now() - t);
      const gotPool = target.search(q, pool, { filter });
      const want = exact.slice(0, K);
      const r = overlap(got, want);
      s += r;
      k++;
      sumPool += overlap(gotPool, exact);
      if (signal.query === 'profile' && signal.candidate === 'profile') profileTruth.push({ q, filter, want });
    }
    byPairing[signal.name] = k ? s / k : NaN;
    sum += s;
    pairs += k;
  }

  // The curve runs on the very graph the engine serves: its snapshot, loaded once per efSearch.
  const manifest = JSON.parse(readFileSync(path.join(indexDir, 'current.json'), 'utf8')) as { generation: string };
  const prefix = path.join(indexDir, manifest.generation, 'profile');
  const efCurve: RunResult['recall']['efCurve'] = [];
  for (const ef of EF_VALUES) {
    let graph: HnswVectorIndex | undefined = await HnswVectorIndex.load(prefix, ef);
    let r = 0;
    const ms: number[] = [];
    for (const { q, filter } of profileTruth.slice(0, 20)) graph.search(q, K, { filter }); // warm-up
    for (const { q, filter, want } of profileTruth) {
      const t = performance.now();
      const got = graph.search(q, K, { filter });
      ms.push(performance.now() - t);
      r += overlap(got, want);
    }
    const st = stats(ms);
    efCurve.push({ ef, recall: r / profileTruth.length, p50: st.p50, p99: st.p99 });
    graph = undefined;
    gc();
  }
  return {
    sample: askers.length,
    byPairing,
    mean: sum / pairs,
    meanAtPool: sumPool / pairs,
    pool,
    hnswSearch: stats(hnswMs),
    exactSearch: stats(exactMs),
    efCurve,
  };
}

// -------------------------------------------------------------------------------------------
// Parent: one child per company count, then the summary
// -------------------------------------------------------------------------------------------

/** Runs this script again in a fresh Node process (so its peak RSS is its own) and returns its JSON figures. */
function spawnBench<T>(args: readonly string[], what: string): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nh-bench-result-'));
  const out = path.join(dir, 'result.json');
  const argv = ['--expose-gc', '--import', 'tsx', SCRIPT, ...args, '--out', out];
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      try {
        if (code !== 0) throw new Error(`${what} failed (${signal ?? `exit code ${code}`})`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as T);
      } catch (err) {
        reject(err as Error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

interface TargetCheck {
  metric: string;
  target: string;
  value: number;
  pass: boolean;
}

function checkTargets(r: RunResult): TargetCheck[] {
  const rssGiB = r.memory.servingMaxRssKiB / 1024 / 1024;
  const serveGiB = r.serveOnly.maxRssKiB / 1024 / 1024;
  return [
    { metric: 'partners p99 in-process', target: `< ${TARGETS.p99Ms} ms`, value: r.latency.byId.p99, pass: r.latency.byId.p99 < TARGETS.p99Ms },
    { metric: `recall@${K} (mean of 3 pairings)`, target: `>= ${TARGETS.recall}`, value: r.recall.mean, pass: r.recall.mean >= TARGETS.recall },
    { metric: 'peak RSS (import + serve)', target: `< ${TARGETS.peakRssGiB} GiB`, value: rssGiB, pass: rssGiB < TARGETS.peakRssGiB },
    { metric: 'peak RSS (serve only)', target: `< ${TARGETS.peakRssGiB} GiB`, value: serveGiB, pass: serveGiB < TARGETS.peakRssGiB },
    {
      metric: 'embedding throughput',
      target: `>= ${fmtInt(TARGETS.embedPerSec)} profiles/s`,
      value: r.import.profilesPerSec,
      pass: r.import.profilesPerSec >= TARGETS.embedPerSec,
    },
  ];
}

function printSummary(runs: RunResult[]): TargetCheck[] {
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const ratioLabel = runs.length > 1 ? `${fmtN(last.companies)}/${fmtN(first.companies)}` : '';
  const ratio = (f: (r: RunResult) => number) => (runs.length > 1 ? `x${(f(last) / f(first)).toFixed(2)}` : '');
  const checks = checkTargets(last);
  const targetOf = (metric: string) => checks.find((c) => c.metric === metric);
  type Row = [label: string, value: (r: RunResult) => number, format: (x: number) => string, target?: string];
  const rows: Row[] = [
    ['import total (s)', (r) => r.import.totalMs / 1000, (x) => x.toFixed(1)],
    ['  validate (s)', (r) => r.import.validateMs / 1000, (x) => x.toFixed(1)],
    ['  lookups (s)', (r) => r.import.lookupMs / 1000, (x) => x.toFixed(1)],
    ['  embed (s)', (r) => r.import.embedMs / 1000, (x) => x.toFixed(1)],
    ['  write (s)', (r) => r.import.writeMs / 1000, (x) => x.toFixed(1)],
    ['import throughput (companies/s)', (r) => r.import.companiesPerSec, fmtInt],
    ['embedding (profiles/s)', (r) => r.import.profilesPerSec, fmtInt, 'embedding throughput'],
    ['index rebuild (s)', (r) => r.index.rebuildMs / 1000, (x) => x.toFixed(1)],
    ['index snapshot load (s)', (r) => r.index.loadMs / 1000, (x) => x.toFixed(2)],
    ['partners p50 (ms)', (r) => r.latency.byId.p50, fmtMs],
    ['partners p99 (ms)', (r) => r.latency.byId.p99, fmtMs, 'partners p99 in-process'],
    ['  ranking alone p50 (ms)', (r) => r.latency.rankOnly.p50, fmtMs],
    ["  countries ['SE'] p50 (ms)", (r) => r.latency.countrySE.p50, fmtMs],
    ["  countries ['SE'] p99 (ms)", (r) => r.latency.countrySE.p99, fmtMs],
    ["  ['IS'] + sector p50 (ms)", (r) => r.latency.selective.p50, fmtMs],
    ["  ['IS'] + sector p99 (ms)", (r) => r.latency.selective.p99, fmtMs],
    ['partnersForText p50 (ms)', (r) => r.latency.text.p50, fmtMs],
    ['partnersForText p99 (ms)', (r) => r.latency.text.p99, fmtMs],
    ['HTTP GET partners p50 (ms)', (r) => r.http.p50, fmtMs],
    ['HTTP GET partners p99 (ms)', (r) => r.http.p99, fmtMs],
    [`recall@${K} HNSW vs exact`, (r) => r.recall.mean, (x) => x.toFixed(4), `recall@${K} (mean of 3 pairings)`],
    ...EF_VALUES.map((ef): Row => [`  efSearch ${ef} recall / p99 ms`, (r) => r.recall.efCurve.find((e) => e.ef === ef)?.recall ?? NaN, (x) => x.toFixed(4)]),
    ['peak RSS import + serve (MiB)', (r) => r.memory.servingMaxRssKiB / 1024, fmtInt, 'peak RSS (import + serve)'],
    ['peak RSS whole run (MiB)', (r) => r.memory.maxRssKiB / 1024, fmtInt],
    ['peak RSS serve-only process (MiB)', (r) => r.serveOnly.maxRssKiB / 1024, fmtInt, 'peak RSS (serve only)'],
    ['  its partners p99 (ms)', (r) => r.serveOnly.byId.p99, fmtMs],
    ['  its HTTP GET partners p99 (ms)', (r) => r.serveOnly.http.p99, fmtMs],
    ['RSS at end (MiB)', (r) => r.memory.rssBytes / MiB, fmtInt],
    ["other processes' CPU (cores)", (r) => r.load.otherCores ?? NaN, (x) => x.toFixed(2)],
  ];
  const header = ['', ...runs.map((r) => `${fmtN(r.companies)} companies`), ratioLabel, `target (at ${fmtN(last.companies)})`, ''];
  const lines = rows.map(([label, value, format, target]) => {
    const check = target ? targetOf(target) : undefined;
    const efMatch = /efSearch (\d+)/.exec(label);
    const cell = (r: RunResult) => {
      if (!efMatch) return format(value(r));
      const e = r.recall.efCurve.find((x) => x.ef === Number(efMatch[1]));
      return e ? `${e.recall.toFixed(4)} / ${fmtMs(e.p99)}` : '';
    };
    return [
      label,
      ...runs.map(cell),
      efMatch || label.startsWith('other') ? '' : ratio(value),
      check?.target ?? '',
      check ? (check.pass ? 'PASS' : 'FAIL') : '',
    ];
  });
  say(`\n=== Summary (${runs.map((r) => fmtN(r.companies)).join(' vs ')} companies) ===`);
  say(table([header, ...lines]));
  if (last.companies !== TARGETS.atCompanies)
    say(`  note: the targets are set for ${fmtN(TARGETS.atCompanies)} companies; checked here at ${fmtN(last.companies)}.`);
  say('  peak RSS "import + serve": one process that imported, built the index and served (before the bench-only recall runs);');
  say('  "serve-only": a fresh process that loaded the snapshot and served, as a restarted service.');
  const busy = runs.filter((r) => (r.load.otherCores ?? 0) > 0.2);
  if (busy.length)
    say(
      `  warning: other processes used CPU during the ${busy.map((r) => fmtN(r.companies)).join(', ')} run (see "other processes' CPU"); timings are pessimistic.`,
    );
  return checks;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      companies: { type: 'string', default: '10000,100000' },
      queries: { type: 'string', default: '1000' },
      'http-queries': { type: 'string', default: '500' },
      out: { type: 'string' },
      child: { type: 'boolean', default: false },
      'serve-only': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const positive = (name: string, v: string) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer, got "${v}"`);
    return x;
  };
  const sizes = values.companies.split(',').map((s) => positive('companies', s.trim().replace(/_/g, '')));
  const queries = positive('queries', values.queries);
  const httpQueries = positive('http-queries', values['http-queries']);

  if (values['serve-only']) {
    if (sizes.length !== 1 || !values['data-dir']) throw new Error('--serve-only needs --data-dir and exactly one company count');
    await runServeOnly(values['data-dir'], sizes[0]!, queries, httpQueries, values.out);
    return;
  }
  if (values.child) {
    if (sizes.length !== 1) throw new Error('--child runs exactly one company count');
    await runChild(sizes[0]!, queries, httpQueries, values.out);
    return;
  }
  // Beyond this, importing and embedding real texts takes longer than the index itself: the
  // scale benchmark builds the same index from synthetic vectors in the embedding space instead,
  // and measures the smaller size the same way so growth can be read off.
  if (sizes.some((n) => n > FULL_PIPELINE_MAX)) {
    // 100k always runs beside the larger sizes, so growth can be read off.
    const scaleSizes = [...new Set([100_000, ...sizes])].sort((a, b) => a - b);
    say(
      `Sizes over ${fmtN(FULL_PIPELINE_MAX)}: index benchmark with synthetic vectors in the embedding space (scripts/bench-scale.ts), ${scaleSizes.map(fmtN).join(', ')} companies.`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench-scale.ts'), '--companies', scaleSizes.join(',')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`bench-scale exited ${code}`);
    return;
  }
  say(`NordicHub Partner Match benchmark: ${sizes.map(fmtN).join(', ')} companies, ${queries} queries, ${httpQueries} HTTP requests; node ${process.version}`);
  const runs: RunResult[] = [];
  for (const n of sizes) {
    const args = ['--child', '--companies', String(n), '--queries', String(queries), '--http-queries', String(httpQueries)];
    runs.push(await spawnBench<RunResult>(args, `benchmark child for ${n} companies`));
  }
  const checks = printSummary(runs);
  if (values.out) {
    writeFileSync(values.out, JSON.stringify({ createdAt: new Date().toISOString(), node: process.version, targets: TARGETS, checks, runs }, null, 2));
    say(`\nfigures written to ${values.out}`);
  }
}

main().then(
  // Open handles (the HTTP client's keep-alive pool, the model) must not keep the process alive.
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
