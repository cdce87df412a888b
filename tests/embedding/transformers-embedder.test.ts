import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { dot, NordicNormalizer, TransformersEmbedder, type Embedder } from '../../src/embedding/index.js';
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
    expect(embedder.modelId).toMatch(/^nordichub-static-nordic/);
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
      [
        'wholesale distributor of packaging materials',
        'we distribute cardboard boxes and paper packaging to retailers',
        'mobile game studio making puzzle games',
      ],
      ['sensors that monitor oxygen in fish farms', 'underwater measurement devices for salmon aquaculture', 'accounting software for small shops'],
      ['offshore wind turbine maintenance', 'repair services for wind farms at sea', 'organic bakery selling bread'],
      ['investor for a battery recycling startup', 'venture capital fund financing cleantech companies', 'hotel and tourism booking for ski resorts'],
    ];
    for (const [anchor, close, far] of triplets) {
      const [a, c, f] = await embedder.embed([anchor, close, far]);
      expect(dot(a!, c!), `${anchor} ~ ${close}`).toBeGreaterThan(dot(a!, f!));
    }
  });

  it('places a text near its translation in every Nordic language', async () => {
    // The issue's own example: a Finnish packaging distributor is nearer to a Swedish packaging
    // distributor than to a Swedish software house.
    const [fi, svPack, svSoft] = await embedder.embed([
      'Olemme pakkausmateriaalien tukkukauppa ja jakelemme pahvilaatikoita kauppoihin.',
      'Vi är en grossist som distribuerar förpackningar och kartonger till butiker.',
      'Vi är ett mjukvaruföretag som utvecklar mobilappar och molntjänster.',
    ]);
    expect(dot(fi!, svPack!)).toBeGreaterThan(dot(fi!, svSoft!));
    const sentences = {
      en: 'We farm salmon and need sensors that measure oxygen in the sea cages.',
      fi: 'Kasvatamme lohta ja tarvitsemme antureita, jotka mittaavat happea merihäkeissä.',
      sv: 'Vi odlar lax och behöver sensorer som mäter syre i kassarna i havet.',
      nb: 'Vi driver oppdrett av laks og trenger sensorer som måler oksygen i merdene.',
      da: 'Vi opdrætter laks og har brug for sensorer, der måler ilt i havburene.',
      is: 'Við ölum lax og þurfum skynjara sem mæla súrefni í sjókvíunum.',
    };
    const unrelated = 'We develop accounting software and payroll services for small shops.';
    const [en, other, ...nordic] = await embedder.embed([sentences.en, unrelated, sentences.fi, sentences.sv, sentences.nb, sentences.da, sentences.is]);
    for (const v of nordic) expect(dot(v!, en!)).toBeGreaterThan(dot(v!, other!));
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

describe('the Nordic normaliser in front of the model', () => {
  it("produces exactly the ids the model's own tokenizer gives for its output", async () => {
    const folder = path.join(MODELS_DIR, DEFAULT_MODEL);
    const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8'));
    const vocab = new Map<string, number>(Object.entries(JSON.parse(readFileSync(path.join(folder, 'tokenizer.json'), 'utf8')).model.vocab));
    const normalizer = new NordicNormalizer(vocab, config.nordichub.normalizer);
    env.localModelPath = MODELS_DIR + path.sep;
    const tokenizer = await AutoTokenizer.from_pretrained(DEFAULT_MODEL);
    for (const text of [
      'Vi tillverkar återvinningsbara kartongförpackningar och söker en grossist i Finland.',
      'Kasvatamme lohta ja tarvitsemme antureita meriläkeissä.',
      'Við framleiðum umbúðir úr pappa fyrir fiskvinnslur á Íslandi.',
      'We build underwater sensors for fish farms in Malmö and Ålesund.',
    ]) {
      const ids = Array.from(tokenizer(normalizer.normalize(text)).input_ids.data as BigInt64Array, Number);
      expect(normalizer.tokenIds(text)).toEqual(ids);
      expect(ids.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('model loading', () => {
  it('refuses a missing model with a clear error and never downloads', async () => {
    await expect(TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: 'intfloat/multilingual-e5-small' })).rejects.toThrow(AppError);
    await expect(TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: 'no-such-model' })).rejects.toThrow(/never downloaded/);
  });

  it('knows the query and passage prefixes of E5 models by their id', async () => {
    const t = tempDir();
    try {
      const folder = path.join(t.dir, 'intfloat', 'multilingual-e5-small');
      cpSync(path.join(MODELS_DIR, DEFAULT_MODEL), folder, { recursive: true });
      const configFile = path.join(folder, 'config.json');
      const config = JSON.parse(readFileSync(configFile, 'utf8'));
      config.nordichub = { ...config.nordichub, modelId: undefined, prefixes: undefined };
      writeFileSync(configFile, JSON.stringify(config));
      const e5 = await TransformersEmbedder.create({ modelsDir: t.dir, model: 'intfloat/multilingual-e5-small' });
      expect(e5.modelId).toBe('intfloat/multilingual-e5-small');
      const [asQuery] = await e5.embed(['salmon farming'], 'query');
      const [plain] = await embedder.embed(['query: salmon farming']);
      expect(Array.from(asQuery!).map((x) => x.toFixed(4))).toEqual(Array.from(plain!).map((x) => x.toFixed(4)));
      await e5.dispose();
    } finally {
      t.cleanup();
    }
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
