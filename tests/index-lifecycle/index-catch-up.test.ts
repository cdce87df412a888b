// Item 6 of issue 14: after a large import commits, the index catch-up must not stall reads.
// A data set is written to the database behind the engine's back (as a CLI import in another
// process does), then the catch-up runs while a client keeps asking /healthz and partners over
// real HTTP. Were the catch-up one blocking loop, no request could be answered until it ended;
// here many are, all of them 200, with no connection errors.
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../scripts/lib/synthetic.js';
import { buildApp } from '../../src/api/index.js';
import { hashKey } from '../../src/api/admin-key.js';
import { importDataset } from '../../src/use-cases/import-dataset.js';
import { smallSet } from '../fixtures/small-set.js';
import { createTestEngine, serve, testEmbedder, type TestEngine } from '../helpers.js';

let open: TestEngine | undefined;
let server: { base: string; close(): Promise<void> } | undefined;
afterEach(async () => {
  await server?.close();
  await open?.close();
  server = open = undefined;
});

const IMPORTED = 5_000;

interface ReadLog {
  answered: number;
  statuses: Set<number>;
  errors: string[];
}

/** Alternates /healthz and partners, one at a time, until `stop()` says so. */
async function readUntil(base: string, stop: () => boolean, log: ReadLog): Promise<void> {
  const paths = ['/healthz', '/api/v1/companies/fi-pack/partners?limit=5'];
  for (let i = 0; !stop(); i++) {
    try {
      const res = await fetch(base + paths[i % paths.length]!);
      await res.arrayBuffer();
      log.statuses.add(res.status);
      if (!stop()) log.answered++;
    } catch (err) {
      log.errors.push(String((err as { cause?: unknown }).cause ?? err));
    }
  }
}

describe('index catch-up after a large import', () => {
  it('answers reads while it runs, without errors', async () => {
    open = await createTestEngine({ data: smallSet() });
    const { engine, repo } = open;
    server = await serve(
      buildApp({ engine: () => engine, adminKeyHash: hashKey('catch-up-admin-key-0123456789'), rateLimits: { perIpPerMinute: 1e6, perKeyPerMinute: 1e6 } }),
    );
    await importDataset(syntheticDataset(IMPORTED, 11), { repo, embedder: await testEmbedder() });
    expect(engine.index.companies.size).toBe(8);

    let caughtUp = false;
    const log: ReadLog = { answered: 0, statuses: new Set(), errors: [] };
    const reads = readUntil(server.base, () => caughtUp, log);
    const started = Date.now();
    const applied = await engine.follower.catchUp();
    caughtUp = true;
    await reads;

    expect(applied).toBe(IMPORTED);
    expect(engine.index.companies.size).toBe(IMPORTED + 8);
    expect(log.errors).toEqual([]);
    expect([...log.statuses]).toEqual([200]);
    // Answered while the catch-up was still running: a blocking loop would allow none (or one
    // between its 2,000-entry batches).
    expect(log.answered, `answered during a ${Date.now() - started} ms catch-up`).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
