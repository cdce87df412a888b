// Imports started from the console run in the background: the request answers at once with a
// job that reports its phase and progress, and ends with the report or the readable problems.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DatasetSchema, type Dataset } from '../domain/index.js';
import type { Logger } from 'pino';
import type { EntityStore } from '../db/index.js';
import type { Embedder } from '../embedding/index.js';
import { AppError, appError } from '../errors.js';
import type { ChangeLogFollower } from '../index-lifecycle/index.js';
import { parseOrThrow } from '../validation/index.js';
import { IMPORT_PHASES, importCheckedDataset, ImportReportSchema, type ImportPhase } from './import-dataset.js';

/** What a background import needs. Jobs are kept per entity store (one per process). */
export interface ImportJobDeps {
  readonly repo: EntityStore;
  readonly embedder: Embedder;
  readonly follower: Pick<ChangeLogFollower, 'catchUp'>;
  readonly logger?: Logger | undefined;
}

/** A background import as the console polls it; the one definition of its shape. */
export const ImportJobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    phase: z.enum(IMPORT_PHASES),
    done: z.number().int().meta({ description: 'Profiles embedded and staged so far, of `total`' }),
    total: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    report: ImportReportSchema.nullable(),
    problem: z.object({ detail: z.string(), errors: z.array(z.object({ path: z.string(), message: z.string() })).readonly() }).nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.output<typeof ImportJobSchema>;

// Finished jobs are kept for a while so a reloaded page can still read the outcome.
const KEEP_FINISHED = 20;
const jobsByStore = new WeakMap<object, Map<string, ImportJob>>();

function jobsOf(engine: ImportJobDeps): Map<string, ImportJob> {
  let jobs = jobsByStore.get(engine.repo);
  if (!jobs) {
    jobs = new Map();
    jobsByStore.set(engine.repo, jobs);
  }
  return jobs;
}

/**
 * Checks the file's shape before answering (a malformed file is a 400 with every field path and
 * no job); the cross-record checks and the all-or-nothing write then run in the job.
 */
export function startImport(engine: ImportJobDeps, input: unknown): ImportJob {
  const jobs = jobsOf(engine);
  // One at a time: imports are large, and two touching the same ids would miscount each other.
  const running = [...jobs.values()].find((j) => j.state === 'running');
  if (running) throw appError('IMPORT_RUNNING', { id: running.id });
  const dataset = parseOrThrow(DatasetSchema, input, 'data set');
  const total = dataset.clusters.length + dataset.companies.length + dataset.opportunities.length;
  const job: ImportJob = {
    id: `import_${randomUUID()}`,
    state: 'running',
    phase: 'validate',
    done: 0,
    total,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    report: null,
    problem: null,
  };
  jobs.set(job.id, job);
  void run(engine, job, dataset).finally(() => forgetOldJobs(jobs));
  return { ...job };
}

/** A copy of the job as it is now; undefined when unknown (jobs live in memory until a restart). */
export function importJob(engine: ImportJobDeps, id: string): ImportJob | undefined {
  const job = jobsOf(engine).get(id);
  return job && { ...job };
}

async function run(engine: ImportJobDeps, job: ImportJob, dataset: Dataset): Promise<void> {
  try {
    const onProgress = (phase: ImportPhase, done: number, total: number) =>
      Object.assign(job, { phase, done: phase === 'embed' ? done : 0, total: phase === 'embed' ? total : job.total });
    job.report = await importCheckedDataset(dataset, { repo: engine.repo, embedder: engine.embedder, onProgress });
  } catch (err) {
    job.state = 'failed';
    if (err instanceof AppError) job.problem = { detail: err.message, errors: err.issues };
    else {
      engine.logger?.error({ err }, 'import failed');
      job.problem = { detail: 'The import failed on our side; nothing was imported.', errors: [] };
    }
    job.finishedAt = new Date().toISOString();
    return;
  }
  // Committed: the job is done whatever happens next. The index follows the change log anyway;
  // catching up here only makes the new profiles matchable before the job reports done.
  await engine.follower
    .catchUp()
    .catch((err: unknown) => engine.logger?.warn({ err }, 'index catch-up after an import failed; the change log will bring it up to date'));
  job.state = 'done';
  job.finishedAt = new Date().toISOString();
}

function forgetOldJobs(jobs: Map<string, ImportJob>): void {
  const finished = [...jobs.values()].filter((j) => j.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.id);
}
