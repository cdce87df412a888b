// One company: its profile, its suggested partners and opportunities with scores and reasons,
// the selected suggestion's profile beside it, and staff verdicts (good / wrong) on each.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, queryString } from '../api';
import { CompanyProfile, OpportunityProfile } from '../components/profile';
import { Country, Loading, PageState, ProblemView, ProfileHeader, Reasons, ScoreBar } from '../components/ui';
import { useAction, useApi, type Loaded } from '../hooks';
import { CompanyIntroductions } from './introductions';
import type { Company, Feedback, FeedbackKind, OpportunityResult, PartnerResult, Scored, Verdict } from '../types';

interface Suggestion extends Scored {
  kind: FeedbackKind;
  id: string;
  name: string;
  country: string;
  result: PartnerResult | OpportunityResult;
}

export function CompanyPage({ id }: { id: string }) {
  const base = `/api/v1/companies/${encodeURIComponent(id)}`;
  const company = useApi<Company>(base);
  const partners = useApi<{ results: PartnerResult[] }>(`${base}/partners?limit=10`);
  const opportunities = useApi<{ results: OpportunityResult[] }>(`${base}/opportunities?limit=10`);
  const feedback = useApi<{ items: Feedback[] }>(`${base}/feedback`);
  const [selected, setSelected] = useState<string | undefined>();
  const detail = useRef<HTMLHeadingElement>(null);

  const suggestions: Suggestion[] = [
    ...(partners.data?.results ?? []).map((r) => ({
      ...r,
      kind: 'partner' as const,
      id: r.company.id,
      name: r.company.name,
      country: r.company.country,
      result: r,
    })),
    ...(opportunities.data?.results ?? []).map((r) => ({
      ...r,
      kind: 'opportunity' as const,
      id: r.opportunity.id,
      name: r.opportunity.title,
      country: r.opportunity.country,
      result: r,
    })),
  ];
  const keyOf = (s: Suggestion) => `${s.kind}:${s.id}`;
  const current = suggestions.find((s) => keyOf(s) === selected) ?? suggestions[0];
  const select = (s: Suggestion) => {
    setSelected(keyOf(s));
    // Only where the profile sits below the list (narrow screens) is the reader taken there.
    if (matchMedia('(max-width: 640px)').matches) requestAnimationFrame(() => detail.current?.focus());
  };

  if (!company.data) return <PageState title="Company" error={company.error} what="the company" />;
  const c = company.data;
  return (
    <>
      <ProfileHeader
        title={c.name}
        country={c.country}
        editHref={`/console/companies/${encodeURIComponent(c.id)}/edit`}
        listHref="/console/companies"
        listLabel="All companies"
      />
      <div class="compare">
        <section class="col profile-col" aria-labelledby="own-profile">
          <h2 id="own-profile">Profile</h2>
          <CompanyProfile company={c} />
        </section>
        <section class="col suggestions-col" aria-labelledby="suggestions">
          <h2 id="suggestions">Suggestions</h2>
          <SuggestionList
            title="Partners abroad"
            kind="partner"
            loaded={partners}
            items={suggestions.filter((s) => s.kind === 'partner')}
            company={c}
            feedback={feedback}
            current={current}
            onSelect={select}
          />
          <SuggestionList
            title="Export opportunities"
            kind="opportunity"
            loaded={opportunities}
            items={suggestions.filter((s) => s.kind === 'opportunity')}
            company={c}
            feedback={feedback}
            current={current}
            onSelect={select}
          />
        </section>
        <section class="col detail-col" aria-labelledby="detail-title">
          <h2 id="detail-title" ref={detail} tabIndex={-1}>
            {current ? current.name : 'Nothing selected'}
          </h2>
          {current && <SuggestionDetail s={current} />}
        </section>
      </div>
      <CompanyIntroductions companyId={c.id} />
    </>
  );
}

function SuggestionList(props: {
  title: string;
  kind: FeedbackKind;
  loaded: { error?: unknown; loading: boolean };
  items: Suggestion[];
  company: Company;
  feedback: Loaded<{ items: Feedback[] }>;
  current: Suggestion | undefined;
  onSelect(s: Suggestion): void;
}) {
  return (
    <section aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.loaded.loading && !props.items.length && <Loading what={props.title.toLowerCase()} />}
      {!props.loaded.loading && !props.items.length && <p class="muted">None found.</p>}
      <ol class="suggestions">
        {props.items.map((s) => {
          const isCurrent = props.current?.kind === s.kind && props.current.id === s.id;
          const verdict = props.feedback.data?.items.find((f) => f.kind === s.kind && f.candidateId === s.id)?.verdict;
          return (
            <li key={s.id} class={isCurrent ? 'current' : undefined}>
              <button type="button" class="suggestion" aria-pressed={isCurrent} onClick={() => props.onSelect(s)}>
                <span class="name">
                  {s.name} <Country code={s.country} />
                </span>
                <ScoreBar score={s.score} strength={s.strength} />
                <span class="first-reason">{s.reasons[0]}</span>
              </button>
              <VerdictButtons company={props.company} s={s} verdict={verdict} onChange={props.feedback.reload} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Good / wrong as toggle buttons: pressing the chosen one again withdraws the verdict. */
function VerdictButtons({ company, s, verdict, onChange }: { company: Company; s: Suggestion; verdict: Verdict | undefined; onChange(): Promise<void> }) {
  const { busy, error, run } = useAction();
  const path = `/api/v1/companies/${encodeURIComponent(company.id)}/feedback`;
  const choose = (v: Verdict) =>
    run(async () => {
      if (verdict === v) await api('DELETE', `${path}${queryString({ kind: s.kind, candidateId: s.id })}`);
      else await api('PUT', path, { kind: s.kind, candidateId: s.id, verdict: v, score: s.score });
      // Busy until the shown verdict is the stored one, so a second click acts on it.
      await onChange();
    });
  return (
    <div class="verdict" role="group" aria-label={`Your verdict on ${s.name}`}>
      <button type="button" class="good" aria-pressed={verdict === 'good'} disabled={busy} onClick={() => choose('good')}>
        Good match
      </button>
      <button type="button" class="wrong" aria-pressed={verdict === 'wrong'} disabled={busy} onClick={() => choose('wrong')}>
        Wrong
      </button>
      <ProblemView error={error} title="The verdict was not saved." />
    </div>
  );
}

function SuggestionDetail({ s }: { s: Suggestion }) {
  const [full, setFull] = useState<Company | undefined>();
  // Partner results carry the public profile; staff see the full one, contacts included.
  useEffect(() => {
    let live = true;
    setFull(undefined);
    if (s.kind === 'partner')
      api<Company>('GET', `/api/v1/companies/${encodeURIComponent(s.id)}`).then(
        (c) => live && setFull(c),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [s.kind, s.id]);
  return (
    <>
      <ScoreBar score={s.score} strength={s.strength} />
      <h3>Why</h3>
      <Reasons reasons={s.reasons} />
      <h3>Their profile</h3>
      {s.kind === 'partner' ? (
        <>
          <CompanyProfile company={full?.id === s.id ? full : (s.result as PartnerResult).company} />
          <p>
            <a href={`/console/companies/${encodeURIComponent(s.id)}`}>Open {s.name}</a>
          </p>
        </>
      ) : (
        <>
          <OpportunityProfile opportunity={(s.result as OpportunityResult).opportunity} />
          <p>
            <a href={`/console/opportunities/${encodeURIComponent(s.id)}`}>Open the opportunity</a>
          </p>
        </>
      )}
    </>
  );
}
