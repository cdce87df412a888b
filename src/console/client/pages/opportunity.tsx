// One export opportunity: its profile and the companies abroad it fits, with their contacts.
import { OpportunityProfile } from '../components/profile';
import { MatchCard, PageState, ProfileHeader } from '../components/ui';
import { useApi } from '../hooks';
import type { Company, Opportunity, Scored } from '../types';

export function OpportunityPage({ id }: { id: string }) {
  const audience = useApi<{ opportunity: Opportunity & { open: boolean }; results: (Scored & { company: Company })[] }>(
    `/api/v1/opportunities/${encodeURIComponent(id)}/companies?limit=20`,
  );
  if (!audience.data) return <PageState title="Opportunity" error={audience.error} what="the opportunity" />;
  const o = audience.data.opportunity;
  return (
    <>
      <ProfileHeader
        title={o.title}
        country={o.country}
        editHref={`/console/opportunities/${encodeURIComponent(o.id)}/edit`}
        listHref="/console/opportunities"
        listLabel="All opportunities"
      />
      <div class="two-cols">
        <section class="col" aria-labelledby="profile">
          <h2 id="profile">{o.open ? 'Open' : 'Closed'} opportunity</h2>
          <OpportunityProfile opportunity={o} />
        </section>
        <section class="col" aria-labelledby="fits">
          <h2 id="fits">Companies abroad it fits</h2>
          <ol class="cards">
            {audience.data.results.map((r) => (
              <MatchCard
                key={r.company.id}
                name={r.company.name}
                country={r.company.country}
                href={`/console/companies/${encodeURIComponent(r.company.id)}`}
                {...r}
              >
                {r.company.contactEmail && (
                  <p class="muted">
                    Contact: <a href={`mailto:${r.company.contactEmail}`}>{r.company.contactEmail}</a>
                  </p>
                )}
              </MatchCard>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
