// One cluster: its profile, sister clusters abroad (with the member pairs behind each), members.
import type { Page } from '../api';
import { ClusterProfile } from '../components/profile';
import { Country, Loading, PageTitle, ProblemView, Reasons, ScoreBar } from '../components/ui';
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
  if (cluster.error) return <ProblemView error={cluster.error} title="Could not open the cluster." />;
  if (!cluster.data) return <Loading what="the cluster" />;
  const c = cluster.data;
  return (
    <>
      <PageTitle text={c.name}>
        {c.name} <Country code={c.country} />
      </PageTitle>
      <p class="actions">
        <a class="button" href={`/console/clusters/${encodeURIComponent(c.id)}/edit`}>
          Edit profile
        </a>
        <a href="/console/clusters">All clusters</a>
      </p>
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
              <li key={r.cluster.id} class="card">
                <h3>
                  <a href={`/console/clusters/${encodeURIComponent(r.cluster.id)}`}>{r.cluster.name}</a> <Country code={r.cluster.country} />
                </h3>
                <ScoreBar score={r.score} strength={r.strength} />
                <Reasons reasons={r.reasons} />
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
