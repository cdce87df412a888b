// The fast tier (`npm run test:unit`): pure and in-process code only, so a change to ranking,
// scheduling, indexing or the normaliser is checked in well under a minute. No HTTP server, no
// browser, no PostgreSQL; the full suite (`npm test`) stays what CI runs.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export const UNIT_TESTS = [
  'tests/domain/**/*.test.ts',
  'tests/events/**/*.test.ts',
  'tests/index/**/*.test.ts',
  'tests/matching/**/*.test.ts',
  'tests/embedding/nordic-normalizer.test.ts',
  'tests/evaluation/metrics.test.ts',
];

export default defineConfig({ ...base, test: { ...base.test, include: UNIT_TESTS } });
