// A damaged admin-key file stops the start with a message naming the file; a bad hash can never
// reach request handling (where timingSafeEqual would throw on every Bearer request: a 500).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, ensureAdminKey, hashKey } from '../../src/api/index.js';
import { databaseFor, runTsx, tempDir } from '../helpers.js';

const t = tempDir();
afterAll(() => t.cleanup());

describe('a damaged admin-key.sha256', () => {
  for (const [what, content] of [
    ['too short', 'abc123\n'],
    ['not hex', 'z'.repeat(64)],
    ['empty', ''],
  ] as const) {
    it(`is refused when reading it (${what}), naming the file`, () => {
      const dir = path.join(t.dir, what.replace(/\W/g, '-'));
      ensureAdminKey(dir, undefined); // creates a good one
      writeFileSync(path.join(dir, 'admin-key.sha256'), content);
      expect(() => ensureAdminKey(dir, undefined)).toThrow(/admin-key\.sha256 is damaged/);
    });
  }

  it('still reads a good file, in either letter case', () => {
    const dir = path.join(t.dir, 'good');
    const { hash } = ensureAdminKey(dir, undefined);
    writeFileSync(path.join(dir, 'admin-key.sha256'), `${hash.toUpperCase()}\n`);
    expect(ensureAdminKey(dir, undefined).hash).toBe(hash);
  });

  it('cannot be given to the app', () => {
    expect(() => buildApp({ engine: () => undefined, adminKeyHash: 'abc' })).toThrow(/64 hex digits/);
    expect(() => buildApp({ engine: () => undefined, adminKeyHash: hashKey('a-good-admin-key-0123456789') })).not.toThrow();
  });

  it('makes `npm start` exit at once with a clear error naming the file', async () => {
    const dir = path.join(t.dir, 'service');
    ensureAdminKey(dir, undefined);
    const file = path.join(dir, 'admin-key.sha256');
    writeFileSync(file, 'not-a-hash\n');
    const env = { ...process.env, DATA_DIR: dir, PORT: '0', NORDICHUB_ADMIN_KEY: undefined, LOG_LEVEL: 'info', DATABASE_URL: await databaseFor(dir) };
    const run = await Promise.race([
      runTsx(['src/main.ts'], env),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the service started despite the damaged key file')), 60_000)),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain(`${file} is damaged`);
    expect(run.stderr + run.stdout).not.toContain('listening');
  }, 90_000);
});
