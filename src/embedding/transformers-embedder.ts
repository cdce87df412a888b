// The Embedder backed by Transformers.js running an ONNX model from a local folder.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AutoModel, AutoTokenizer, env, Tensor, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import { appError } from '../errors.js';
import { ConceptReader, loadConceptTable } from './concepts.js';
import { normalize, type Embedder, type EmbedRole, type TermReader } from './embedder.js';
import { NordicNormalizer, type NordicNormalizerConfig } from './nordic-normalizer.js';

export interface TransformersEmbedderOptions {
  /** Folder that holds model folders (`models/`). */
  modelsDir: string;
  /** Model folder name, e.g. `nordichub-static-nordic`. */
  model: string;
  batchSize?: number;
  maxTokens?: number;
  /**
   * ONNX Runtime threads. One by default: our static models do little arithmetic per text, and
   * a pool of spinning threads burned the other core after every free-text query
   * (`npm run bench:onnx-threads` prints the figures).
   */
  threads?: number;
  /** Leave every thread setting to ONNX Runtime (for comparison in the benchmark only). */
  runtimeDefaults?: boolean;
  /** Let idle ONNX Runtime threads spin waiting for work; off by default for the same reason. */
  spinning?: boolean;
}

interface ModelCard {
  modelId: string;
  dims: number;
  prefixes: Partial<Record<EmbedRole, string>>;
  /** Our static models map Nordic words to lexicon tokens before the tokenizer runs. */
  normalizer?: NordicNormalizerConfig;
}

// Models trained with instruction prefixes, recognised by their id when config.json says nothing.
const KNOWN_PREFIXES: [RegExp, Partial<Record<EmbedRole, string>>][] = [[/(^|\/)(multilingual-)?e5-/i, { query: 'query: ', passage: 'passage: ' }]];

/** A model is named by its folder under MODELS_DIR (`name` or `org/name`), never by a path out of it. */
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

function modelFolder(modelsDir: string, model: string): string {
  if (!MODEL_NAME.test(model) || model.split('/').includes('..')) {
    throw appError('MODEL_NAME_IS_PATH', { model, modelsDir });
  }
  return path.join(modelsDir, model);
}

// What Transformers.js reads from a local model folder (fp32 weights).
const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];

function requireModelFiles(folder: string, model: string): void {
  const missing = MODEL_FILES.filter((f) => !existsSync(path.join(folder, f)));
  if (missing.length) throw appError('MODEL_INCOMPLETE', { folder, model, missing: missing.join(', ') });
}

// Reads our metadata from config.json; foreign models fall back to their folder name and hidden size.
function readModelCard(folder: string, model: string): ModelCard {
  const configPath = path.join(folder, 'config.json');
  if (!existsSync(configPath)) {
    throw appError('MODEL_MISSING', { model, folder });
  }
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  const meta = (config['nordichub'] ?? {}) as Partial<ModelCard>;
  const dims = Number(meta.dims ?? config['hidden_size']);
  if (!Number.isInteger(dims) || dims <= 0) throw appError('MODEL_WITHOUT_DIMS', { model });
  const prefixes = meta.prefixes ?? KNOWN_PREFIXES.find(([pattern]) => pattern.test(model))?.[1] ?? {};
  return { modelId: meta.modelId ?? model, dims, prefixes, ...(meta.normalizer ? { normalizer: meta.normalizer } : {}) };
}

export class TransformersEmbedder implements Embedder {
  private constructor(
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: PreTrainedModel,
    private readonly card: ModelCard,
    private readonly batchSize: number,
    private readonly maxTokens: number,
    private readonly normalizer: NordicNormalizer | undefined,
    readonly terms: TermReader | undefined,
  ) {}

  get modelId(): string {
    return this.card.modelId;
  }

  get dims(): number {
    return this.card.dims;
  }

  static async create(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const folder = modelFolder(options.modelsDir, options.model);
    const card = readModelCard(folder, options.model);
    // Transformers.js reports a missing file as "Cannot read properties of undefined": say which.
    requireModelFiles(folder, options.model);
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = options.modelsDir.endsWith(path.sep) ? options.modelsDir : options.modelsDir + path.sep;
    const tokenizer = await AutoTokenizer.from_pretrained(options.model);
    const model = await AutoModel.from_pretrained(options.model, { dtype: 'fp32', session_options: sessionOptions(options) });
    const vocab = card.normalizer ? readVocab(folder) : undefined;
    const normalizer = vocab && card.normalizer ? new NordicNormalizer(vocab, card.normalizer) : undefined;
    const concepts = loadConceptTable(folder);
    const terms = vocab && normalizer && concepts ? new ConceptReader(normalizer, vocab, concepts) : undefined;
    return new TransformersEmbedder(tokenizer, model, card, options.batchSize ?? 128, options.maxTokens ?? 512, normalizer, terms);
  }

  async embed(texts: readonly string[], role: EmbedRole = 'passage'): Promise<Float32Array[]> {
    const prefix = this.card.prefixes[role] ?? '';
    const out = new Array<Float32Array>(texts.length);
    // Sorting by length keeps padding, and so wasted work, small within each batch.
    const order: number[] = [];
    for (const [i, t] of texts.entries()) {
      if (t.trim()) order.push(i);
      else out[i] = new Float32Array(this.dims);
    }
    order.sort((a, b) => texts[a]!.length - texts[b]!.length);
    for (let start = 0; start < order.length; start += this.batchSize) {
      const idx = order.slice(start, start + this.batchSize);
      const vectors = await this.embedBatch(idx.map((i) => prefix + texts[i]!));
      for (const [k, i] of idx.entries()) out[i] = vectors[k]!;
    }
    return out;
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = this.normalizer
      ? this.normalizedInputs(texts, this.normalizer)
      : this.tokenizer(texts, { padding: true, truncation: true, max_length: this.maxTokens });
    const outputs = (await this.model(inputs)) as Record<string, Tensor>;
    const pooled = outputs['sentence_embedding'] ?? meanPool(outputs['last_hidden_state'], inputs['attention_mask'] as Tensor);
    const data = pooled.data as Float32Array;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) vectors.push(normalize(data.slice(i * this.dims, (i + 1) * this.dims)));
    return vectors;
  }

  // Our static models' vocabulary is whole words, so the normaliser's tokens are the ids the
  // tokenizer would produce from its output (a test checks this); skipping the JavaScript
  // tokenizer, 90 % of the embedding time, keeps multilingual profiles above 2,000/s.
  private normalizedInputs(texts: string[], normalizer: NordicNormalizer): Record<string, Tensor> {
    const ids = texts.map((t) => normalizer.tokenIds(t).slice(0, this.maxTokens));
    const width = Math.max(1, ...ids.map((x) => x.length));
    const inputIds = new BigInt64Array(texts.length * width);
    const mask = new BigInt64Array(texts.length * width);
    ids.forEach((row, i) => {
      row.forEach((id, k) => {
        inputIds[i * width + k] = BigInt(id);
        mask[i * width + k] = 1n;
      });
    });
    return { input_ids: new Tensor('int64', inputIds, [texts.length, width]), attention_mask: new Tensor('int64', mask, [texts.length, width]) };
  }

  async dispose(): Promise<void> {
    await this.model.dispose();
  }
}

// Passed through Transformers.js to onnxruntime-node's InferenceSession.create.
function sessionOptions(options: TransformersEmbedderOptions): Record<string, unknown> {
  if (options.runtimeDefaults) return {};
  const threads = options.threads ?? 1;
  const spinning = options.spinning ? '1' : '0';
  return {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: spinning }, inter_op: { allow_spinning: spinning } } },
  };
}

function readVocab(folder: string): Map<string, number> {
  const tokenizer = JSON.parse(readFileSync(path.join(folder, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
  return new Map(Object.entries(tokenizer.model.vocab));
}

// Token embeddings [batch, seq, dims] averaged over the real (unmasked) tokens.
function meanPool(hidden: Tensor | undefined, mask: Tensor): { data: Float32Array } {
  if (!hidden) throw appError('MODEL_OUTPUT_UNKNOWN', {});
  const [batch, seq, dims] = hidden.dims as [number, number, number];
  const h = hidden.data as Float32Array;
  const m = mask.data as BigInt64Array;
  const out = new Float32Array(batch * dims);
  for (let b = 0; b < batch; b++) {
    let n = 0;
    for (let s = 0; s < seq; s++) {
      if (m[b * seq + s] === 0n) continue;
      n++;
      const base = (b * seq + s) * dims;
      for (let d = 0; d < dims; d++) out[b * dims + d]! += h[base + d]!;
    }
    if (n > 0) for (let d = 0; d < dims; d++) out[b * dims + d]! /= n;
  }
  return { data: out };
}
