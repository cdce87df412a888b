import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepository } from '../../src/db/index.js';
import { TransformersEmbedder } from '../../src/embedding/index.js';
import { closeEngine } from '../../src/engine/index.js';
import { openEngine } from '../../src/use-cases/open-engine.js';
import { importDataset } from '../../src/use-cases/import-dataset.js';
import { snapshotDir } from '../../src/index-lifecycle/index.js';
import { partnersForCompany } from '../../src/use-cases/recommend-partners.js';
import { deleteEntity } from '../../src/use-cases/delete-entity.js';
import { createEntity, patchEntity } from '../../src/use-cases/write-entities.js';
import { company, smallSet } from '../fixtures/small-set.js';
import { createTestEngine, databaseFor, DEFAULT_MODEL, MODELS_DIR, tempDir, testEmbedder, type TestEngine } from '../helpers.js';

let open: TestEngine | undefined;
let cleanups: (() => void)[] = [];
afterEach(async () => {
  await open?.close();
  open = undefined;
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const ids = (r: { results: { company: { id: string } }[] }) => r.results.map((x) => x.company.id);

describe('the live company index', () => {
  it('is built from the database on first start and saved', async () => {
    open = await createTestEngine({ data: smallSet() });
    expect(open.engine.index.companies.size).toBe(8);
    expect(JSON.parse(readFileSync(path.join(snapshotDir(open.dir), 'current.json'), 'utf8')).count).toBe(8);
  });

  it('reflects creates, updates and deletes at once, without a rebuild', async () => {
    open = await createTestEngine({ data: smallSet() });
    const { engine } = open;
    expect(ids(await partnersForCompany(engine, 'fi-pack', { limit: 10 }))).toContain('se-dist');

    await deleteEntity(engine, 'company', 'se-dist');
    expect(ids(await partnersForCompany(engine, 'fi-pack', { limit: 10 }))).not.toContain('se-dist');

    await createEntity(
      engine,
      'company',
      company({
        id: 'no-dist',
        country: 'NO',
        description: 'Packaging wholesale distributor in Norway.',
        offers: 'Wholesale distribution of cardboard packaging.',
        needs: 'Suppliers of paper packaging.',
      }),
    );
    expect(ids(await partnersForCompany(engine, 'fi-pack', { limit: 3 }))[0]).toBe('no-dist');

    // Moving a company into the asker's own country removes it from the asker's partners.
    await patchEntity(engine, 'company', 'no-dist', { country: 'FI' });
    expect(ids(await partnersForCompany(engine, 'fi-pack', { limit: 10 }))).not.toContain('no-dist');
  });

  it('loads the saved snapshot on restart, and rebuilds it when its files are gone', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = await createTestEngine({ dir: t.dir, data: smallSet() });
    const before = await partnersForCompany(first.engine, 'fi-pack', { limit: 5 });
    await first.close();

    const second = await createTestEngine({ dir: t.dir });
    expect(await partnersForCompany(second.engine, 'fi-pack', { limit: 5 })).toEqual(before);
    await second.close();

    rmSync(snapshotDir(t.dir), { recursive: true, force: true });
    const third = await createTestEngine({ dir: t.dir });
    expect(third.engine.index.companies.size).toBe(8);
    expect(await partnersForCompany(third.engine, 'fi-pack', { limit: 5 })).toEqual(before);
    await third.close();
  });

  it('rebuilds from the database when the snapshot is damaged', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = await createTestEngine({ dir: t.dir, data: smallSet() });
    await first.close();
    const pointer = path.join(snapshotDir(t.dir), 'current.json');
    const manifest = JSON.parse(readFileSync(pointer, 'utf8'));
    writeFileSync(path.join(snapshotDir(t.dir), manifest.generation, 'offers.vec'), 'not vectors');
    open = await createTestEngine({ dir: t.dir });
    expect(open.engine.index.companies.size).toBe(8);
    expect(ids(await partnersForCompany(open.engine, 'fi-pack', { limit: 3 }))).toContain('se-dist');
  });

  it('catches up from the change log with writes made by another process', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    open = await createTestEngine({ dir: t.dir, data: smallSet() });
    // A second connection stands for the CLI importing while the service runs.
    const other = await openRepository(await databaseFor(t.dir));
    await importDataset(
      {
        companies: [
          company({
            id: 'dk-dist',
            country: 'DK',
            offers: 'Wholesale distribution of cardboard packaging boxes.',
            needs: 'Suppliers of recyclable packaging.',
          }),
        ],
      },
      { repo: other, embedder: await testEmbedder() },
    );
    await other.write({ deletes: [{ entityType: 'company', id: 'se-dist' }] });
    await other.close();
    expect(await open.engine.follower.catchUp()).toBe(2);
    const found = ids(await partnersForCompany(open.engine, 'fi-pack', { limit: 10 }));
    expect(found).toContain('dk-dist');
    expect(found).not.toContain('se-dist');
  });

  it('keeps opportunities and clusters in step too: filled at start, followed through the change log', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = await createTestEngine({ dir: t.dir, data: smallSet() });
    await first.close();
    // Written by another process while this one was down, then while it runs.
    const other = await openRepository(await databaseFor(t.dir));
    const embedder = await testEmbedder();
    await importDataset(
      { opportunities: [{ id: 'op-se-new', title: 'Paper trays', country: 'SE', description: 'A chain buys paper trays.', type: 'tender' }] },
      { repo: other, embedder },
    );
    open = await createTestEngine({ dir: t.dir });
    expect([...open.engine.index.opportunities.attributes.keys()].sort()).toEqual(['op-no-tender', 'op-se-new']);
    expect(open.engine.index.clusters.size).toBe(3);
    await importDataset(
      { clusters: [{ id: 'cl-dk-new', name: 'Danish Cluster', country: 'DK', description: 'Food makers in Denmark.' }] },
      { repo: other, embedder },
    );
    await other.write({ deletes: [{ entityType: 'opportunity', id: 'op-se-new' }] });
    await other.close();
    expect(await open.engine.follower.catchUp()).toBe(2);
    expect(open.engine.index.clusters.attributes.has('cl-dk-new')).toBe(true);
    expect(open.engine.index.opportunities.attributes.has('op-se-new')).toBe(false);
  });

  it('detects a model change: re-embeds every profile and rebuilds the index', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const first = await createTestEngine({ dir: t.dir, data: smallSet() });
    await first.close();

    const models = path.join(t.dir, 'models');
    cpSync(path.join(MODELS_DIR, DEFAULT_MODEL), path.join(models, 'next-model'), { recursive: true });
    const configFile = path.join(models, 'next-model', 'config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.nordichub.modelId = 'next-model-v2';
    writeFileSync(configFile, JSON.stringify(config));

    const repo = await openRepository(await databaseFor(t.dir));
    const embedder = await TransformersEmbedder.create({ modelsDir: models, model: 'next-model' });
    const engine = await openEngine({ repo, embedder, indexDir: snapshotDir(t.dir) });
    expect(await repo.countEmbeddings('company', 'next-model-v2')).toBe(8 * 3);
    expect(await repo.countEmbeddings('cluster', 'next-model-v2')).toBe(3);
    expect(JSON.parse(readFileSync(path.join(snapshotDir(t.dir), 'current.json'), 'utf8')).modelId).toBe('next-model-v2');
    expect((await partnersForCompany(engine, 'fi-pack', { limit: 3 })).model).toBe('next-model-v2');
    await closeEngine(engine);
  });
});
