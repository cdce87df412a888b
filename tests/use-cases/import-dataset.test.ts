import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db/index.js';
import { AppError } from '../../src/errors.js';
import { importDataset } from '../../src/use-cases/import-dataset.js';
import { company, smallSet } from '../fixtures/small-set.js';
import { databaseFor, tempDir, testEmbedder } from '../helpers.js';
import type { Embedder } from '../../src/embedding/index.js';

let repo: Repository;
let embedder: Embedder;
const t = tempDir();

beforeAll(async () => {
  repo = await openRepository(await databaseFor(t.dir));
  embedder = await testEmbedder();
});
afterAll(async () => {
  await repo.close();
  t.cleanup();
});

async function snapshotOfDb() {
  return {
    companies: await repo.list('company', { limit: 1000, offset: 0 }),
    clusters: await repo.list('cluster', { limit: 1000, offset: 0 }),
    seq: await repo.latestChangeSeq(),
    vectors: await repo.countEmbeddings('company', embedder.modelId),
  };
}

async function rejection(input: unknown): Promise<AppError> {
  const err = await importDataset(input, { repo, embedder }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('importing a data set', () => {
  it('creates everything, embeds every facet and accepts (ignores) judgments', async () => {
    const report = await importDataset(smallSet(), { repo, embedder });
    expect(report.companies).toEqual({ created: 8, updated: 0 });
    expect(report.clusters).toEqual({ created: 3, updated: 0 });
    expect(report.opportunities).toEqual({ created: 1, updated: 0 });
    expect(report.embedded).toBe(8 * 3 + 3 + 1);
    expect(await repo.countEmbeddings('company', embedder.modelId)).toBe(24);
  });

  it('upserts by id and embeds only texts that changed', async () => {
    const data = smallSet();
    data.companies![0] = { ...data.companies![0]!, needs: 'A distributor in Denmark.' };
    const report = await importDataset(data, { repo, embedder });
    expect(report.companies).toEqual({ created: 0, updated: 8 });
    // needs and the whole profile of one company changed; nothing else is embedded again
    expect(report.embedded).toBe(2);
    expect((await repo.get('company', 'fi-pack'))!.needs).toBe('A distributor in Denmark.');
  });

  it('rejects an invalid element with its path and changes nothing', async () => {
    const before = await snapshotOfDb();
    const data = smallSet();
    data.companies![0] = { ...data.companies![0]!, name: 'Changed name' };
    data.companies!.push(company({ id: 'bad', country: 'XX' as never }));
    const err = await rejection(data);
    expect(err.issues).toContainEqual(expect.objectContaining({ path: 'companies[8].country' }));
    expect(await snapshotOfDb()).toEqual(before);
  });

  it('rejects duplicate ids and unknown cluster references', async () => {
    const before = await snapshotOfDb();
    const err = await rejection({
      companies: [
        company({ id: 'dup', country: 'FI' }),
        company({ id: 'dup', country: 'SE' }),
        company({ id: 'orphan', country: 'NO', clusterIds: ['cl-nowhere'] }),
      ],
    });
    expect(err.issues.map((i) => i.path)).toEqual(['companies[1].id', 'companies[2].clusterIds[0]']);
    expect(await snapshotOfDb()).toEqual(before);
  });

  it('accepts a cluster reference to a cluster in the same file', async () => {
    const report = await importDataset(
      {
        clusters: [{ id: 'cl-new', name: 'New', country: 'IS', description: 'A new cluster.' }],
        companies: [company({ id: 'member', country: 'IS', clusterIds: ['cl-new'] })],
      },
      { repo, embedder },
    );
    expect(report.companies.created).toBe(1);
  });

  it('imports a set larger than one SQL statement can carry', async () => {
    const many = Array.from({ length: 450 }, (_, i) =>
      company({ id: `bulk-${i}`, country: i % 2 ? 'DK' : 'IS', offers: `Offer number ${i} of timber products.` }),
    );
    const report = await importDataset({ companies: many }, { repo, embedder });
    expect(report.companies.created).toBe(450);
    expect(report.embedded).toBe(450 * 3);
    expect(
      (
        await repo.existingIds(
          'company',
          many.map((c) => c.id),
        )
      ).size,
    ).toBe(450);
    const again = await importDataset({ companies: many.map((c) => ({ ...c, name: `${c.name} renamed` })) }, { repo, embedder });
    expect(again.companies).toEqual({ created: 0, updated: 450 });
    expect((await repo.get('company', 'bulk-449'))!.name).toBe('Company bulk-449 renamed');
  });

  it.each([
    ['not an object', 'just a string'],
    ['wrong type of list', { companies: 'many' }],
    ['unknown top-level key', { firms: [] }],
  ])('rejects %s', async (_what, input) => {
    const before = await snapshotOfDb();
    await rejection(input);
    expect(await snapshotOfDb()).toEqual(before);
  });
});
