// The signals each kind of match combines: registries, so adding a signal is one entry.
import type { CompanyFacet } from '../embedding/index.js';

type Facet = CompanyFacet | 'profile';

export interface FacetSignal {
  name: string;
  /** Facet of the asker … */
  query: Facet;
  /** … compared with this facet of the candidate. */
  candidate: Facet;
  weight: number;
  /** How a person reads a strong value of this signal. */
  reason: string;
  /** Label for the asker's and the candidate's side in term explanations. */
  sides: [string, string];
}

export interface SignalSet {
  facets: readonly FacetSignal[];
  /** Weight of sector overlap beside the facet signals. */
  sectorWeight: number;
}

export const SECTOR_SIGNAL_NAME = 'sectors';

// Relative weights, chosen with `npm run eval` on the development set (README, "Matching quality"):
// needs and offers weigh alike in both directions, whole-profile similarity and sector overlap
// less. Giving sectors more weight ranks a same-sector stranger above the supplier whose offer is
// exactly what a company needs; giving them none loses partners described in sparse words.
export const PARTNER_SIGNALS: SignalSet = {
  facets: [
    {
      name: 'needsOffers',
      query: 'needs',
      candidate: 'offers',
      weight: 0.3,
      reason: 'What they offer meets what you need',
      sides: ['your need', 'their offer'],
    },
    {
      name: 'offersNeeds',
      query: 'offers',
      candidate: 'needs',
      weight: 0.3,
      reason: 'What you offer meets what they need',
      sides: ['your offer', 'their need'],
    },
    {
      name: 'profile',
      query: 'profile',
      candidate: 'profile',
      weight: 0.2,
      reason: 'Your profiles are similar overall',
      sides: ['your profile', 'their profile'],
    },
  ],
  sectorWeight: 0.2,
};

// An opening abroad asks for something: what the company offers is the main evidence, its whole
// profile the second (offers alone miss companies that describe themselves only in `description`).
// Measured on the development set: offers+profile+sectors 0.94 nDCG@5, without sectors 0.80.
export const OPPORTUNITY_SIGNALS: SignalSet = {
  facets: [
    {
      name: 'offersFit',
      query: 'offers',
      candidate: 'profile',
      weight: 0.4,
      reason: 'What you offer fits what the opening asks for',
      sides: ['your offer', 'the opening'],
    },
    {
      name: 'profileFit',
      query: 'profile',
      candidate: 'profile',
      weight: 0.4,
      reason: 'Your profile fits the opening',
      sides: ['your profile', 'the opening'],
    },
  ],
  sectorWeight: 0.2,
};

/** The same match seen from the opportunity: identical scores, so both directions agree. */
export const AUDIENCE_SIGNALS: SignalSet = {
  facets: [
    {
      name: 'offersFit',
      query: 'profile',
      candidate: 'offers',
      weight: 0.4,
      reason: 'What they offer fits what the opening asks for',
      sides: ['the opening', 'their offer'],
    },
    {
      name: 'profileFit',
      query: 'profile',
      candidate: 'profile',
      weight: 0.4,
      reason: 'Their profile fits the opening',
      sides: ['the opening', 'their profile'],
    },
  ],
  sectorWeight: 0.2,
};

// Cluster to cluster: the two descriptions and sectors; the member-pair signal beside them is
// computed by the cluster ranker (see CLUSTER_MEMBER_PAIRS_WEIGHT there).
export const CLUSTER_SIGNALS: SignalSet = {
  facets: [
    {
      name: 'profile',
      query: 'profile',
      candidate: 'profile',
      weight: 0.6,
      reason: 'Your cluster descriptions are close',
      sides: ['your description', 'their description'],
    },
  ],
  sectorWeight: 0.2,
};

/** Share of the smaller sector list that the two have in common, 0..1. */
export function sectorOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const s of b) if (set.has(s)) shared++;
  return shared / Math.min(a.length, b.length);
}
