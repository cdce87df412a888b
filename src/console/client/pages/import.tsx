// Import a data set file: the service checks it, embeds what is new or changed and writes it all
// or nothing; the page shows the progress and, when something is wrong, every problem by field.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { PageTitle, ProblemView } from '../components/ui';
import { asApiError } from '../hooks';
import type { ImportJob } from '../types';
import { SheetImport } from './sheet-import';

const POLL_MS = 400;

export function ImportPage() {
  const [file, setFile] = useState<File | undefined>();
  const [job, setJob] = useState<ImportJob | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [reading, setReading] = useState(false);
  const running = job?.state === 'running';

  // One request at a time, each after the last answered; any error ends the watch.
  useEffect(() => {
    if (!running || !job) return;
    let live = true;
    const timer = setTimeout(() => {
      api<ImportJob>('GET', `/api/v1/imports/${job.id}`).then(
        (next) => live && setJob(next),
        (err: unknown) => {
          if (!live) return;
          setError(asApiError(err));
          setJob({ ...job, state: 'failed', problem: null });
        },
      );
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [job]);

  async function start(e: Event) {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    setJob(undefined);
    setReading(true);
    try {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch (err) {
        throw new ApiError(400, `${file.name} is not valid JSON.`, [{ path: 'file', message: err instanceof Error ? err.message : String(err) }]);
      }
      setJob(await api<ImportJob>('POST', '/api/v1/imports', data));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setReading(false);
    }
  }

  const failed = job?.state === 'failed' && job.problem ? new ApiError(400, job.problem.detail, job.problem.errors) : undefined;
  return (
    <>
      <PageTitle text="Import" />
      <p>
        A JSON file with <code>clusters</code>, <code>companies</code> and <code>opportunities</code> (the format of <code>prisma/seed/demo-data.json</code>).
        Profiles are matched by id: new ones are added, existing ones updated. If anything in the file is wrong, nothing is imported.
      </p>
      <form onSubmit={start} class="edit">
        <div class="field">
          <label for="file">Data set file</label>
          <input id="file" type="file" accept=".json,application/json" required onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0])} />
        </div>
        <button type="submit" disabled={!file || reading || running}>
          {reading ? 'Sending…' : running ? 'Importing…' : 'Import'}
        </button>
      </form>
      <ProblemView error={error} title="Nothing was imported." />
      {job && <Progress job={job} />}
      <ProblemView error={failed} title="Nothing was imported." />
      <SheetImport />
    </>
  );
}

function Progress({ job }: { job: ImportJob }) {
  const phase = job.phase === 'validate' ? 'Checking the file' : 'Embedding profiles';
  const r = job.report;
  return (
    <section aria-labelledby="progress-title" class="progress">
      <h2 id="progress-title">{job.state === 'running' ? phase : job.state === 'done' ? 'Imported' : 'Import failed'}</h2>
      {/* Announced: the phase and the outcome, not every count (that would never stop talking). */}
      <p role="status" class="visually-hidden">
        {job.state === 'running' ? phase : job.state === 'done' ? 'Imported.' : 'Import failed.'}
      </p>
      {job.state === 'running' && (
        <>
          <progress id="import-progress" max={Math.max(job.total, 1)} value={job.phase === 'validate' ? undefined : job.done} aria-label="Import progress" />
          <p class="count">{job.phase === 'embed' ? `${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')} profiles` : 'Checking…'}</p>
        </>
      )}
      {r && (
        <p>
          Clusters: {r.clusters.created} new, {r.clusters.updated} updated. Companies: {r.companies.created} new, {r.companies.updated} updated. Opportunities:{' '}
          {r.opportunities.created} new, {r.opportunities.updated} updated. {r.embedded} texts embedded in {(r.ms / 1000).toFixed(1)} s.
        </p>
      )}
    </section>
  );
}
