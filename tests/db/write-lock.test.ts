// Item 6 of issue 14: a service write that meets another connection's SQLite write lock (a CLI
// import holds it until commit) must wait on timers, not inside SQLite on the event loop.
// The lock is held by a second real better-sqlite3 connection to the same file, exactly as the
// CLI's would be; it is released by a timer in this process, so a write that blocked the event
// loop would also keep the release from ever running (the test would time out).
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db/index.js';
import { CompanyInputSchema, toCompany } from '../../src/domain/index.js';
import { company } from '../fixtures/small-set.js';
import { databaseFor, TEST_DB, tempDir } from '../helpers.js';

let repo: Repository | undefined;
let cleanup = () => {};
afterEach(async () => {
  await repo?.close();
  repo = undefined;
  cleanup();
});

const HELD_MS = 1_500;

describe.skipIf(TEST_DB !== 'sqlite')("a write waiting for another connection's write lock", () => {
  it('keeps the event loop turning and lands once the lock is released', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const url = await databaseFor(t.dir);
    repo = await openRepository(url);
    const other = new Database(url.slice('file:'.length));
    other.exec('BEGIN IMMEDIATE');
    const lockedAt = Date.now();
    const released = new Promise<number>((resolve) =>
      setTimeout(() => {
        other.exec('COMMIT');
        other.close();
        resolve(Date.now());
      }, HELD_MS),
    );
    let turns = 0;
    const ticker = setInterval(() => turns++, 10);
    try {
      const c = toCompany(CompanyInputSchema.parse(company({ id: 'while-locked', country: 'FI' })));
      // A transaction (the import path) and a single statement (a plain model write).
      const [writtenAt] = await Promise.all([repo.write({ companies: [c] }).then(() => Date.now()), repo.deleteFeedbackFor('nobody')]);
      const releasedAt = await released;
      expect(writtenAt).toBeGreaterThanOrEqual(releasedAt);
      expect(writtenAt - lockedAt).toBeLessThan(10_000);
    } finally {
      clearInterval(ticker);
    }
    // ~150 turns of 10 ms fit in the wait; a blocked loop would give none.
    expect(turns).toBeGreaterThan(HELD_MS / 10 / 3);
    expect((await repo.get('company', 'while-locked'))?.id).toBe('while-locked');
    expect(await repo.latestChangeSeq()).toBe(1);
  }, 60_000);
});
