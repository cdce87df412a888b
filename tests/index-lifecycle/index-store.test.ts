import { afterEach, describe, expect, it } from 'vitest';
import { IndexStore } from '../../src/index-lifecycle/index.js';
import { tempDir } from '../helpers.js';

const DIMS = 4;
const unit = (i: number) => Float32Array.from({ length: DIMS }, (_, k) => (k === i ? 1 : 0));
const attributes = { country: 'FI', sectors: ['ict'], partnerTypes: [] };

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function savedDir(): string {
  const t = tempDir();
  cleanup = t.cleanup;
  return t.dir;
}

async function storeWithSnapshot(dir: string, modelId: string, seq: number): Promise<void> {
  const store = IndexStore.create(DIMS);
  store.companies.upsert('fi-a', attributes, { profile: unit(0), offers: unit(1), needs: unit(2) });
  store.advanceTo(seq);
  expect(store.dirty).toBe(true);
  await store.saveSnapshot(dir, modelId);
  expect(store.dirty).toBe(false);
}

describe('the index store', () => {
  it('starts empty, at change-log position 0, with nothing to save', () => {
    const store = IndexStore.create(DIMS);
    expect([store.companies.size, store.opportunities.size, store.clusters.size, store.seq, store.dirty]).toEqual([0, 0, 0, 0, false]);
    expect(store.of('cluster')).toBe(store.clusters);
  });

  it('loads a snapshot of the same model and dimension, at the position it was saved', async () => {
    const dir = savedDir();
    await storeWithSnapshot(dir, 'model-a', 7);
    const store = IndexStore.create(DIMS);
    await store.loadSnapshot(dir, { modelId: 'model-a', dims: DIMS, latestSeq: 9 });
    expect([store.companies.size, store.seq, store.dirty]).toEqual([1, 7, false]);
    expect(store.companies.facet('offers').get('fi-a')).toEqual(unit(1));
  });

  it.each([
    ['another model', { modelId: 'model-b', dims: DIMS, latestSeq: 9 }, /model changed/],
    ['a snapshot ahead of the database', { modelId: 'model-a', dims: DIMS, latestSeq: 6 }, /ahead of the database/],
  ])('refuses %s and keeps what it had', async (_, expectation, reason) => {
    const dir = savedDir();
    await storeWithSnapshot(dir, 'model-a', 7);
    const store = IndexStore.create(DIMS);
    await expect(store.loadSnapshot(dir, expectation)).rejects.toThrow(reason);
    expect([store.companies.size, store.seq]).toEqual([0, 0]);
  });

  it('swaps in collections filled aside, as a rebuild does', () => {
    const store = IndexStore.create(DIMS);
    const fresh = IndexStore.emptyCollections(DIMS);
    fresh.cluster.upsert('cl-a', attributes, { profile: unit(3) });
    store.replaceAll(fresh, 12);
    expect([store.clusters.size, store.seq, store.dirty]).toEqual([1, 12, true]);
  });
});
