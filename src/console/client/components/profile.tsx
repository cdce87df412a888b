// A profile as a definition list: what the engine reads (texts, sectors) and, for staff, the
// private contact fields, marked as such.
import type { ComponentChildren } from 'preact';
import { codeLabel, countryName } from '../labels';
import type { Cluster, Company, Opportunity, PublicCompany } from '../types';
import { useApi } from '../hooks';
import { Tags } from './ui';

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** A cluster by its name (the id until the name has loaded, or if the cluster is gone). */
function ClusterLink({ id }: { id: string }) {
  const cluster = useApi<Cluster>(`/api/v1/clusters/${encodeURIComponent(id)}`);
  return <a href={`/console/clusters/${encodeURIComponent(id)}`}>{cluster.data?.name ?? id}</a>;
}

const link = (url: string | null) =>
  url && (
    <a href={url} rel="noopener noreferrer" target="_blank">
      {url}
    </a>
  );

/** Staff see the private fields; a public profile (as in partner results) simply lacks them. */
export function CompanyProfile({ company: c }: { company: PublicCompany & Partial<Company> }) {
  return (
    <dl class="profile">
      <Row term="Country">{countryName(c.country)}</Row>
      <Row term="Description">{c.description}</Row>
      <Row term="Offers">{c.offers}</Row>
      <Row term="Needs">{c.needs}</Row>
      <Row term="Sectors">{c.sectors.length ? <Tags codes={c.sectors} label="Sectors" /> : null}</Row>
      <Row term="Looking for">{c.partnerTypes.length ? c.partnerTypes.map(codeLabel).join(', ') : null}</Row>
      <Row term="Clusters">
        {c.clusterIds.length
          ? c.clusterIds.map((id, i) => (
              <>
                {i > 0 && ', '}
                <ClusterLink id={id} />
              </>
            ))
          : null}
      </Row>
      <Row term="Employees">{c.employees ?? null}</Row>
      <Row term="Website">{link(c.website)}</Row>
      <Row term="Contact e-mail (private)">{c.contactEmail ? <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a> : null}</Row>
      <Row term="Phone (private)">{c.contactPhone ?? null}</Row>
      <Row term="Staff notes (private)">{c.notes ?? null}</Row>
    </dl>
  );
}

export function OpportunityProfile({ opportunity: o }: { opportunity: Opportunity }) {
  return (
    <dl class="profile">
      <Row term="Country">{countryName(o.country)}</Row>
      <Row term="Type">{codeLabel(o.type)}</Row>
      <Row term="Deadline">{o.deadline ?? 'none given'}</Row>
      <Row term="Description">{o.description}</Row>
      <Row term="Sectors">{o.sectors.length ? <Tags codes={o.sectors} label="Sectors" /> : null}</Row>
      <Row term="Link">{link(o.url)}</Row>
    </dl>
  );
}

export function ClusterProfile({ cluster: c }: { cluster: Cluster }) {
  return (
    <dl class="profile">
      <Row term="Country">{countryName(c.country)}</Row>
      <Row term="Description">{c.description}</Row>
      <Row term="Sectors">{c.sectors.length ? <Tags codes={c.sectors} label="Sectors" /> : null}</Row>
      <Row term="Website">{link(c.website)}</Row>
    </dl>
  );
}
