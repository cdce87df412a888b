// Member lists from spreadsheets over real HTTP: CSV (comma or semicolon) and XLSX (written by
// exceljs here, as Excel would), a mapping proposed from Nordic and English headers, problems by
// row and column before anything is written, and an all-or-nothing import.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_ROWS } from '../../src/use-cases/import-sheet.js';
import { servedToStaff } from './client.js';

const ADMIN = 'test-admin-key-sheet-import-0123456789';
const { app, call } = servedToStaff(() => ({ companies: [] }), ADMIN);

const post = <S extends string>(path: S, body: unknown) => call('POST', path, { body });
const csv = (text: string) => ({ format: 'csv', content: Buffer.from(text).toString('base64') });

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Members');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const MEMBERS_CSV = [
  'Företagsnamn;Land;Beskrivning;Bransch;E-post;Anställda',
  'Heiðarmjólk ehf;IS;Arctic char hatchery.;aquaculture;info@heidar.example;12',
  'Fjordlaks AS;Norway;Salmon pens.;aquaculture;post@fjordlaks.example;40',
  'Kodverket AB;SE;Software for shops.;ict, fintech;hej@kodverket.example;7',
].join('\n');

describe('spreadsheet import', () => {
  it('proposes the mapping from Nordic headers and shows the bad row by row and column, writing nothing', async () => {
    const r = await post('/api/v1/import/sheet/preview', csv(MEMBERS_CSV));
    expect(r.status, r.text).toBe(200);
    expect(r.body.mapping).toEqual({
      Företagsnamn: 'name',
      Land: 'country',
      Beskrivning: 'description',
      Bransch: 'sectors',
      'E-post': 'contactEmail',
      Anställda: 'employees',
    });
    expect(r.body.rows).toBe(3);
    expect(r.body.valid).toBe(false);
    expect(r.body.problems).toEqual([{ row: 3, column: 'Land', field: 'country', message: expect.any(String) }]);
    expect(r.body.preview[0]).toMatchObject({ id: 'heidarmjolk-ehf', name: 'Heiðarmjólk ehf', sectors: ['aquaculture'], employees: 12 });
    const imported = await post('/api/v1/import/sheet', csv(MEMBERS_CSV));
    expect(imported.status).toBe(400);
    expect(imported.type).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(imported.body)).toContain('rows[3].Land');
    expect(await app.t.repo.count('company')).toBe(0);
  });

  it('imports every row once the file is fixed', async () => {
    const r = await post('/api/v1/import/sheet', csv(MEMBERS_CSV.replace(';Norway;', ';NO;')));
    expect(r.status, r.text).toBe(200);
    const stored = await app.t.repo.get('company', 'heidarmjolk-ehf');
    expect(stored).toMatchObject({ country: 'IS', contactEmail: 'info@heidar.example', employees: 12, sectors: ['aquaculture'] });
    expect((await app.t.repo.get('company', 'kodverket-ab'))?.sectors).toEqual(['ict', 'fintech']);
  });

  it('reads XLSX with a mapping that overrides the proposal, and skips a column', async () => {
    const content = await xlsx([
      ['Member no', 'Company', 'Country', 'About', 'Internal code'],
      ['m-101', 'Cellverket AB', 'SE', 'Battery recycling.', 'X1'],
      ['m-102', 'Akkutehdas Oy', 'FI', 'Batteries for boats.', 'X2'],
      ['m-103', 'Broken Oy', 'FI', '', 'X3'],
    ]);
    const mapping = { 'Member no': 'id', 'Internal code': 'skip' };
    const preview = await post('/api/v1/import/sheet/preview', { format: 'xlsx', content, mapping });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.mapping).toEqual({ 'Member no': 'id', Company: 'name', Country: 'country', About: 'description', 'Internal code': 'skip' });
    expect(preview.body.problems).toEqual([{ row: 4, column: 'About', field: 'description', message: expect.any(String) }]);
    const before = await app.t.repo.count('company');
    expect((await post('/api/v1/import/sheet', { format: 'xlsx', content, mapping })).status).toBe(400);
    expect(await app.t.repo.count('company')).toBe(before);
    const fixed = await xlsx([
      ['Member no', 'Company', 'Country', 'About'],
      ['m-101', 'Cellverket AB', 'SE', 'Battery recycling.'],
    ]);
    expect((await post('/api/v1/import/sheet', { format: 'xlsx', content: fixed, mapping: { 'Member no': 'id' } })).status).toBe(200);
    expect((await app.t.repo.get('company', 'm-101'))?.name).toBe('Cellverket AB');
  });

  it('rejects what it cannot read as a problem naming the field', async () => {
    for (const [body, path] of [
      [{ format: 'xlsx', content: Buffer.from('not a zip').toString('base64') }, 'content'],
      [{ format: 'csv', content: '!!!' }, 'content'],
      [{ ...csv('Name,Country\nA,FI'), mapping: { Nope: 'name' } }, 'mapping'],
      [{ ...csv('Name,Country\nA,FI'), mapping: { Name: 'shoeSize' } }, 'mapping'],
      [csv(`Name\n${'x\n'.repeat(MAX_SHEET_ROWS + 1)}`), 'content'],
    ] as const) {
      const r = await post('/api/v1/import/sheet/preview', body);
      expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(JSON.stringify(r.body)).toContain(path);
    }
  });

  it('is for staff only', async () => {
    const r = await call('POST', '/api/v1/import/sheet/preview', { key: null, body: csv(MEMBERS_CSV) });
    expect(r.status).toBe(401);
  });
});
