// Run: npx tsx scripts/bench-widget-pages.ts (needs ../shared/data beside the checkout).
// Side by side: an unpaged free-text partner search (limit 8) against the widget's paged one
// (offset 0 and offset 8, limit 8), interleaved, on the dev set with the shipped model.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createTestEngine } from '../tests/helpers.js';
import { PartnerSearchSchema, partnersForText } from '../src/use-cases/recommend-partners.js';

const data = JSON.parse(readFileSync(new URL('../../shared/data/dev-set.json', import.meta.url), 'utf8'));
const queries = (
  JSON.parse(readFileSync(new URL('../../shared/data/visitor-queries-dev.json', import.meta.url), 'utf8')).queries as { text: string; country: string }[]
).slice(0, 40);
const t = await createTestEngine({ data });
const variants: Record<string, (q: { text: string; country: string }) => object> = {
  unpaged: (q) => ({ text: q.text, country: q.country, limit: 8, language: 'sv' }),
  'paged offset 0': (q) => ({ text: q.text, country: q.country, limit: 8, offset: 0, language: 'sv' }),
  'paged offset 8': (q) => ({ text: q.text, country: q.country, limit: 8, offset: 8, language: 'sv' }),
};
const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (const q of queries.slice(0, 5)) for (const v of Object.values(variants)) await partnersForText(t.engine, PartnerSearchSchema.parse(v(q))); // warm-up
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    for (const [name, v] of Object.entries(variants)) {
      const start = performance.now();
      await partnersForText(t.engine, PartnerSearchSchema.parse(v(q)));
      times[name]!.push(performance.now() - start);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(times['unpaged']!);
for (const [name, xs] of Object.entries(times))
  console.log(`${name.padEnd(16)} median ${median(xs).toFixed(2)} ms  (x${(median(xs) / base).toFixed(2)} of unpaged), n=${xs.length}`);
await t.close();
