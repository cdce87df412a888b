// What text each facet of an entity is embedded from. A registry, so a new facet is one line.
import { createHash } from 'node:crypto';
import type { Cluster, Company, EntityByType, EntityType, Opportunity } from '../domain/index.js';

export const COMPANY_FACETS = ['profile', 'offers', 'needs'] as const;
export type CompanyFacet = (typeof COMPANY_FACETS)[number];

type FacetTexts<T> = Record<string, (entity: T) => string>;

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p?.trim()).join('\n');

export const FACET_TEXTS: { [K in EntityType]: FacetTexts<EntityByType[K]> } = {
  company: {
    profile: (c: Company) => join(c.name, c.description, c.offers, c.needs),
    // What a company does is what it can offer when it has not said more.
    offers: (c: Company) => c.offers.trim() || c.description,
    needs: (c: Company) => c.needs,
  },
  cluster: {
    profile: (c: Cluster) => join(c.name, c.description),
  },
  opportunity: {
    profile: (o: Opportunity) => join(o.title, o.description),
  },
};

export function facetTexts<T extends EntityType>(type: T, entity: EntityByType[T]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [facet, build] of Object.entries(FACET_TEXTS[type] as FacetTexts<EntityByType[T]>)) out[facet] = build(entity);
  return out;
}

export function facetNames(type: EntityType): string[] {
  return Object.keys(FACET_TEXTS[type]);
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
