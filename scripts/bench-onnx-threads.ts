// `npm run bench:onnx-threads`: what ONNX Runtime's thread settings cost, side by side in one
// run. Each setting runs in its own child process, so the CPU time of its thread pool (which
// keeps spinning after a query when allowed to) is counted in that process alone:
// - CPU per free-text query: one short text embedded, then 200 ms idle, as a service sees it;
// - batch throughput: demo profiles embedded 1,024 texts at a time, as an import sees it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_MODEL } from '../src/config.js';
import { CompanyInputSchema, toCompany } from '../src/domain/index.js';
import { facetTexts, TransformersEmbedder } from '../src/embedding/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { child: { type: 'string' }, queries: { type: 'string', default: '40' } } });

interface Figures {
  cpuMsPerQuery: number;
  profilesPerSecond: number;
}

async function measure(threads: number, spinning: boolean, queries: number): Promise<Figures> {
  const threadOptions = threads === 0 ? { runtimeDefaults: true } : { threads, spinning };
  const embedder = await TransformersEmbedder.create({ modelsDir: path.join(ROOT, 'models'), model: DEFAULT_MODEL, ...threadOptions });
  const demo = JSON.parse(readFileSync(path.join(ROOT, 'prisma/seed/demo-data.json'), 'utf8')) as { companies: unknown[] };
  const texts = demo.companies.flatMap((c) => Object.values(facetTexts('company', toCompany(CompanyInputSchema.parse(c)))));
  await embedder.embed(texts.slice(0, 50), 'query');
  const before = process.cpuUsage();
  for (let i = 0; i < queries; i++) {
    await embedder.embed([`${texts[i % texts.length]!.split(' ').slice(0, 8).join(' ')}`], 'query');
    await sleep(200);
  }
  const used = process.cpuUsage(before);
  const rounds = Array.from({ length: 20 }, () => texts).flat();
  const started = performance.now();
  for (let i = 0; i < rounds.length; i += 1024) await embedder.embed(rounds.slice(i, i + 1024));
  const seconds = (performance.now() - started) / 1000;
  await embedder.dispose();
  return { cpuMsPerQuery: (used.user + used.system) / 1000 / queries, profilesPerSecond: rounds.length / 3 / seconds };
}

if (values.child) {
  const [threads, spinning] = values.child.split(':');
  console.log(JSON.stringify(await measure(Number(threads), spinning === '1', Number(values.queries))));
} else {
  const settings: [string, number, boolean][] = [
    ['1 thread, no spinning (default)', 1, false],
    ['ONNX Runtime defaults (a thread per core, spinning)', 0, true],
    ['2 threads, spinning', 2, true],
    ['2 threads, no spinning', 2, false],
  ];
  console.log(`ONNX Runtime thread settings, model ${DEFAULT_MODEL}, ${values.queries} queries 200 ms apart, then batch embedding`);
  const rows = settings.map(([label, threads, spinning]) => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--child', `${threads}:${spinning ? 1 : 0}`, '--queries', values.queries!],
      { cwd: ROOT, encoding: 'utf8' },
    );
    return { label, ...(JSON.parse(out.trim().split('\n').pop()!) as Figures) };
  });
  const base = rows[0]!;
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(56)} CPU ${r.cpuMsPerQuery.toFixed(2).padStart(6)} ms/query (x${(r.cpuMsPerQuery / base.cpuMsPerQuery).toFixed(2)})   batch ${r.profilesPerSecond.toFixed(0).padStart(6)} profiles/s (x${(r.profilesPerSecond / base.profilesPerSecond).toFixed(2)})`,
    );
  }
}
