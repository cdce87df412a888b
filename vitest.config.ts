import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Native addons (onnxruntime, hnswlib, better-sqlite3) are safest in child processes.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Off unless asked for (`npm run coverage`, `--coverage`): instrumenting costs time on every run.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The browser clients run in Chromium, where V8 coverage of Node cannot see them; declaration
      // files and generated Prisma clients hold no code of ours.
      exclude: ['src/widget/client/**', 'src/console/client/**', 'src/**/*.d.ts', 'src/db/generated*/**'],
      reporter: ['text-summary', 'html'],
      // A failing test must not hide the summary: CI prints it whatever the outcome.
      reportOnFailure: true,
    },
  },
});
