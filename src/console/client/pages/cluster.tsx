// One cluster: its profile, sister clusters abroad (with the member pairs behind each), members.
import type { Page } from '../api';
import { ClusterProfile } from '../components/profile';
import { Country, Loading, MatchCard, PageState, ProblemView, ProfileHeader } from '../components/ui';
import { useApi } from '../hooks';
import type { Cluster, Company, Scored } from '../types';

interface ClusterResult extends Scored {
  cluster: Cluster;
  memberPairs: { member: { id: string; name: string }; partner: { id: string; name: string }; score: number; reason: string }[];
}

export function ClusterPage({ id }: { id: string }) {
  const base = `/api/v1/clusters/${encodeURIComponent(id)}`;
  const cluster = useApi<Cluster>(base);
  const partners = useApi<{ results: ClusterResult[] }>(`${base}/partners?limit=8`);
  const members = useApi<Page<Company>>(`/api/v1/companies?cluster=${encodeURIComponent(id)}&limit=500`);
  if (!cluster.data) return <PageState title="Cluster" error={cluster.error} what="the cluster" />;
  const c = cluster.data;
  return (
    <>
      <ProfileHeader
        title={c.name}
        country={c.country}
        editHref={`/console/clusters/${encodeURIComponent(c.id)}/edit`}
        listHref="/console/clusters"
        listLabel="All clusters"
      />
      <div class="two-cols">
        <section class="col" aria-labelledby="profile">
          <h2 id="profile">Profile</h2>
          <ClusterProfile cluster={c} />
          <h2>Members ({members.data?.total ?? '…'})</h2>
          <ul class="plain">
            {members.data?.items.map((m) => (
              <li key={m.id}>
                <a href={`/console/companies/${encodeURIComponent(m.id)}`}>{m.name}</a> <Country code={m.country} />
              </li>
            ))}
          </ul>
        </section>
        <section class="col" aria-labelledby="sisters">
          <h2 id="sisters">Clusters abroad to work with</h2>
          <ProblemView error={partners.error} />
          {partners.loading && <Loading what="suggestions" />}
          <ol class="cards">
            {partners.data?.results.map((r) => (
              <MatchCard
                key={r.cluster.id}
                name={r.cluster.name}
                country={r.cluster.country}
                href={`/console/clusters/${encodeURIComponent(r.cluster.id)}`}
                {...r}
              />
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
