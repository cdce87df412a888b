// What differs between the three kinds of profile the console browses and edits.
import type { Cluster, Company, Opportunity } from './types';

export type EntityType = 'company' | 'cluster' | 'opportunity';

export interface EntityKind {
  plural: string;
  title: string;
  apiPath: string;
  pagePath: string;
  nameOf(e: unknown): string;
}

export const KINDS: Record<EntityType, EntityKind> = {
  company: { plural: 'Companies', title: 'Company', apiPath: '/api/v1/companies', pagePath: '/console/companies', nameOf: (e) => (e as Company).name },
  cluster: { plural: 'Clusters', title: 'Cluster', apiPath: '/api/v1/clusters', pagePath: '/console/clusters', nameOf: (e) => (e as Cluster).name },
  opportunity: {
    plural: 'Opportunities',
    title: 'Opportunity',
    apiPath: '/api/v1/opportunities',
    pagePath: '/console/opportunities',
    nameOf: (e) => (e as Opportunity).title,
  },
};
