import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db/index.js';
import type { Embedder } from '../../src/embedding/index.js';
import { importDataset } from '../../src/use-cases/import-dataset.js';
import { reembedStaleVectors } from '../../src/use-cases/reembed-stale-vectors.js';
import { smallSet } from '../fixtures/small-set.js';
import { databaseFor, tempDir, testEmbedder } from '../helpers.js';

let repo: Repository;
let embedder: Embedder;
let cleanup: () => void;

/** The same model under another id: every stored vector is then from "another model". */
const renamed = (e: Embedder, modelId: string): Embedder => ({
  modelId,
  dims: e.dims,
  terms: e.terms,
  embed: (t, r) => e.embed(t, r),
  dispose: async () => {},
});

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  repo = await openRepository(await databaseFor(t.dir));
  embedder = await testEmbedder();
  await importDataset(smallSet(), { repo, embedder });
});
afterAll(async () => {
  await repo.close();
  cleanup();
});

describe('re-embedding stale vectors', () => {
  it('writes nothing when every vector is from the current model', async () => {
    const seq = await repo.latestChangeSeq();
    expect(await reembedStaleVectors({ repo, embedder })).toBe(false);
    expect(await repo.latestChangeSeq()).toBe(seq);
  });

  it('embeds every facet of every entity again for another model, reporting progress, and then has nothing left to do', async () => {
    const next = renamed(embedder, 'renamed-model-v1');
    const progress: [string, number, number][] = [];
    expect(await reembedStaleVectors({ repo, embedder: next, onProgress: (phase, done, total) => progress.push([phase, done, total]) })).toBe(true);
    expect(await repo.countEmbeddings('company', 'renamed-model-v1')).toBe((await repo.count('company')) * 3);
    expect(await repo.countEmbeddings('cluster', 'renamed-model-v1')).toBe(await repo.count('cluster'));
    expect(await repo.countEmbeddings('opportunity', 'renamed-model-v1')).toBe(await repo.count('opportunity'));
    expect(progress.every(([phase]) => phase === 'embed')).toBe(true);
    expect(progress.some(([, done, total]) => total > 0 && done === total)).toBe(true);
    expect(await reembedStaleVectors({ repo, embedder: next })).toBe(false);
  });
});
