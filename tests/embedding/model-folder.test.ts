// A wrong MODEL or a folder that is not a model stops the start with a message that names the
// problem (which folder, which file), instead of an error from deep inside Transformers.js.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, loadConfig } from '../../src/config.js';
import { TransformersEmbedder } from '../../src/embedding/index.js';
import { databaseFor, MODELS_DIR, runTsx, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(() => t.cleanup());

/** A models folder holding `name` with only the model's config.json. */
function halfModel(name: string): string {
  const dir = path.join(t.dir, 'models');
  mkdirSync(path.join(dir, name), { recursive: true });
  copyFileSync(path.join(MODELS_DIR, DEFAULT_MODEL, 'config.json'), path.join(dir, name, 'config.json'));
  return dir;
}

describe('the model setting', () => {
  it('is a folder name under MODELS_DIR, not a path out of it', () => {
    for (const model of ['../models/nordichub-static-nordic', '/etc', 'a/../../b', '..'])
      expect(() => loadConfig({ MODEL: model }), model).toThrow(/MODEL: must/);
    expect(loadConfig({ MODEL: 'Xenova/multilingual-e5-small' }).model).toBe('Xenova/multilingual-e5-small');
  });

  it('refuses a path as a model name when loading, naming MODELS_DIR', async () => {
    await expect(TransformersEmbedder.create({ modelsDir: MODELS_DIR, model: `../models/${DEFAULT_MODEL}` })).rejects.toThrow(
      /is not a model folder name: give the name of a folder under MODELS_DIR/,
    );
  });

  it('names the folder and the files missing from a folder that is not a whole model', async () => {
    const modelsDir = halfModel('half');
    const err = (await TransformersEmbedder.create({ modelsDir, model: 'half' }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toContain(path.join(modelsDir, 'half'));
    expect(err.message).toContain('missing tokenizer.json, tokenizer_config.json, onnx/model.onnx');
  });

  it('makes `npm start` exit with that message', async () => {
    const modelsDir = halfModel('broken');
    const dir = path.join(t.dir, 'service');
    const env = {
      ...process.env,
      DATA_DIR: dir,
      PORT: '0',
      MODELS_DIR: modelsDir,
      MODEL: 'broken',
      NORDICHUB_ADMIN_KEY: 'a-test-admin-key-0123456789',
      DATABASE_URL: await databaseFor(dir),
    };
    const run = await runTsx(['src/main.ts'], env);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('missing tokenizer.json');
    expect(run.stdout + run.stderr).not.toContain("reading 'tokenizer_class'");
  }, 90_000);
});
