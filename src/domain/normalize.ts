// From validated input to domain entities: absent optional fields become explicit nulls.
import type { z } from 'zod';
import type { Cluster, Company, EntityByType, EntityType, Opportunity } from './entities.js';
import { ClusterInputSchema, CompanyInputSchema, OpportunityInputSchema } from './schemas.js';

type Parsed<S extends z.ZodType> = z.output<S>;

export const ENTITY_SCHEMAS = {
  cluster: ClusterInputSchema,
  company: CompanyInputSchema,
  opportunity: OpportunityInputSchema,
} as const;

export function toCluster(c: Parsed<typeof ClusterInputSchema>): Cluster {
  return { ...c, website: c.website ?? null };
}

export function toCompany(c: Parsed<typeof CompanyInputSchema>): Company {
  return {
    ...c,
    language: c.language ?? null,
    employees: c.employees ?? null,
    website: c.website ?? null,
    contactEmail: c.contactEmail ?? null,
    contactPhone: c.contactPhone ?? null,
    notes: c.notes ?? null,
  };
}

export function toOpportunity(o: Parsed<typeof OpportunityInputSchema>): Opportunity {
  return { ...o, deadline: o.deadline ?? null, url: o.url ?? null };
}

export const TO_ENTITY: { [K in EntityType]: (parsed: never) => EntityByType[K] } = {
  cluster: toCluster as (p: never) => Cluster,
  company: toCompany as (p: never) => Company,
  opportunity: toOpportunity as (p: never) => Opportunity,
};
