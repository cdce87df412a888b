// Introduction requests from the widget: read them, set their status, keep a note.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, queryString, type Page } from '../api';
import { CodeSelect, Loading, PageTitle, Pager, ProblemView } from '../components/ui';
import { useAction, useApi } from '../hooks';
import { localDate } from '../labels';
import type { Introduction } from '../types';

const STATUSES = ['new', 'in-progress', 'introduced', 'declined'] as const;
const STATUS_LABEL: Record<string, string> = { new: 'New', 'in-progress': 'In progress', introduced: 'Introduced', declined: 'Declined' };
const LIMIT = 20;

export function IntroductionsPage() {
  const { query, route, path } = useLocation();
  const status = query['status'] ?? '';
  const offset = Number(query['offset'] ?? 0) || 0;
  const list = useApi<Page<Introduction>>(`/api/v1/introductions${queryString({ status, limit: LIMIT, offset })}`);
  return (
    <>
      <PageTitle text="Introduction requests" />
      <div class="filters">
        <CodeSelect
          id="status"
          label="Status"
          any="Any status"
          codes={STATUSES}
          names={(s) => STATUS_LABEL[s] ?? s}
          value={status}
          onChange={(v) => route(`${path}${queryString({ status: v })}`)}
        />
      </div>
      <ProblemView error={list.error} />
      {list.loading && !list.data && <Loading what="requests" />}
      {list.data && (
        <>
          <p role="status" class="muted">
            {list.data.total} request{list.data.total === 1 ? '' : 's'}
          </p>
          <ol class="cards">
            {list.data.items.map((i) => (
              <IntroductionCard key={i.id} intro={i} onSaved={list.reload} />
            ))}
          </ol>
          <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={(o) => route(`${path}${queryString({ status, offset: o })}`)} />
        </>
      )}
    </>
  );
}

function IntroductionCard({ intro, onSaved }: { intro: Introduction; onSaved(): void }) {
  const [status, setStatus] = useState<string>(intro.status);
  const [note, setNote] = useState(intro.staffNote ?? '');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const id = intro.id.slice(-8);
  async function save(e: Event) {
    e.preventDefault();
    setSaved(false);
    const done = await run(() => api('PATCH', `/api/v1/introductions/${intro.id}`, { status, staffNote: note.trim() || null }));
    if (done) {
      setSaved(true);
      onSaved();
    }
  }
  return (
    <li class="card">
      <h2 class="h3">
        {intro.visitorName}
        {intro.visitorCompany ? ` (${intro.visitorCompany}${intro.visitorCountry ? `, ${intro.visitorCountry}` : ''})` : ''} would like to meet{' '}
        <a href={`/console/companies/${encodeURIComponent(intro.companyId)}`}>{intro.companyId}</a>
      </h2>
      <p class="muted">
        {localDate(intro.createdAt)} · <a href={`mailto:${intro.visitorEmail}`}>{intro.visitorEmail}</a> · {STATUS_LABEL[intro.status]}
      </p>
      <blockquote>{intro.message}</blockquote>
      <form class="row" onSubmit={save}>
        <CodeSelect id={`st-${id}`} label="Status" codes={STATUSES} names={(s) => STATUS_LABEL[s] ?? s} value={status} onChange={setStatus} />
        <div class="field grow">
          <label for={`note-${id}`}>Staff note</label>
          <textarea id={`note-${id}`} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" disabled={busy}>
          Save
        </button>
        <span role="status">{saved ? 'Saved.' : ''}</span>
      </form>
      <ProblemView error={error} title="Not saved." />
    </li>
  );
}
