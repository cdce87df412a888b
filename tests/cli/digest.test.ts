// `npm run digest` as staff run it: after an import, a table on the terminal and a CSV file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSet } from '../fixtures/export-set.js';
import { databaseFor, runTsx, tempDir } from '../helpers.js';

const t = tempDir();
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: 'warn', COLUMNS: '160' };
beforeAll(async () => {
  env['DATABASE_URL'] = await databaseFor(t.dir);
});
afterAll(() => t.cleanup());

const run = (args: string[]) => runTsx(['src/cli/main.ts', ...args], env);

describe('npm run digest', () => {
  it('prints a table per company and writes the same digest as CSV', async () => {
    const data = path.join(t.dir, 'set.json');
    writeFileSync(data, JSON.stringify(exportSet()));
    expect((await run(['import', data])).code).toBe(0);
    const csvFile = path.join(t.dir, 'digest.csv');
    const r = await run(['digest', '--since', '2000-01-01', '--threshold', '0.5', '--csv', csvFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 open opportunities added since 2000-01-01; \d+ companies with a fit of at least 0.5/);
    expect(r.stdout).toContain('Kartonki Packaging Oy (FI)');
    expect(r.stdout).toContain('anna.virtanen@example.org');
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^company_id,company,company_country,contact_email/);
    expect(csv).toMatch(/fi-pack,Kartonki Packaging Oy,FI,anna\.virtanen@example\.org,op-se-boxes/);
    const piped = await run(['digest', '--since', '2000-01-01', '--threshold', '0.5', '--format', 'csv']);
    expect(piped.stdout).toBe(csv);
  }, 60_000);

  it('explains a bad date and exits non-zero', async () => {
    const r = await run(['digest', '--since', 'last-week']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/since: Invalid/);
  }, 30_000);
});
