import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dot, TransformersEmbedder, type Embedder } from '../../src/embedding/index.js';
import { AppError } from '../../src/errors.js';
import { DEFAULT_MODEL, MODELS_DIR, tempDir } from '../helpers.js';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: DEFAULT_MODEL });
});
afterAll(() => embedder.dispose());

const norm = (v: Float32Array) => Math.sqrt(dot(v, v));

describe('the shipped model through Transformers.js', () => {
  it('declares its id and dimension', () => {
    expect(embedder.modelId).toMatch(/^nordichub-static-en/);
    expect(embedder.dims).toBe(100);
  });

  it('returns one unit-length vector per text, in order', async () => {
    const vectors = await embedder.embed(['We sell fresh salmon.', 'Cloud software for banks.', 'Wind turbine maintenance offshore.']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(100);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(dot(vectors[0]!, vectors[1]!)).toBeLessThan(0.99);
  });

  it('gives the same vector for a text alone and inside a padded batch', async () => {
    const text = 'Recyclable cardboard packaging for food producers';
    const [alone] = await embedder.embed([text]);
    const batch = await embedder.embed(['x', text, 'a much longer text about offshore wind farms, vessels, crews and maintenance contracts']);
    for (let i = 0; i < 100; i++) expect(batch[1]![i]).toBeCloseTo(alone![i]!, 5);
  });

  it('places semantically close business texts closer than unrelated ones', async () => {
    const triplets: [string, string, string][] = [
      ['wholesale distributor of packaging materials', 'we distribute cardboard boxes and paper packaging to retailers', 'mobile game studio making puzzle games'],
      ['sensors that monitor oxygen in fish farms', 'underwater measurement devices for salmon aquaculture', 'accounting software for small shops'],
      ['offshore wind turbine maintenance', 'repair services for wind farms at sea', 'organic bakery selling bread'],
      ['investor for a battery recycling startup', 'venture capital fund financing cleantech companies', 'hotel and tourism booking for ski resorts'],
    ];
    for (const [anchor, close, far] of triplets) {
      const [a, c, f] = await embedder.embed([anchor, close, far]);
      expect(dot(a!, c!), `${anchor} ~ ${close}`).toBeGreaterThan(dot(a!, f!));
    }
  });

  it('embeds an empty or unknown-word text as a zero vector', async () => {
    const [empty, unknown] = await embedder.embed(['', 'qqqzzx vvvwwy']);
    expect(norm(empty!)).toBe(0);
    expect(norm(unknown!)).toBe(0);
  });

  it('is deterministic', async () => {
    const [a] = await embedder.embed(['Timber frame elements for schools']);
    const [b] = await embedder.embed(['Timber frame elements for schools']);
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });
});

describe('model loading', () => {
  it('refuses a missing model with a clear error and never downloads', async () => {
    await expect(TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: 'intfloat/multilingual-e5-small' })).rejects.toThrow(AppError);
    await expect(TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: 'no-such-model' })).rejects.toThrow(/never downloaded/);
  });

  it('applies query and passage prefixes that a model declares', async () => {
    const t = tempDir();
    try {
      cpSync(path.join(MODELS_DIR, DEFAULT_MODEL), path.join(t.dir, 'prefixed'), { recursive: true });
      const configFile = path.join(t.dir, 'prefixed', 'config.json');
      const config = JSON.parse(readFileSync(configFile, 'utf8'));
      config.nordichub = { ...config.nordichub, modelId: 'prefixed-v1', prefixes: { query: 'salmon ', passage: '' } };
      writeFileSync(configFile, JSON.stringify(config));
      const prefixed = await TransformersEmbedder.create({ modelsDir: t.dir, model: 'prefixed' });
      const [asQuery] = await prefixed.embed(['software'], 'query');
      const [asPassage] = await prefixed.embed(['software'], 'passage');
      const [plain] = await embedder.embed(['salmon software']);
      expect(Array.from(asQuery!).map((x) => x.toFixed(4))).toEqual(Array.from(plain!).map((x) => x.toFixed(4)));
      expect(dot(asQuery!, asPassage!)).toBeLessThan(0.999);
      await prefixed.dispose();
    } finally {
      t.cleanup();
    }
  });
});
