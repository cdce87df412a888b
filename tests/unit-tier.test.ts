// The fast tier (`npm run test:unit`) promises no HTTP server, no browser and no database server.
// Files move and grow: this checks that every entry of its list still names tests, and that none
// of those tests reaches for the slow machinery, so the tier stays fast by construction.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNIT_TESTS } from '../vitest.unit.config.js';
import { ROOT } from './helpers.js';

const ANY_TEST_BELOW = '/**/*.test.ts';

function testFilesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
}

function filesOf(pattern: string): string[] {
  if (pattern.endsWith(ANY_TEST_BELOW)) return testFilesUnder(pattern.slice(0, -ANY_TEST_BELOW.length));
  return testFilesUnder(path.posix.dirname(pattern)).filter((f) => f === pattern);
}

/** What a unit test must not use: each starts a server, a browser, a service process or a database engine. */
const SLOW_MACHINERY = [
  /from '[./]*src\/api\//,
  /from '[./]*browser\.js'/,
  /playwright/,
  /\bcreateTestEngine\b/,
  /\bstartServiceProcess\b/,
  /\bserve\(/,
  /\bTEST_PG\b/,
];

describe('the unit tier', () => {
  it.each(UNIT_TESTS)('names test files: %s', (pattern) => {
    expect(filesOf(pattern).length).toBeGreaterThan(0);
  });

  it('holds no test that starts a server, a browser, a service process or a database engine', () => {
    const offending = UNIT_TESTS.flatMap(filesOf).flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      return SLOW_MACHINERY.filter((p) => p.test(source)).map((p) => `${file}: ${p.source}`);
    });
    expect(offending).toEqual([]);
  });
});
