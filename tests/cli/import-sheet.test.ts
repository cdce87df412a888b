// `npm run import -- members.xlsx --map mapping.json` as staff run it: a spreadsheet member list
// through its column mapping, all or nothing, with the bad row named on the terminal.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../../src/db/index.js';
import { databaseFor, runTsx, tempDir } from '../helpers.js';

const t = tempDir();
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: t.dir, LOG_LEVEL: 'warn' };
beforeAll(async () => {
  env['DATABASE_URL'] = await databaseFor(t.dir);
});
afterAll(() => t.cleanup());

const run = (args: string[]) => runTsx(['src/cli/main.ts', ...args], env);

async function members(rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Members');
  for (const r of rows) sheet.addRow(r);
  const file = path.join(t.dir, `members-${rows.length}-${Date.now()}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe('npm run import with a spreadsheet', () => {
  it('names the bad row and imports nothing, then imports the fixed file through the mapping', async () => {
    const mapping = path.join(t.dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ 'Member no': 'id', Code: 'skip' }));
    const header = ['Member no', 'Company', 'Country', 'About', 'Code'];
    const bad = await members([header, ['m-1', 'Cellverket AB', 'SE', 'Battery recycling.', 'x'], ['m-2', 'Broken Oy', 'Finland', 'Boats.', 'y']]);
    const failed = await run(['import', bad, '--map', mapping]);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain('rows[3].Country');
    const good = await members([header, ['m-1', 'Cellverket AB', 'SE', 'Battery recycling.', 'x'], ['m-2', 'Hyvä Oy', 'FI', 'Boats.', 'y']]);
    const r = await run(['import', good, '--map', mapping]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/companies: 2 new, 0 updated/);
    const repo = await openRepository(env['DATABASE_URL']!);
    try {
      expect(await repo.get('company', 'm-2')).toMatchObject({ name: 'Hyvä Oy', country: 'FI' });
      expect(await repo.count('company')).toBe(2);
    } finally {
      await repo.close();
    }
  }, 90_000);
});
