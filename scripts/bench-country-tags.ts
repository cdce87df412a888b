/**
 * `npx tsx scripts/bench-country-tags.ts --snapshot DIR`: the ranking of GET partners (three HNSW
 * searches and scoring, no database, no reasons) with the asker's country excluded by the label
 * tags against the string filter it replaced, on a saved company snapshot (e.g. the one that
 * `npm run bench:load` leaves in its data folder). The two ways alternate query by query, so
 * a busy machine slows both alike; it checks that both answer the same.
 *
 *   npx tsx scripts/bench-country-tags.ts --snapshot /tmp/nordichub-bench-load-100000/index [--queries 2000]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isZero } from '../src/embedding/index.js';
import { loadSnapshot } from '../src/index/index.js';
import { DEFAULT_RANKER, PARTNER_SIGNALS, rankCandidates, type CandidateQuery } from '../src/matching/index.js';

const { values } = parseArgs({ options: { snapshot: { type: 'string' }, queries: { type: 'string', default: '2000' } } });
if (!values.snapshot) throw new Error('--snapshot DIR is required (an index folder holding current.json)');
const QUERIES = Number(values.queries);
const K = 10;

const loadedAt = performance.now();
const { index } = await loadSnapshot(values.snapshot);
console.log(
  `${index.size.toLocaleString('en-US')} companies loaded in ${((performance.now() - loadedAt) / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}`,
);

const ids = [...index.attributes.keys()];
const queryFor = (i: number): CandidateQuery => {
  const id = ids[(i * 7919) % ids.length]!;
  const attrs = index.attributes.get(id)!;
  const vectors = Object.fromEntries(Object.entries(index.vectorsOf(id)).filter(([, v]) => v && !isZero(v)));
  return { vectors, country: attrs.country, sectors: attrs.sectors, excludeId: id };
};
const ways = { tags: DEFAULT_RANKER, 'string filter': { ...DEFAULT_RANKER, countryTags: false } };
const ms: Record<keyof typeof ways, number[]> = { tags: [], 'string filter': [] };
let differing = 0;
for (let i = -100; i < QUERIES; i++) {
  const query = queryFor(i + 100);
  const answers: string[] = [];
  for (const [name, options] of Object.entries(ways) as [keyof typeof ways, typeof DEFAULT_RANKER][]) {
    const started = performance.now();
    const ranked = rankCandidates(index, query, {}, K, PARTNER_SIGNALS, options);
    if (i >= 0) ms[name].push(performance.now() - started);
    answers.push(JSON.stringify(ranked));
  }
  if (answers[0] !== answers[1]) differing++;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`${QUERIES} askers, limit ${K}, the two ways alternating; ms per ranking:`);
for (const name of Object.keys(ways) as (keyof typeof ways)[])
  console.log(`  ${name.padEnd(14)} mean ${mean(ms[name]).toFixed(3)}  p50 ${pct(ms[name], 0.5).toFixed(3)}  p99 ${pct(ms[name], 0.99).toFixed(3)}`);
console.log(
  `  => tags take ${(mean(ms.tags) / mean(ms['string filter'])).toFixed(2)}x the time of the string filter; answers differing: ${differing} of ${QUERIES + 100}`,
);
console.log(`load average after: ${loadavg()[0]!.toFixed(1)}`);
