// `npm run bench:embedding`: embedding throughput of the shipped model on multilingual profiles
// (the demo data, written in six languages) beside English synthetic profiles, in one run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MODEL } from '../src/config.js';
import { CompanyInputSchema, toCompany, type Company } from '../src/domain/index.js';
import { facetTexts, TransformersEmbedder } from '../src/embedding/index.js';
import { syntheticDataset } from './lib/synthetic.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' } } });
const rounds = Number(values.rounds);
const ROOT = path.resolve(import.meta.dirname, '..');
const demo = JSON.parse(readFileSync(path.join(ROOT, 'prisma/seed/demo-data.json'), 'utf8')) as { companies: unknown[] };
const nordic = demo.companies.map((c) => toCompany(CompanyInputSchema.parse(c)));
const english = (syntheticDataset(nordic.length * rounds, 7).companies ?? []).map((c) => toCompany(CompanyInputSchema.parse(c)));

const embedder = await TransformersEmbedder.create({ modelsDir: path.join(ROOT, 'models'), model: DEFAULT_MODEL });
const textsOf = (companies: Company[]) => companies.flatMap((c) => Object.values(facetTexts('company', c)));
const wordsPer = (companies: Company[]) => textsOf(companies).join(' ').split(/\s+/).length / companies.length;

async function throughput(companies: Company[]): Promise<number> {
  const texts = textsOf(companies);
  const started = performance.now();
  for (let i = 0; i < texts.length; i += 1024) await embedder.embed(texts.slice(i, i + 1024));
  return companies.length / ((performance.now() - started) / 1000);
}

// The first pass over the demo profiles meets every word for the first time (cold word cache);
// later passes show the steady state of a service that has seen the vocabulary.
const cold = await throughput(nordic);
const warm = await throughput(Array.from({ length: rounds }, () => nordic).flat());
const synthetic = await throughput(english);
const row = (label: string, perSec: number, words: number) =>
  `${label.padEnd(52)} ${perSec.toFixed(0).padStart(7)} profiles/s  (${words.toFixed(0)} words a profile)`;
console.log(`Embedding throughput, model ${embedder.modelId}, ${new Date().toISOString().slice(0, 10)} (target: 2,000 profiles/s, 3 texts each)`);
console.log(row(`multilingual demo profiles, first pass (${nordic.length})`, cold, wordsPer(nordic)));
console.log(row(`multilingual demo profiles, ${rounds} more passes`, warm, wordsPer(nordic)));
console.log(row(`English synthetic profiles (${english.length})`, synthetic, wordsPer(english)));
console.log(`multilingual / English: x${(warm / synthetic).toFixed(2)}`);
await embedder.dispose();
