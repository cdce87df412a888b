// Introduction requests from the widget: read them (the company by name, the visitor's company and
// country), set their status, keep a note. The company page lists its own with the same cards.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, queryString, type Page } from '../api';
import { CodeSelect, Loading, PageTitle, Pager, ProblemView } from '../components/ui';
import { useAction, useApi } from '../hooks';
import { countryName, localDate } from '../labels';
import type { ListedIntroduction } from '../types';

const STATUSES = ['new', 'in-progress', 'introduced', 'declined'] as const;
const STATUS_LABEL: Record<string, string> = { new: 'New', 'in-progress': 'In progress', introduced: 'Introduced', declined: 'Declined' };
const LIMIT = 20;

export function IntroductionsPage() {
  const { query, route, path } = useLocation();
  const status = query['status'] ?? '';
  const offset = Number(query['offset'] ?? 0) || 0;
  const list = useApi<Page<ListedIntroduction>>(`/api/v1/introductions${queryString({ status, limit: LIMIT, offset })}`);
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
          <IntroductionCards items={list.data.items} onSaved={list.reload} />
          <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={(o) => route(`${path}${queryString({ status, offset: o })}`)} />
        </>
      )}
    </>
  );
}

/** The requests as cards; `headingLevel` 3 where they sit under a section of a page. */
export function IntroductionCards({ items, onSaved, headingLevel = 2 }: { items: ListedIntroduction[]; onSaved(): void; headingLevel?: 2 | 3 }) {
  return (
    <ol class="cards">
      {items.map((i) => (
        <IntroductionCard key={i.id} intro={i} onSaved={onSaved} headingLevel={headingLevel} />
      ))}
    </ol>
  );
}

/** "Karin Lindqvist (Fjällfisk AB, Sweden)": who asked, from which company and country. */
function visitorLine(intro: ListedIntroduction): string {
  const from = [intro.visitorCompany, intro.visitorCountry ? countryName(intro.visitorCountry) : null].filter(Boolean).join(', ');
  return from ? `${intro.visitorName} (${from})` : intro.visitorName;
}

function IntroductionCard({ intro, onSaved, headingLevel }: { intro: ListedIntroduction; onSaved(): void; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
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
      <Heading class="h3">
        {visitorLine(intro)} would like to meet{' '}
        <a href={`/console/companies/${encodeURIComponent(intro.companyId)}`}>{intro.companyName ?? `${intro.companyId} (deleted)`}</a>
      </Heading>
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
      <ForwardToCompany intro={intro} onForwarded={onSaved} />
    </li>
  );
}

/** Mails the request to the company (replies go to the visitor) and shows when it last went. */
function ForwardToCompany({ intro, onForwarded }: { intro: ListedIntroduction; onForwarded(): void }) {
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const id = intro.id.slice(-8);
  async function forward(e: Event) {
    e.preventDefault();
    const done = await run(() => api<ListedIntroduction>('POST', `/api/v1/introductions/${intro.id}/forward`, note.trim() ? { note: note.trim() } : {}));
    if (done) {
      setSent(`Forwarded to ${done.forwardedTo ?? 'the company'}.`);
      onForwarded();
    }
  }
  return (
    <details class="forward">
      <summary>{intro.forwardedAt ? `Forwarded ${localDate(intro.forwardedAt)} to ${intro.forwardedTo}` : 'Forward to the company'}</summary>
      <form class="row" onSubmit={forward}>
        <div class="field grow">
          <label for={`fw-${id}`}>Note to the company (optional)</label>
          <textarea id={`fw-${id}`} rows={2} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" disabled={busy}>
          {intro.forwardedAt ? 'Forward again' : 'Forward by e-mail'}
        </button>
        <span role="status">{sent ?? ''}</span>
      </form>
      <ProblemView error={error} title="Not forwarded." />
    </details>
  );
}

/** On a company's page: the requests to meet it, newest first (the first 20, then a link to all). */
export function CompanyIntroductions({ companyId }: { companyId: string }) {
  const list = useApi<Page<ListedIntroduction>>(`/api/v1/introductions${queryString({ companyId, limit: LIMIT })}`);
  return (
    <section class="intro-list" aria-labelledby="company-introductions">
      <h2 id="company-introductions">Introduction requests</h2>
      <ProblemView error={list.error} />
      {list.loading && !list.data && <Loading what="requests" />}
      {list.data && !list.data.total && <p class="muted">No one has asked to meet this company yet.</p>}
      {list.data && list.data.total > 0 && (
        <>
          <IntroductionCards items={list.data.items} onSaved={list.reload} headingLevel={3} />
          {list.data.total > list.data.items.length && <p>{list.data.total - list.data.items.length} older requests are on the Introductions page.</p>}
        </>
      )}
    </section>
  );
}
