// `npm run eval -- FILE.json`: imports a judged data set into a throw-away database and prints
// partner, opportunity and cluster matching quality, each beside a BM25 keyword baseline. Then
// holds the staff feedback recorded in the configured database (DATABASE_URL / DATA_DIR) against
// the live ranking: a second source of judgments. `--feedback-only` skips the data set.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withEngine } from '../src/cli/engine.js';
import { allEntities, isPostgresUrl, openRepository } from '../src/db/index.js';
import { sqliteFilePath } from '../src/db/migrate.js';
import { TransformersEmbedder } from '../src/embedding/index.js';
import { DEFAULT_MODEL, loadConfig, type Config } from '../src/config.js';
import {
  evaluateClusters,
  evaluateFeedback,
  evaluateOpportunities,
  evaluatePartners,
  evaluateVisitorQueries,
  FEEDBACK_DEPTH,
  translationAccuracy,
  crossCheck,
  crossValidateVerdicts,
  fitStrength,
  type FeedbackEvaluation,
  type ScoredSample,
  type FeedbackFigures,
  type Grades,
  type QualityFigures,
  type TranslationPair,
  type VisitorEvaluation,
  type VisitorQuery,
} from '../src/evaluation/index.js';
import { FEEDBACK_KINDS } from '../src/domain/index.js';
import { NORDIC_LANGUAGES } from '../src/embedding/index.js';
import { closeEngine } from '../src/engine/index.js';
import { openEngine } from '../src/use-cases/open-engine.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { snapshotDir } from '../src/index-lifecycle/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', default: process.env['MODEL'] ?? DEFAULT_MODEL },
    pairs: { type: 'string', default: path.resolve(import.meta.dirname, '../tests/fixtures/translation-pairs.json') },
    json: { type: 'boolean', default: false },
    'feedback-only': { type: 'boolean', default: false },
    fit: { type: 'boolean', default: false },
    visitors: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/data/visitor-queries-dev.json') },
  },
});
const file = positionals[0] ?? path.resolve(import.meta.dirname, '../../shared/data/dev-set.json');
type Judgments = Record<string, Grades>;

const devSet = values['feedback-only'] ? undefined : await evaluateDevSet(file);
const feedback = await evaluateStaffFeedback(loadConfig());
if (values.json) {
  const { translationPairs: _, visitors, ...devSetFigures } = devSet ?? {};
  const { runs: __, ...visitorFigures } = visitors ?? {};
  console.log(JSON.stringify({ ...devSetFigures, visitors: visitors ? visitorFigures : undefined, feedback }, null, 2));
} else {
  if (devSet) printDevSet(devSet);
  if (devSet) calibrate(devSet);
  printFeedback(feedback, devSet !== undefined);
}
if ([devSet?.partners, devSet?.opportunities, devSet?.clusters].some((r) => (r?.engine.sameCountryResults ?? 0) > 0)) process.exitCode = 1;

async function evaluateDevSet(file: string) {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { judgments?: { partners?: Judgments; opportunities?: Judgments; clusters?: Judgments } };
  const judgments = data.judgments ?? {};
  if (!judgments.partners && !judgments.opportunities && !judgments.clusters) {
    console.error(`${file} has no judgments (partners, opportunities or clusters) to evaluate against.`);
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'nh-eval-'));
  try {
    const repo = await openRepository(`file:${path.join(dir, 'eval.db')}`);
    const embedder = await TransformersEmbedder.create({ modelsDir: path.resolve(import.meta.dirname, '../models'), model: values.model });
    await importDataset(data, { repo, embedder });
    const engine = await openEngine({ repo, embedder, indexDir: snapshotDir(dir) });
    const companies = await allEntities(repo, 'company');
    const partners = judgments.partners ? await evaluatePartners(engine, judgments.partners, companies) : undefined;
    const opportunities = judgments.opportunities
      ? await evaluateOpportunities(engine, judgments.opportunities, companies, await allEntities(repo, 'opportunity'))
      : undefined;
    const clusters = judgments.clusters ? await evaluateClusters(engine, judgments.clusters, await allEntities(repo, 'cluster')) : undefined;
    const verdicts = judgments.partners ? await crossValidateVerdicts(engine, judgments.partners) : undefined;
    const visitorQueries = existsSync(values.visitors) ? (JSON.parse(readFileSync(values.visitors, 'utf8')) as { queries: VisitorQuery[] }).queries : [];
    const visitors = visitorQueries.length
      ? await evaluateVisitorQueries(engine, visitorQueries, companies, await allEntities(repo, 'opportunity'))
      : undefined;
    const pairs = existsSync(values.pairs) ? (JSON.parse(readFileSync(values.pairs, 'utf8')) as { pairs: TranslationPair[] }).pairs : [];
    const translation = pairs.length ? await translationAccuracy(embedder, pairs, NORDIC_LANGUAGES) : {};
    await closeEngine(engine);
    return { file, model: embedder.modelId, partners, opportunities, clusters, visitors, verdicts, translation, translationPairs: pairs.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printDevSet(r: Awaited<ReturnType<typeof evaluateDevSet>>): void {
  const { partners: result, opportunities, clusters } = r;
  const row = (name: string, q: QualityFigures) =>
    `${name.padEnd(22)} ${String(q.queries).padStart(7)} ${q.ndcg5.toFixed(3).padStart(8)} ${q.p5.toFixed(3).padStart(8)} ${q.recall10.toFixed(3).padStart(9)} ${q.mrr.toFixed(3).padStart(8)}`;
  const header = `${'ranking'.padEnd(22)} ${'queries'.padStart(7)} ${'nDCG@5'.padStart(8)} ${'P@5'.padStart(8)} ${'Recall@10'.padStart(9)} ${'MRR'.padStart(8)}`;
  console.log(`Matching quality on ${path.basename(r.file)} with model ${r.model}, ${new Date().toISOString().slice(0, 10)}`);
  if (result) {
    console.log(`\n== Partners (company -> companies abroad)\n${header}`);
    console.log(row('engine', result.engine));
    console.log(row('BM25 keyword baseline', result.bm25));
    console.log(row('engine, cross-lingual', result.crossLingual));
    console.log(row('engine, profile as text', result.freeText));
    for (const [lang, q] of Object.entries(result.byLanguage)) console.log(row(`engine, asker in ${lang}`, q));
    console.log('By language pair (asker -> relevant partner):');
    for (const [pair, q] of Object.entries(result.byLanguagePair)) console.log(row(`  ${pair}`, q));
    console.log(`same-country results: ${result.engine.sameCountryResults} (must be 0)`);
  }
  if (opportunities) {
    console.log(`\n== Export opportunities (company -> openings abroad; deadlines not applied)\n${header}`);
    console.log(row('engine', opportunities.engine));
    console.log(row('BM25 keyword baseline', opportunities.bm25));
    const s = opportunities.scoreSpread;
    console.log(
      `scores: judged-relevant min ${s.relevantMin.toFixed(3)}, median ${s.relevantMedian.toFixed(3)}; other pairs median ${s.otherMedian.toFixed(3)}, p90 ${s.otherP90.toFixed(3)}`,
    );
    console.log(`same-country results: ${opportunities.engine.sameCountryResults} (must be 0)`);
  }
  if (clusters) {
    console.log(`\n== Clusters (cluster -> clusters abroad)\n${header}`);
    console.log(row('engine', clusters.engine));
    console.log(row('BM25 keyword baseline', clusters.bm25));
    console.log(`same-country results: ${clusters.engine.sameCountryResults} (must be 0)`);
  }
  if (r.visitors) printVisitors(r.visitors, row, header);
  if (r.verdicts) {
    const v = r.verdicts;
    console.log(
      `\n== Staff verdicts folded into ranking (simulated from the judgments: top 10 per company, good = grade 2+, wrong = unjudged; ${v.folds}-fold by company)`,
    );
    console.log(
      `${v.companies} companies, ${v.verdicts.good} good / ${v.verdicts.wrong} wrong verdicts; held-out nDCG@5 fixed weights ${v.fixed.toFixed(3)}, learned ${v.learned.toFixed(3)}`,
    );
    console.log(
      `weights learned from all verdicts (not applied: no held-out gain): ${Object.entries(v.weights)
        .map(([k, w]) => `${k} ${w}`)
        .join(', ')}`,
    );
    console.log(`per-suggestion verdicts (applied): after staff judge each company's top 5, nDCG@5 ${v.fixed.toFixed(3)} -> ${v.afterTop5Verdicts.toFixed(3)}`);
  }
  if (r.translationPairs) {
    console.log(`\nTranslation retrieval accuracy@1 into English (${r.translationPairs} sentences, ${path.basename(values.pairs)}):`);
    for (const [lang, acc] of Object.entries(r.translation)) console.log(`  ${lang}: ${acc.toFixed(3)}`);
  }
}

function printVisitors(v: VisitorEvaluation, row: (name: string, q: QualityFigures) => string, header: string): void {
  console.log(`\n== Visitor queries (${path.basename(values.visitors)}: short free text through the search endpoints; deadlines not applied)`);
  console.log(`${header} ${'BM25'.padStart(7)} ${'traps@5'.padStart(8)} ${'trap>good'.padStart(9)}`);
  const line = (name: string, g: VisitorEvaluation['overall']) =>
    `${row(name, g.engine)} ${g.bm25.ndcg5.toFixed(3).padStart(7)} ${String(g.trapsInTop5).padStart(8)} ${String(g.trapAboveFirstGood).padStart(9)}`;
  console.log(line('all', v.overall));
  for (const [name, g] of Object.entries(v.groups)) console.log(line(name.includes('/') ? `  ${name}` : name, g));
  console.log('Strength words (all returned results, top 10): results, share judged relevant (1+), share judged good (2+)');
  for (const c of v.calibration)
    console.log(`  ${c.strength.padEnd(12)} ${String(c.results).padStart(5)} ${c.relevant.toFixed(3).padStart(7)} ${c.good.toFixed(3).padStart(7)}`);
  console.log(`"strong" or better judged irrelevant: ${(v.strongIrrelevant * 100).toFixed(1)} %`);
}

/**
 * Strength words: the isotonic fit per kind over profile and visitor results, checked on held-out
 * queries; `--fit` writes it to src/matching/calibration-fit.ts, which the service reads.
 */
function calibrate(r: Awaited<ReturnType<typeof evaluateDevSet>>): void {
  const visitorSamples = (kind: string): ScoredSample[] =>
    (r.visitors?.runs ?? [])
      .filter((run) => run.query.kind === kind)
      .flatMap((run) => run.results.map((x) => ({ queryId: run.query.id, score: x.score, rank: x.rank, grade: x.grade })));
  const samples = {
    partners: [...(r.partners?.samples ?? []), ...visitorSamples('partners')],
    opportunities: [...(r.opportunities?.samples ?? []), ...visitorSamples('opportunities')],
  };
  console.log('\n== Strength calibration (isotonic fit of "judged relevant" on the score; 2 folds by query)');
  for (const [kind, s] of Object.entries(samples)) {
    const check = crossCheck(s);
    const share = check.strongResults ? ((100 * check.strongIrrelevant) / check.strongResults).toFixed(1) : '-';
    console.log(
      `${kind.padEnd(14)} ${String(s.length).padStart(4)} results; held-out "strong" or better: ${check.strongResults}, judged irrelevant ${share} %`,
    );
  }
  if (!values.fit) return;
  const about = `${path.basename(r.file)} + ${path.basename(values.visitors)}, model ${r.model}, fitted ${new Date().toISOString().slice(0, 10)}`;
  const fitted = { partners: fitStrength(samples.partners, about), opportunities: fitStrength(samples.opportunities, about) };
  const target = path.resolve(import.meta.dirname, '../src/matching/calibration-fit.ts');
  writeFileSync(
    target,
    `// Generated by \`npm run eval -- --fit\` (scripts/eval.ts): isotonic fits of relevance on the
// fused score over the judged development sets. Do not edit by hand; re-fit after ranking changes.
import type { Calibration } from './calibration.js';

export const FITTED_CALIBRATION: Record<'partners' | 'opportunities', Calibration> = ${JSON.stringify(fitted, null, 2)};
`,
  );
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

interface FeedbackSection {
  database: string;
  /** Undefined when no feedback is recorded. */
  figures: FeedbackEvaluation | undefined;
}

async function evaluateStaffFeedback(config: Config): Promise<FeedbackSection> {
  const database = describeDatabase(config.databaseUrl);
  // Opening a database creates it: a missing SQLite file simply holds no feedback yet.
  if (!isPostgresUrl(config.databaseUrl) && !existsSync(sqliteFilePath(config.databaseUrl))) return { database, figures: undefined };
  // Counting first spares loading the model and the index when there is nothing to evaluate.
  const repo = await openRepository(config.databaseUrl);
  const recorded = await repo.feedbackSummary().finally(() => repo.close());
  if (recorded.length === 0) return { database, figures: undefined };
  return { database, figures: await withEngine(config, (engine) => evaluateFeedback(engine)) };
}

/** The database for people to read: never a password. */
function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return sqliteFilePath(url);
  const u = new URL(url);
  u.password = '';
  u.search = ''; // may hold a password too
  return u.toString();
}

function printFeedback({ database, figures }: FeedbackSection, afterDevSet: boolean): void {
  console.log(`${afterDevSet ? '\n' : ''}== Staff feedback (second source of judgments) in ${database}`);
  if (!figures) {
    console.log('No staff feedback is recorded yet: mark suggestions "Good match" or "Wrong" on a company page of the staff console (/console).');
    return;
  }
  console.log(`good = relevant, wrong = not relevant; live ranking (top ${FEEDBACK_DEPTH}, open opportunities only), unjudged results dropped`);
  const columns: [string, number, (f: FeedbackFigures) => string][] = [
    ['kind', 12, () => ''],
    ['companies', 9, (f) => String(f.companiesJudged)],
    ['judgments (good/wrong)', 22, (f) => `${f.judgments} (${f.good}/${f.wrong})`],
    ['nDCG@5', 8, (f) => (f.ndcgCompanies ? f.ndcg5.toFixed(3) : '-')],
    ['good in top 5', 13, (f) => String(f.goodInTop5)],
    ['wrong in top 5', 14, (f) => String(f.wrongInTop5)],
    [`good not in top ${FEEDBACK_DEPTH}`, 18, (f) => String(f.goodNotInTop20)],
  ];
  console.log(columns.map(([title, width], i) => (i === 0 ? title.padEnd(width) : title.padStart(width))).join(' '));
  for (const kind of FEEDBACK_KINDS) {
    const f = figures[kind];
    console.log(columns.map(([, width, value], i) => (i === 0 ? kind.padEnd(width) : value(f).padStart(width))).join(' '));
  }
  for (const kind of FEEDBACK_KINDS) {
    const f = figures[kind];
    if (f.unavailable) console.log(`${kind}: ${f.unavailable} judgment(s) left out: the candidate is deleted or closed, so it is no longer suggested`);
    if (f.companiesJudged > f.ndcgCompanies && f.judgments > f.unavailable)
      console.log(`${kind}: nDCG@5 averages the ${f.ndcgCompanies} of ${f.companiesJudged} judged companies that have a "good" verdict`);
  }
}
