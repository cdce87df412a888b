// `npm run eval -- FILE.json`: imports a judged data set into a throw-away database and prints
// partner, opportunity and cluster matching quality, each beside a BM25 keyword baseline.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openRepository } from '../src/db/index.js';
import { TransformersEmbedder } from '../src/embedding/index.js';
import { DEFAULT_MODEL } from '../src/config.js';
import { evaluateClusters, evaluateOpportunities, evaluatePartners, translationAccuracy, type Grades, type QualityFigures, type TranslationPair } from '../src/evaluation/index.js';
import { NORDIC_LANGUAGES } from '../src/embedding/index.js';
import { closeEngine, openEngine } from '../src/use-cases/engine.js';
import { importDataset } from '../src/use-cases/import-dataset.js';
import { snapshotDir } from '../src/use-cases/live-index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', default: process.env['MODEL'] ?? DEFAULT_MODEL },
    pairs: { type: 'string', default: path.resolve(import.meta.dirname, '../tests/fixtures/translation-pairs.json') },
    json: { type: 'boolean', default: false },
  },
});
const file = positionals[0] ?? path.resolve(import.meta.dirname, '../../shared/data/dev-set.json');
type Judgments = Record<string, Grades>;
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
  const everything = { limit: 1_000_000, offset: 0 };
  const companies = (await repo.list('company', everything)).items;
  const result = judgments.partners ? await evaluatePartners(engine, judgments.partners, companies) : undefined;
  const opportunities = judgments.opportunities
    ? await evaluateOpportunities(engine, judgments.opportunities, companies, (await repo.list('opportunity', everything)).items)
    : undefined;
  const clusters = judgments.clusters ? await evaluateClusters(engine, judgments.clusters, (await repo.list('cluster', everything)).items) : undefined;
  const pairs = existsSync(values.pairs) ? (JSON.parse(readFileSync(values.pairs, 'utf8')) as { pairs: TranslationPair[] }).pairs : [];
  const translation = pairs.length ? await translationAccuracy(embedder, pairs, NORDIC_LANGUAGES) : {};
  await closeEngine(engine);

  if (values.json) {
    console.log(JSON.stringify({ file, model: embedder.modelId, partners: result, opportunities, clusters, translation }, null, 2));
  } else {
    const row = (name: string, q: QualityFigures) =>
      `${name.padEnd(22)} ${String(q.queries).padStart(7)} ${q.ndcg5.toFixed(3).padStart(8)} ${q.p5.toFixed(3).padStart(8)} ${q.recall10.toFixed(3).padStart(9)} ${q.mrr.toFixed(3).padStart(8)}`;
    const header = `${'ranking'.padEnd(22)} ${'queries'.padStart(7)} ${'nDCG@5'.padStart(8)} ${'P@5'.padStart(8)} ${'Recall@10'.padStart(9)} ${'MRR'.padStart(8)}`;
    console.log(`Matching quality on ${path.basename(file)} with model ${embedder.modelId}, ${new Date().toISOString().slice(0, 10)}`);
    if (result) {
      console.log(`\n== Partners (company -> companies abroad)\n${header}`);
      console.log(row('engine', result.engine));
      console.log(row('BM25 keyword baseline', result.bm25));
      console.log(row('engine, cross-lingual', result.crossLingual));
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
      console.log(`scores: judged-relevant min ${s.relevantMin.toFixed(3)}, median ${s.relevantMedian.toFixed(3)}; other pairs median ${s.otherMedian.toFixed(3)}, p90 ${s.otherP90.toFixed(3)}`);
      console.log(`same-country results: ${opportunities.engine.sameCountryResults} (must be 0)`);
    }
    if (clusters) {
      console.log(`\n== Clusters (cluster -> clusters abroad)\n${header}`);
      console.log(row('engine', clusters.engine));
      console.log(row('BM25 keyword baseline', clusters.bm25));
      console.log(`same-country results: ${clusters.engine.sameCountryResults} (must be 0)`);
    }
    if (pairs.length) {
      console.log(`\nTranslation retrieval accuracy@1 into English (${pairs.length} sentences, ${path.basename(values.pairs)}):`);
      for (const [lang, acc] of Object.entries(translation)) console.log(`  ${lang}: ${acc.toFixed(3)}`);
    }
  }
  if ([result, opportunities, clusters].some((r) => (r?.engine.sameCountryResults ?? 0) > 0)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
