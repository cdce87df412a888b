/**
 * Checks the built model in models/nordichub-static-nordic/ through Transformers.js, loaded exactly
 * the way the app loads it (local files only, AutoTokenizer + AutoModel, dtype fp32).
 *
 *   npx tsx scripts/check-model.ts [--texts 6000] [--batch 64,128,256] [--workers 2] [--threads N] [--min-tps 6000]
 *
 * Prints:
 *   1. sanity checks (output name/shape, zero vector for a text without known words, padding),
 *   2. accuracy on hand-written triplets: cos(anchor, related) > cos(anchor, unrelated),
 *   3. throughput for company-like texts of 60-120 words:
 *      a. on the main thread, per batch size, in input order and with the texts sorted by length
 *         (less padding), split into tokenizer and model time;
 *      b. with --workers N (default 2, 0 = skip) worker threads, each loading its own tokenizer
 *         and model (onnxruntime intraOpNumThreads 1), length-sorted batches dealt round-robin.
 *   --threads N sets onnxruntime intraOpNumThreads for the main-thread session.
 * Exits non-zero if a sanity check fails, triplet accuracy is below MIN_TRIPLET_ACCURACY, or the
 * best measured end-to-end throughput is below --min-tps (pass --min-tps 0 to only report).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { env, AutoTokenizer, AutoModel, type Tensor } from '@huggingface/transformers';
import { prng } from './lib/synthetic.js';

const MODEL_NAME = 'nordichub-static-nordic';
const DIMS = 100;
const MAX_LENGTH = 256;
const MIN_TRIPLET_ACCURACY = 0.9;
/** Throughput passes per configuration; the median is reported. */
const REPEATS = 3;

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const modelsDir = path.resolve(scriptDir, '..', 'models');

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

interface Options {
  texts: number;
  batches: number[];
  minTps: number;
  threads: number | undefined;
  workers: number;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { texts: 6000, batches: [64, 128, 256], minTps: 6000, threads: undefined, workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--texts') opts.texts = Number(value());
    else if (arg === '--batch') opts.batches = value().split(',').map(Number);
    else if (arg === '--min-tps') opts.minTps = Number(value());
    else if (arg === '--threads') opts.threads = Number(value());
    else if (arg === '--workers') opts.workers = Number(value());
    else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Test data
// ---------------------------------------------------------------------------------------------

/** [anchor, related, unrelated] — written independently of the dev set in build-model.ts. */
const TRIPLETS: [string, string, string][] = [
  ['we distribute packaging materials', 'packaging wholesale distributor', 'mobile game studio'],
  [
    'Organic vegetable farm selling potatoes, carrots and cabbage',
    'Grower of fresh produce for grocery chains',
    'Software consultancy building cloud applications',
  ],
  [
    'Web agency designing websites and online shops',
    'Digital studio for web design and e-commerce development',
    'Cement plant producing concrete and aggregates',
  ],
  ['Shipyard building ferries and fishing vessels', 'Boat builder constructing ships for the maritime industry', 'Dental clinic offering teeth whitening'],
  ['Pharmaceutical company developing new drugs for cancer', 'Biotech firm researching medicines and clinical trials', 'Wholesaler of garden furniture'],
  ['Brewery making craft beer and cider', 'Producer of ales, lagers and alcoholic beverages', 'Insurance broker for commercial property'],
  ['Solar panel installer for homes and businesses', 'We supply photovoltaic systems and renewable electricity', "Publisher of children's books"],
  ['Translation agency providing interpreting in 30 languages', 'Localisation and document translation services', 'Steel foundry casting machine parts'],
  [
    'Trucking company transporting goods across Scandinavia',
    'Road haulage and freight logistics between Sweden and Norway',
    'Yoga studio and wellness retreat',
  ],
  [
    'Manufacturer of industrial robots for factory automation',
    'Robotics engineering firm automating production lines',
    'Wedding photographer and portrait studio',
  ],
  [
    'Bank offering loans and savings accounts to small businesses',
    'Financial institution providing credit and business lending',
    'Ski resort with slopes and chalets',
  ],
  ['Kindergarten and preschool education services', 'Childcare centre for young children', 'Oil drilling contractor in the North Sea'],
];

const NAMES = ['Nordic', 'Baltic', 'Fjord', 'Aurora', 'Viking', 'Polar', 'Birch', 'Granite', 'Harbour', 'Lake', 'Copper', 'Frost'];
const SUFFIXES = ['AB', 'Oy', 'AS', 'ApS', 'ehf', 'Group', 'Solutions', 'Systems', 'Partners'];
const CITIES = ['Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Reykjavik', 'Gothenburg', 'Bergen', 'Aarhus', 'Tampere', 'Malmö', 'Turku', 'Trondheim'];
const PRODUCTS = [
  'packaging materials',
  'industrial software',
  'frozen seafood',
  'wooden furniture',
  'electric vehicle chargers',
  'medical devices',
  'organic dairy products',
  'wind turbine components',
  'cybersecurity services',
  'freight logistics',
  'mobile games',
  'construction machinery',
  'craft beer',
  'outdoor clothing',
  'solar panels',
  'accounting services',
  'steel structures',
  'pet food',
  'cosmetics',
  'laboratory equipment',
  'heat pumps',
  'timber and sawn wood',
];
const MARKETS = ['Germany', 'the Netherlands', 'Poland', 'the Baltic states', 'the United Kingdom', 'France', 'North America', 'Japan', 'the Nordic countries'];
const ADJ = ['sustainable', 'innovative', 'reliable', 'high-quality', 'cost-effective', 'certified', 'energy-efficient', 'customised', 'digital', 'local'];
const CUSTOMERS = [
  'retailers',
  'manufacturers',
  'hospitals',
  'municipalities',
  'restaurants',
  'wholesalers',
  'construction companies',
  'consumers',
  'public sector buyers',
  'farmers',
];
const SENTENCES: ((r: () => number) => string)[] = [
  (r) => `${pick(r, NAMES)} ${pick(r, SUFFIXES)} is a ${pick(r, ADJ)} supplier of ${pick(r, PRODUCTS)} based in ${pick(r, CITIES)}.`,
  (r) =>
    `Founded in ${1950 + Math.floor(r() * 70)}, the company employs ${5 + Math.floor(r() * 400)} people and serves ${pick(r, CUSTOMERS)} across ${pick(r, MARKETS)}.`,
  (r) => `We design, manufacture and distribute ${pick(r, ADJ)} ${pick(r, PRODUCTS)} for ${pick(r, CUSTOMERS)} and ${pick(r, CUSTOMERS)}.`,
  (r) => `Our team is looking for partners to expand exports of ${pick(r, PRODUCTS)} to ${pick(r, MARKETS)}.`,
  (r) => `The firm offers installation, maintenance and after-sales support, with a focus on ${pick(r, ADJ)} solutions and long-term customer relationships.`,
  (r) => `In ${2015 + Math.floor(r() * 10)} we opened a new production facility in ${pick(r, CITIES)} to meet growing demand from ${pick(r, CUSTOMERS)}.`,
  (r) => `Certified to ISO 9001 and ISO 14001, we work closely with ${pick(r, CUSTOMERS)} to reduce costs and emissions.`,
  (r) => `We seek distributors, agents and joint venture partners in ${pick(r, MARKETS)} for our ${pick(r, PRODUCTS)}.`,
  (r) => `Annual turnover is about ${1 + Math.floor(r() * 90)} million euros, and ${Math.floor(r() * 80)} percent of sales come from export.`,
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function companyTexts(n: number): string[] {
  const r = prng(20240601);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = 60 + Math.floor(r() * 61); // 60..120 words
    const parts: string[] = [];
    let words = 0;
    while (words < target) {
      const s = pick(r, SENTENCES)(r);
      parts.push(s);
      words += s.split(/\s+/).length;
    }
    out.push(parts.join(' '));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function rowsOf(t: Tensor): Float32Array[] {
  const [b, d] = t.dims as [number, number];
  const data = t.data as Float32Array;
  return Array.from({ length: b }, (_, i) => data.subarray(i * d, (i + 1) * d));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Loads tokenizer + model exactly the way the app does. */
async function load(threads: number | undefined) {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsDir}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL_NAME);
  const model = await AutoModel.from_pretrained(MODEL_NAME, {
    dtype: 'fp32',
    ...(threads ? { session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } } : {}),
  });
  const embed = async (texts: string[]): Promise<Tensor> => {
    const inputs = tokenizer(texts, { padding: true, truncation: true, max_length: MAX_LENGTH });
    const out = (await model(inputs)) as Record<string, Tensor>;
    const emb = out['sentence_embedding'];
    if (!emb) throw new Error(`model output has no sentence_embedding (got ${Object.keys(out).join(', ')})`);
    return emb;
  };
  return { tokenizer, model, embed };
}

/** Indices of `texts` sorted by length (stable), so that a batch holds texts of similar length. */
function lengthOrder(texts: string[]): number[] {
  return texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length || a - b);
}

// --- worker threads (throughput section b) ----------------------------------------------------

interface WorkerJob {
  batches: string[][];
}

async function workerMain(): Promise<void> {
  const port = parentPort!;
  const { batches } = workerData as WorkerJob;
  const { embed } = await load(1);
  for (const b of batches.slice(0, 2)) await embed(b); // warm-up
  port.on('message', async () => {
    const out: Float32Array[] = [];
    for (const b of batches) out.push((await embed(b)).data as Float32Array);
    port.postMessage(
      out,
      out.map((o) => o.buffer as ArrayBuffer),
    );
  });
  port.postMessage('ready');
}

function startWorker(job: WorkerJob): Promise<Worker> {
  // tsx's loader is not inherited by worker threads on Node 20: register it inside the worker.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: job });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m) => (m === 'ready' ? resolve(worker) : reject(new Error(String(m)))));
  });
}

async function workerThroughput(texts: string[], workers: number, batch: number): Promise<number> {
  const order = lengthOrder(texts);
  const jobs: WorkerJob[] = Array.from({ length: workers }, () => ({ batches: [] }));
  for (let i = 0, k = 0; i < order.length; i += batch, k++) {
    jobs[k % workers]!.batches.push(order.slice(i, i + batch).map((j) => texts[j]!));
  }
  const pool = await Promise.all(jobs.map(startWorker));
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    const results = await Promise.all(
      pool.map(
        (w) =>
          new Promise<Float32Array[]>((resolve) => {
            w.once('message', resolve);
            w.postMessage('go');
          }),
      ),
    );
    times.push(performance.now() - start);
    const rows = results.flat().reduce((s, x) => s + x.length / DIMS, 0);
    if (rows !== texts.length) throw new Error(`workers returned ${rows} embeddings for ${texts.length} texts`);
  }
  await Promise.all(pool.map((w) => w.terminate()));
  times.sort((a, b) => a - b);
  return texts.length / (times[Math.floor(times.length / 2)]! / 1000);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const failures: string[] = [];

  // --- load exactly like the app -----------------------------------------------------------
  const t0 = performance.now();
  const { tokenizer, model, embed } = await load(opts.threads);
  console.log(`loaded ${MODEL_NAME} from ${modelsDir} in ${(performance.now() - t0).toFixed(0)} ms`);

  // --- 0. sanity -----------------------------------------------------------------------------
  {
    const probe = ['Packaging distributor in Malmö.', 'zxqv 1987 !!!', ''];
    const inputs = tokenizer(probe, { padding: true, truncation: true, max_length: MAX_LENGTH });
    console.log(`tokenizer outputs: ${Object.keys(inputs).join(', ')}`);
    console.log(`tokens of "${probe[0]}": ${JSON.stringify(tokenizer.tokenize(probe[0]!))}`);
    const out = (await model(inputs)) as Record<string, Tensor>;
    console.log(
      `model outputs: ${Object.keys(out)
        .map((k) => `${k} [${out[k]!.dims.join(', ')}] ${out[k]!.type}`)
        .join('; ')}`,
    );
    const emb = out['sentence_embedding'];
    if (emb?.dims.length !== 2 || emb.dims[0] !== 3 || emb.dims[1] !== DIMS || emb.type !== 'float32') {
      failures.push('sentence_embedding is not float32 [3, 100]');
    } else {
      const rows = rowsOf(emb);
      const norm = (v: Float32Array) => Math.hypot(...v);
      console.log(`norms: known words ${norm(rows[0]!).toFixed(4)}, no known words ${norm(rows[1]!)}, empty ${norm(rows[2]!)}`);
      if (!(norm(rows[0]!) > 0) || !rows[0]!.every(Number.isFinite)) failures.push('known-word text gave a zero/non-finite vector');
      if (norm(rows[1]!) !== 0 || norm(rows[2]!) !== 0) failures.push('text without known words did not give a zero vector');
      // padding must not change the result
      const alone = rowsOf(await embed([probe[0]!]))[0]!;
      const padded = rowsOf(await embed([probe[0]!, 'a much longer text that forces padding of the first one in the batch']))[0]!;
      const maxDiff = Math.max(...alone.map((x, i) => Math.abs(x - padded[i]!)));
      console.log(`max |difference| alone vs padded in a batch: ${maxDiff.toExponential(2)}`);
      if (maxDiff > 1e-6) failures.push('padding changes the embedding');
    }
  }

  // --- 1. triplets ---------------------------------------------------------------------------
  {
    const flat = TRIPLETS.flat();
    const rows = rowsOf(await embed(flat));
    let correct = 0;
    console.log('\ntriplets: cos(anchor, related) vs cos(anchor, unrelated)');
    TRIPLETS.forEach(([a], i) => {
      const pos = cosine(rows[3 * i]!, rows[3 * i + 1]!);
      const neg = cosine(rows[3 * i]!, rows[3 * i + 2]!);
      const ok = pos > neg;
      correct += ok ? 1 : 0;
      console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${pos.toFixed(3)} vs ${neg.toFixed(3)}  ${a}`);
    });
    const acc = correct / TRIPLETS.length;
    console.log(`triplet accuracy: ${correct}/${TRIPLETS.length} = ${acc.toFixed(3)}`);
    if (acc < MIN_TRIPLET_ACCURACY) failures.push(`triplet accuracy ${acc.toFixed(3)} < ${MIN_TRIPLET_ACCURACY}`);
  }

  // --- 2. throughput -------------------------------------------------------------------------
  {
    const texts = companyTexts(opts.texts);
    const words = texts.reduce((s, t) => s + t.split(/\s+/).length, 0);
    console.log(`\nthroughput: ${texts.length} texts, ${(words / texts.length).toFixed(1)} words/text on average; median of ${REPEATS} passes`);
    await embed(texts.slice(0, 256)); // warm-up
    let best = 0;

    const pass = async (order: number[], batch: number) => {
      let tokMs = 0;
      let modelMs = 0;
      let tokens = 0;
      let padded = 0;
      const start = performance.now();
      for (let i = 0; i < order.length; i += batch) {
        const chunk = order.slice(i, i + batch).map((j) => texts[j]!);
        const a = performance.now();
        const inputs = tokenizer(chunk, { padding: true, truncation: true, max_length: MAX_LENGTH });
        const b = performance.now();
        const out = (await model(inputs)) as Record<string, Tensor>;
        const c = performance.now();
        if (!out['sentence_embedding']) throw new Error('no sentence_embedding');
        tokMs += b - a;
        modelMs += c - b;
        const mask = inputs['attention_mask'] as Tensor;
        padded += mask.dims[0]! * mask.dims[1]!;
        for (const m of mask.data as BigInt64Array) tokens += Number(m);
      }
      return { totalMs: performance.now() - start, tokMs, modelMs, tokens, padded };
    };

    console.log(`main thread (as the app calls it), onnxruntime intraOpNumThreads ${opts.threads ?? 'default'}:`);
    const inputOrder = texts.map((_, i) => i);
    const sorted = lengthOrder(texts);
    for (const [label, order] of [
      ['input order  ', inputOrder],
      ['length-sorted', sorted],
    ] as const) {
      for (const batch of opts.batches) {
        const runs = [];
        for (let r = 0; r < REPEATS; r++) runs.push(await pass(order, batch));
        runs.sort((x, y) => x.totalMs - y.totalMs);
        const m = runs[Math.floor(runs.length / 2)]!;
        const tps = texts.length / (m.totalMs / 1000);
        best = Math.max(best, tps);
        console.log(
          `  ${label} batch ${String(batch).padStart(4)}: ${tps.toFixed(0).padStart(6)} texts/s  ` +
            `(tokenizer ${m.tokMs.toFixed(0)} ms + model ${m.modelMs.toFixed(0)} ms of ${m.totalMs.toFixed(0)} ms; ` +
            `${(m.tokens / texts.length).toFixed(1)} tokens/text, padding overhead ${((m.padded / m.tokens - 1) * 100).toFixed(1)}%)`,
        );
      }
    }
    if (opts.workers > 0) {
      const batch = 128;
      const tps = await workerThroughput(texts, opts.workers, batch);
      best = Math.max(best, tps);
      console.log(
        `${opts.workers} worker threads (each: own tokenizer + model, intraOpNumThreads 1), ` +
          `length-sorted batch ${batch}: ${tps.toFixed(0).padStart(6)} texts/s`,
      );
    }
    console.log(`best end-to-end throughput: ${best.toFixed(0)} texts/s (target ${opts.minTps})`);
    if (best < opts.minTps) failures.push(`throughput ${best.toFixed(0)} texts/s < ${opts.minTps}`);
  }

  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}

if (isMainThread) await main();
else await workerMain();
