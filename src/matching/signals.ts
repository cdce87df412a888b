// The signals the partner ranker combines: a registry, so adding one is one entry.
import type { CompanyFacet } from '../embedding/index.js';

export interface FacetSignal {
  name: string;
  /** Facet of the asking company … */
  query: CompanyFacet;
  /** … compared with this facet of the candidate. */
  candidate: CompanyFacet;
  weight: number;
  /** How a person reads a strong value of this signal. */
  reason: string;
  /** Label for the asker's and the candidate's side in term explanations. */
  sides: [string, string];
}

// Relative weights, chosen with `npm run eval` on the development set (README, "Matching quality"):
// needs and offers weigh alike in both directions, whole-profile similarity and sector overlap
// less. Giving sectors more weight ranks a same-sector stranger above the supplier whose offer is
// exactly what a company needs; giving them none loses partners described in sparse words.
export const FACET_SIGNALS: readonly FacetSignal[] = [
  { name: 'needsOffers', query: 'needs', candidate: 'offers', weight: 0.3, reason: 'What they offer meets what you need', sides: ['your need', 'their offer'] },
  { name: 'offersNeeds', query: 'offers', candidate: 'needs', weight: 0.3, reason: 'What you offer meets what they need', sides: ['your offer', 'their need'] },
  { name: 'profile', query: 'profile', candidate: 'profile', weight: 0.2, reason: 'Your profiles are similar overall', sides: ['your profile', 'their profile'] },
];

export const SECTOR_SIGNAL = { name: 'sectors', weight: 0.2 } as const;

/** Share of the smaller sector list that the two have in common, 0..1. */
export function sectorOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const s of b) if (set.has(s)) shared++;
  return shared / Math.min(a.length, b.length);
}
