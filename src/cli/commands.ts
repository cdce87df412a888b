// Thin commands: parse arguments, call a use-case, print the outcome.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { openRepository } from '../db/index.js';
import { TransformersEmbedder } from '../embedding/index.js';
import { AppError } from '../errors.js';
import { importDataset, type ImportReport } from '../use-cases/import-dataset.js';
import { sheetToDataset } from '../use-cases/import-sheet.js';
import { phaseProgress } from './progress.js';

export const DEMO_DATA = path.resolve(import.meta.dirname, '../../prisma/seed/demo-data.json');

/** The data set in `file`: JSON as it is, a CSV or XLSX member list through its column mapping. */
async function readDataset(file: string, mappingFile: string | undefined): Promise<unknown> {
  const format = /\.(csv|xlsx)$/i.exec(file)?.[1]?.toLowerCase() as 'csv' | 'xlsx' | undefined;
  if (!format) return JSON.parse(await readFile(file, 'utf8'));
  const mapping: unknown = mappingFile ? JSON.parse(await readFile(mappingFile, 'utf8')) : undefined;
  return sheetToDataset({ format, content: (await readFile(file)).toString('base64'), mapping });
}

export async function importFile(config: Config, file: string, mappingFile?: string): Promise<ImportReport> {
  const input = await readDataset(file, mappingFile);
  const repo = await openRepository(config.databaseUrl);
  const embedder = await TransformersEmbedder.create({ modelsDir: config.modelsDir, model: config.model });
  const progress = phaseProgress();
  try {
    return await importDataset(input, { repo, embedder, onProgress: progress.update });
  } finally {
    progress.stop();
    await embedder.dispose();
    await repo.close();
  }
}

export function describeImport(file: string, r: ImportReport): string {
  const part = (name: string, c: { created: number; updated: number }) => `${name}: ${c.created} new, ${c.updated} updated`;
  return [
    `Imported ${file} in ${(r.ms / 1000).toFixed(1)} s`,
    `  ${part('clusters', r.clusters)}`,
    `  ${part('companies', r.companies)}`,
    `  ${part('opportunities', r.opportunities)}`,
    `  vectors computed: ${r.embedded} (unchanged texts reuse their vectors)`,
  ].join('\n');
}

export function describeError(err: unknown): string {
  if (err instanceof AppError) {
    const lines = err.issues.map((i) => `  ${i.path}: ${i.message}`);
    return [err.message, ...lines].join('\n');
  }
  if (err instanceof SyntaxError) return `The file is not valid JSON: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
