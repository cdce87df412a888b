// Member lists from spreadsheets: a preview that writes nothing (mapping, rows, problems per
// row and column), then the all-or-nothing import of the same file and mapping.
import { z } from 'zod';
import { importSheet, previewSheet, SHEET_FIELDS, SheetInputSchema } from '../use-cases/import-sheet.js';
import { route, type RouteDef } from './http.js';
import { ImportReportSchema } from './schemas.js';

const SheetPreviewSchema = z
  .object({
    columns: z.array(z.string()),
    mapping: z.record(z.string(), z.enum([...SHEET_FIELDS, 'skip'])),
    rows: z.number().int(),
    preview: z.array(z.record(z.string(), z.unknown())),
    problems: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), field: z.string(), message: z.string() })),
    valid: z.boolean(),
  })
  .meta({ id: 'SheetPreview' });

export const SHEET_IMPORT_ROUTES: RouteDef[] = [
  route({
    method: 'post',
    path: '/api/v1/import/sheet/preview',
    tag: 'Import',
    role: 'staff',
    bodyLimit: 'import',
    summary: 'Read a CSV or XLSX member list: proposed column mapping, the first rows, every problem by row and column; writes nothing',
    body: SheetInputSchema,
    responses: { 200: { description: 'What the import would do', schema: SheetPreviewSchema }, 400: { description: 'Unreadable file or bad mapping' } },
    async handle({ body }) {
      return { body: await previewSheet(body) };
    },
  }),
  route({
    method: 'post',
    path: '/api/v1/import/sheet',
    tag: 'Import',
    role: 'staff',
    bodyLimit: 'import',
    summary: 'Import a CSV or XLSX member list as companies (upsert by id), all or nothing',
    body: SheetInputSchema,
    responses: {
      200: { description: 'Imported', schema: ImportReportSchema },
      400: { description: 'A row has a problem (listed as rows[n].column); nothing imported' },
    },
    async handle({ engine, body }) {
      return { body: await importSheet(engine, body) };
    },
  }),
];
