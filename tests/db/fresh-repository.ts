// An empty repository on a real database for every test of a file: SQLite in a temporary folder,
// or a fresh PostgreSQL database with NORDICHUB_TEST_PG (databaseFor decides).
import { afterEach, beforeEach } from 'vitest';
import { openRepository, type Repository } from '../../src/db/index.js';
import { databaseFor, tempDir } from '../helpers.js';

/** Opens the repository before each test and closes it (removing its folder) after; `repo` is read inside tests. */
export function freshRepositoryPerTest(): { readonly repo: Repository } {
  const state: { repo?: Repository; cleanup?: () => void } = {};
  beforeEach(async () => {
    const t = tempDir();
    state.cleanup = t.cleanup;
    state.repo = await openRepository(await databaseFor(t.dir));
  });
  afterEach(async () => {
    await state.repo?.close();
    state.cleanup?.();
  });
  return {
    get repo() {
      return state.repo!;
    },
  };
}
