// A test engine for one test file, set up by vitest's hooks (kept apart from helpers.ts, which
// scripts import outside vitest).
import { afterAll, beforeAll } from 'vitest';
import { createTestEngine, type TestEngine } from './helpers.js';

/** An engine over `data`, opened before the file's tests and closed after them; its fields are read inside tests. */
export function engineForFile(data: () => unknown, options: { outbox?: boolean | undefined } = {}): TestEngine {
  const state: { t?: TestEngine } = {};
  beforeAll(async () => {
    state.t = await createTestEngine({ data: data(), ...options });
  });
  afterAll(() => state.t?.close());
  const opened = () => state.t!;
  return {
    get engine() {
      return opened().engine;
    },
    get dir() {
      return opened().dir;
    },
    get repo() {
      return opened().repo;
    },
    close: () => opened().close(),
  };
}
