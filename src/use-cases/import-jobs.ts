// Imports started from the console run in the background: the request answers at once with a
// job that reports its phase and progress, and ends with the report or the readable problems.
import { randomUUID } from 'node:crypto';
import { DatasetSchema, type Dataset } from '../domain/index.js';
import { AppError, ErrorCodes, type FieldIssue } from '../errors.js';
import type { Engine } from './engine.js';
import { importCheckedDataset, type ImportPhase, type ImportReport } from './import-dataset.js';
import { parseOrThrow } from './validate.js';

export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  phase: ImportPhase;
  /** Profiles embedded and staged so far, of `total`. */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  report: ImportReport | null;
  problem: { detail: string; errors: readonly FieldIssue[] } | null;
}

// Finished jobs are kept for a while so a reloaded page can still read the outcome.
const KEEP_FINISHED = 20;
const jobsByEngine = new WeakMap<Engine, Map<string, ImportJob>>();

function jobsOf(engine: Engine): Map<string, ImportJob> {
  let jobs = jobsByEngine.get(engine);
  if (!jobs) {
    jobs = new Map();
    jobsByEngine.set(engine, jobs);
  }
  return jobs;
}

/**
 * Checks the file's shape before answering (a malformed file is a 400 with every field path and
 * no job); the cross-record checks and the all-or-nothing write then run in the job.
 */
export function startImport(engine: Engine, input: unknown): ImportJob {
  const jobs = jobsOf(engine);
  // One at a time: imports are large, and two touching the same ids would miscount each other.
  const running = [...jobs.values()].find((j) => j.state === 'running');
  if (running) throw new AppError(ErrorCodes.CONFLICT, `Import ${running.id} is still running; start the next one when it has finished.`);
  const dataset = parseOrThrow(DatasetSchema, input, 'data set');
  const total = dataset.clusters.length + dataset.companies.length + dataset.opportunities.length;
  const job: ImportJob = {
    id: `import_${randomUUID()}`, state: 'running', phase: 'validate', done: 0, total,
    startedAt: new Date().toISOString(), finishedAt: null, report: null, problem: null,
  };
  jobs.set(job.id, job);
  void run(engine, job, dataset).finally(() => forgetOldJobs(jobs));
  return { ...job };
}

export function importJob(engine: Engine, id: string): ImportJob | undefined {
  const job = jobsOf(engine).get(id);
  return job && { ...job };
}

async function run(engine: Engine, job: ImportJob, dataset: Dataset): Promise<void> {
  try {
    const onProgress = (phase: ImportPhase, done: number, total: number) => Object.assign(job, { phase, done: phase === 'embed' ? done : 0, total: phase === 'embed' ? total : job.total });
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
  await engine.index.catchUp().catch((err: unknown) => engine.logger?.warn({ err }, 'index catch-up after an import failed; the change log will bring it up to date'));
  job.state = 'done';
  job.finishedAt = new Date().toISOString();
}

function forgetOldJobs(jobs: Map<string, ImportJob>): void {
  const finished = [...jobs.values()].filter((j) => j.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(j.id);
}
