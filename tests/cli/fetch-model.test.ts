import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const t = tempDir();
afterAll(() => t.cleanup());

describe('npm run model:fetch', () => {
  it('says clearly that no network is reachable, and leaves nothing half-downloaded', () => {
    // Port 9 (discard) on loopback stands for a hub that cannot be reached.
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['scripts/fetch-model.ts', 'Xenova/multilingual-e5-small', '--models-dir', t.dir, '--host', 'http://127.0.0.1:9/'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no network access to http:\/\/127\.0\.0\.1:9\//);
    expect(existsSync(path.join(t.dir, 'Xenova/multilingual-e5-small/config.json'))).toBe(false);
  });

  it('rejects something that is not a model id', () => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/fetch-model.ts', '../../etc'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});
