import type { Country, Language, OpportunityType, PartnerType, Sector } from './vocabulary.js';

export interface Cluster {
  id: string;
  name: string;
  country: Country;
  description: string;
  sectors: Sector[];
  website: string | null;
}

export interface Company {
  id: string;
  name: string;
  country: Country;
  clusterIds: string[];
  description: string;
  offers: string;
  needs: string;
  sectors: Sector[];
  /** The kinds of partner this company is looking for. */
  partnerTypes: PartnerType[];
  language: Language | null;
  employees: number | null;
  website: string | null;
  // Private: only staff/admin responses may carry these.
  contactEmail: string | null;
  contactPhone: string | null;
  notes: string | null;
}

export interface Opportunity {
  id: string;
  title: string;
  country: Country;
  description: string;
  sectors: Sector[];
  type: OpportunityType;
  /** ISO date, YYYY-MM-DD. */
  deadline: string | null;
  url: string | null;
}

export type EntityType = 'cluster' | 'company' | 'opportunity';

export interface EntityByType {
  cluster: Cluster;
  company: Company;
  opportunity: Opportunity;
}

/** Fields of a company that must never reach a public response. */
export const PRIVATE_COMPANY_FIELDS = ['contactEmail', 'contactPhone', 'notes'] as const;

export type PublicCompany = Omit<Company, (typeof PRIVATE_COMPANY_FIELDS)[number]>;

/** Whitelist projection: new private fields stay private unless added here on purpose. */
export function toPublicCompany(c: Company): PublicCompany {
  return {
    id: c.id,
    name: c.name,
    country: c.country,
    clusterIds: c.clusterIds,
    description: c.description,
    offers: c.offers,
    needs: c.needs,
    sectors: c.sectors,
    partnerTypes: c.partnerTypes,
    language: c.language,
    employees: c.employees,
    website: c.website,
  };
}
