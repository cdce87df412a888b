// Member lists from spreadsheets (CSV or XLSX): the columns are mapped to company fields (a
// mapping is proposed from the headers, in English and the Nordic languages), every row is
// checked against the company schema, and the problems are reported per row and column before
// anything is written. The import itself is the data-set import: all or nothing.
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { CompanyInputSchema, DatasetSchema, foldText, type CompanyInput } from '../domain/index.js';
import { appError, type FieldIssue } from '../errors.js';
import type { Engine } from '../engine/index.js';
import { parseOrThrow } from '../validation/index.js';
import { importAndIndex, type ImportReport } from './import-dataset.js';

/** A member list is a few thousand rows at most; a larger file is a mistake or an attack. */
export const MAX_SHEET_BYTES = 2 * 1024 * 1024;
export const MAX_SHEET_ROWS = 5_000;
export const MAX_SHEET_COLUMNS = 60;
/** Rows shown in a preview, and problems reported at most (the first ones say what to fix). */
export const PREVIEW_ROWS = 20;
export const MAX_PROBLEMS = 200;

export const SHEET_FIELDS = [
  'id',
  'name',
  'country',
  'description',
  'offers',
  'needs',
  'sectors',
  'partnerTypes',
  'clusterIds',
  'language',
  'employees',
  'website',
  'contactEmail',
  'contactPhone',
  'notes',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];
const LIST_FIELDS = new Set<SheetField>(['sectors', 'partnerTypes', 'clusterIds']);

// Header words, folded, that name a field: English and the Nordic languages.
const HEADER_NAMES: Record<SheetField, string[]> = {
  id: ['id', 'member id', 'memberid', 'company id', 'medlemsnummer', 'jasennumero'],
  name: [
    'name',
    'company',
    'company name',
    'namn',
    'foretag',
    'foretagsnamn',
    'nimi',
    'yritys',
    'yrityksen nimi',
    'navn',
    'firma',
    'firmanavn',
    'nafn',
    'fyrirtaeki',
  ],
  country: ['country', 'land', 'maa', 'country code', 'landskod', 'maakoodi'],
  description: ['description', 'about', 'beskrivning', 'kuvaus', 'beskrivelse', 'lysing'],
  offers: ['offers', 'offer', 'we offer', 'erbjuder', 'tarjoaa', 'tilbyr', 'tilbyder'],
  needs: ['needs', 'need', 'looking for', 'seeks', 'soker', 'behover', 'etsii', 'tarvitsee', 'trenger', 'sogger', 'soger'],
  sectors: ['sectors', 'sector', 'industry', 'bransch', 'sektor', 'sektorer', 'toimiala', 'bransje', 'branche', 'geiri'],
  partnerTypes: ['partner types', 'partnertypes', 'partner type', 'partners wanted'],
  clusterIds: ['clusters', 'cluster', 'cluster ids', 'clusterids', 'kluster', 'klusteri'],
  language: ['language', 'sprak', 'kieli', 'sprog', 'tungumal'],
  employees: ['employees', 'staff', 'headcount', 'anstallda', 'henkilosto', 'ansatte', 'starfsmenn'],
  website: ['website', 'web', 'url', 'homepage', 'webbplats', 'hemsida', 'verkkosivu', 'kotisivu', 'nettside', 'hjemmeside', 'vefsida'],
  contactEmail: ['email', 'e mail', 'contact email', 'epost', 'e post', 'sahkoposti', 'mail', 'netfang'],
  contactPhone: ['phone', 'telephone', 'telefon', 'puhelin', 'simi', 'contact phone', 'mobile'],
  notes: ['notes', 'note', 'anteckningar', 'muistiinpanot', 'notater', 'noter', 'athugasemdir'],
};

export const SheetMappingSchema = z.record(z.string().max(200), z.enum([...SHEET_FIELDS, 'skip'])).meta({
  description: 'Column header -> company field (or `skip`); a column left out is proposed from its header',
});

export const SheetInputSchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  /** The file, base64: a spreadsheet is binary, and JSON keeps the request one shape. */
  content: z
    .base64()
    .max(Math.ceil(MAX_SHEET_BYTES / 3) * 4, `at most ${MAX_SHEET_BYTES / 1024 / 1024} MB`)
    .meta({ description: 'The file, base64-encoded' }),
  mapping: SheetMappingSchema.optional(),
});

export interface SheetProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column header, or null for a problem of the whole row. */
  column: string | null;
  field: string;
  message: string;
}

export interface SheetPreview {
  columns: string[];
  mapping: Record<string, SheetField | 'skip'>;
  rows: number;
  /** The first PREVIEW_ROWS rows as companies would be written (before defaults). */
  preview: Record<string, unknown>[];
  problems: SheetProblem[];
  /** True when every row is valid: the import would write them all. */
  valid: boolean;
}

interface Table {
  columns: string[];
  rows: string[][];
}

const bad = (path: string, message: string) => appError('INVALID_INPUT', { what: 'spreadsheet' }, [{ path, message }]);

/** Header and rows of the file's first sheet, as text. */
export async function readTable(format: 'csv' | 'xlsx', bytes: Buffer): Promise<Table> {
  const cells = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  const nonEmpty = cells.filter((r) => r.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) throw bad('content', 'the file has no header row');
  if (header.length > MAX_SHEET_COLUMNS) throw bad('content', `at most ${MAX_SHEET_COLUMNS} columns`);
  if (rows.length > MAX_SHEET_ROWS) throw bad('content', `at most ${MAX_SHEET_ROWS} rows`);
  const columns = header.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (new Set(columns).size !== columns.length) throw bad('content', 'two columns have the same header');
  return { columns, rows };
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Spreadsheets in Nordic locales save CSV with semicolons (the comma is their decimal mark).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, to_line: MAX_SHEET_ROWS + 2 }) as string[][];
  } catch (err) {
    throw bad('content', `not a readable CSV file: ${(err as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw bad('content', 'not a readable XLSX file');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw bad('content', 'the workbook has no sheet');
  if (sheet.rowCount > MAX_SHEET_ROWS + 1) throw bad('content', `at most ${MAX_SHEET_ROWS} rows`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_SHEET_COLUMNS + 1); c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  return rows;
}

const headerKey = (h: string) =>
  foldText(h)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A field per column from its header; `skip` for a header no field answers to (or one already taken). */
export function proposeMapping(columns: readonly string[]): Record<string, SheetField | 'skip'> {
  const taken = new Set<SheetField>();
  const mapping: Record<string, SheetField | 'skip'> = {};
  for (const column of columns) {
    const key = headerKey(column);
    const field = SHEET_FIELDS.find((f) => !taken.has(f) && (headerKey(f) === key || HEADER_NAMES[f].includes(key)));
    if (field) taken.add(field);
    mapping[column] = field ?? 'skip';
  }
  return mapping;
}

/** "Heiðarmjólk ehf." -> "heidarmjolk-ehf": the id of a row that has none. */
export const idFromName = (name: string) =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

function cellValue(field: SheetField, text: string): unknown {
  const value = text.trim();
  if (LIST_FIELDS.has(field))
    return value
      .split(/[;,|]/)
      .map((v) => v.trim())
      .filter(Boolean);
  if (value === '') return undefined;
  if (field === 'employees') return /^\d+$/.test(value) ? Number(value) : value;
  if (field === 'country') return value.toUpperCase();
  return value;
}

/** Every row as a company input, with the problems of each row by column. */
export function rowsToCompanies(
  table: Table,
  mapping: Record<string, SheetField | 'skip'>,
): { companies: CompanyInput[]; raw: Record<string, unknown>[]; problems: SheetProblem[] } {
  const columnOf = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) if (field !== 'skip' && table.columns.includes(column)) columnOf.set(field, column);
  const companies: CompanyInput[] = [];
  const raw: Record<string, unknown>[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const input: Record<string, unknown> = {};
    for (const [field, column] of columnOf) {
      const value = cellValue(field as SheetField, cells[table.columns.indexOf(column)] ?? '');
      if (value !== undefined) input[field] = value;
    }
    if (!columnOf.has('id') && typeof input['name'] === 'string') input['id'] = idFromName(input['name']);
    raw.push(input);
    const parsed = CompanyInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push({ row, column: columnOf.get(field) ?? null, field, message: issue.message });
      }
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier) problems.push({ row, column: columnOf.get('id') ?? columnOf.get('name') ?? null, field: 'id', message: `the same id as row ${earlier}` });
    seen.set(parsed.data.id, row);
    companies.push(parsed.data);
  });
  return { companies, raw, problems };
}

async function check(input: unknown): Promise<SheetPreview & { companies: CompanyInput[] }> {
  const { format, content, mapping } = parseOrThrow(SheetInputSchema, input, 'spreadsheet');
  const table = await readTable(format, Buffer.from(content, 'base64'));
  const unknown = Object.keys(mapping ?? {}).filter((c) => !table.columns.includes(c));
  if (unknown.length) throw bad(`mapping.${unknown[0]}`, 'no such column in the file');
  const full = { ...proposeMapping(table.columns), ...mapping };
  const { companies, raw, problems } = rowsToCompanies(table, full);
  const missing = (['name', 'country', 'description'] as const).filter((f) => !Object.values(full).includes(f));
  const unmapped: SheetProblem[] = missing.map((f) => ({ row: 1, column: null, field: f, message: `no column is mapped to ${f}` }));
  const all = [...unmapped, ...problems];
  return {
    columns: table.columns,
    mapping: full,
    rows: table.rows.length,
    preview: raw.slice(0, PREVIEW_ROWS),
    problems: all.slice(0, MAX_PROBLEMS),
    valid: all.length === 0 && table.rows.length > 0,
    companies,
  };
}

/** What the import would do: the mapping, a preview and every row's problems. Writes nothing. */
export async function previewSheet(input: unknown): Promise<SheetPreview> {
  const { companies: _, ...preview } = await check(input);
  return preview;
}

/** Every row as a data set of companies, or a 400 listing the problems as `rows[n].column`. */
export async function sheetToDataset(input: unknown): Promise<{ companies: CompanyInput[] }> {
  const checked = await check(input);
  if (!checked.valid) {
    const issues: FieldIssue[] = checked.problems.slice(0, 50).map((p) => ({ path: `rows[${p.row}].${p.column ?? p.field}`, message: p.message }));
    if (!issues.length) issues.push({ path: 'content', message: 'the file has no rows' });
    throw appError('INVALID_INPUT', { what: 'spreadsheet' }, issues);
  }
  return { companies: checked.companies };
}

/** Imports every row, or none when any row has a problem. */
export async function importSheet(engine: Pick<Engine, 'repo' | 'embedder' | 'follower'>, input: unknown): Promise<ImportReport> {
  // The rows are already checked; parsing again fills the data set's defaults (empty lists).
  return importAndIndex(engine, DatasetSchema.parse(await sheetToDataset(input)));
}
