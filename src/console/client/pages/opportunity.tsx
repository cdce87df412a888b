// One export opportunity: its profile and the companies abroad it fits, with their contacts.
import { OpportunityProfile } from '../components/profile';
import { Country, Loading, PageTitle, ProblemView, Reasons, ScoreBar } from '../components/ui';
import { useApi } from '../hooks';
import type { Company, Opportunity, Scored } from '../types';

export function OpportunityPage({ id }: { id: string }) {
  const audience = useApi<{ opportunity: Opportunity & { open: boolean }; results: (Scored & { company: Company })[] }>(
    `/api/v1/opportunities/${encodeURIComponent(id)}/companies?limit=20`,
  );
  if (audience.error) return <ProblemView error={audience.error} title="Could not open the opportunity." />;
  if (!audience.data) return <Loading what="the opportunity" />;
  const o = audience.data.opportunity;
  return (
    <>
      <PageTitle text={o.title}>
        {o.title} <Country code={o.country} />
      </PageTitle>
      <p class="actions">
        <a class="button" href={`/console/opportunities/${encodeURIComponent(o.id)}/edit`}>
          Edit
        </a>
        <a href="/console/opportunities">All opportunities</a>
      </p>
      <div class="two-cols">
        <section class="col" aria-labelledby="profile">
          <h2 id="profile">{o.open ? 'Open' : 'Closed'} opportunity</h2>
          <OpportunityProfile opportunity={o} />
        </section>
        <section class="col" aria-labelledby="fits">
          <h2 id="fits">Companies abroad it fits</h2>
          <ol class="cards">
            {audience.data.results.map((r) => (
              <li key={r.company.id} class="card">
                <h3>
                  <a href={`/console/companies/${encodeURIComponent(r.company.id)}`}>{r.company.name}</a> <Country code={r.company.country} />
                </h3>
                <ScoreBar score={r.score} strength={r.strength} />
                <Reasons reasons={r.reasons} />
                {r.company.contactEmail && (
                  <p class="muted">
                    Contact: <a href={`mailto:${r.company.contactEmail}`}>{r.company.contactEmail}</a>
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
