// Sister clusters across the border. A cluster is more than its blurb: besides the two
// descriptions and sectors, the strongest partner matches between the two memberships count,
// and those member pairs are returned as evidence a cluster manager can act on.
import { dot, normalize } from '../embedding/index.js';
import type { FacetIndex, VectorIndex } from '../index/index.js';
import { buildFilter, round, scoreCandidate, type CandidateQuery, type RankedCandidate } from './ranker.js';
import { CLUSTER_SIGNALS, PARTNER_SIGNALS, SECTOR_SIGNAL_NAME, sectorOverlap } from './signals.js';

export interface ClusterQuery {
  id: string;
  country: string;
  sectors: readonly string[];
  /** The embedded cluster description. */
  profile: Float32Array | undefined;
}

export interface MemberPair {
  /** Member of the asking cluster. */
  member: string;
  /** Member of the candidate cluster. */
  partner: string;
  score: number;
  /** The partner signal that carries the pair, e.g. `needsOffers`. */
  strongest: string;
}

export interface RankedCluster extends RankedCandidate {
  pairs: MemberPair[];
}

// Chosen with `npm run eval` (README, "Matching quality"): on the development set the blurb with
// sectors alone reaches 0.962 nDCG@5 and member pairs alone 0.77; member pairs at 0.2 keep 0.959
// and add the evidence, at 0.3 they start to pull unrelated clusters up (0.908).
export const CLUSTER_MEMBER_PAIRS_WEIGHT = 0.2;

const CLUSTER_WEIGHTS: Record<string, number> = {
  ...Object.fromEntries(CLUSTER_SIGNALS.facets.map((s) => [s.name, s.weight])),
  memberPairs: CLUSTER_MEMBER_PAIRS_WEIGHT,
  [SECTOR_SIGNAL_NAME]: CLUSTER_SIGNALS.sectorWeight,
};

export interface ClusterRankerOptions {
  /** Candidates whose member pairs are computed, at least `limit * 3`. */
  shortlist: number;
  /** Members per cluster compared pairwise: the ones closest to the other cluster's profile. */
  memberCap: number;
  /** Member pairs averaged into the signal and shown. */
  pairs: number;
}

export const DEFAULT_CLUSTER_RANKER: ClusterRankerOptions = { shortlist: 30, memberCap: 100, pairs: 3 };

export function rankClusters(
  clusters: FacetIndex,
  companies: FacetIndex,
  query: ClusterQuery,
  filters: { countries?: readonly string[] | undefined },
  limit: number,
  options: ClusterRankerOptions = DEFAULT_CLUSTER_RANKER,
): RankedCluster[] {
  const asker: CandidateQuery = { vectors: { profile: query.profile }, country: query.country, sectors: query.sectors, excludeId: query.id };
  const filter = buildFilter(asker, filters, clusters.attributes);
  const centre = commonDirection(clusters.facet('profile'));
  const byDescription = [...clusters.attributes.keys()].filter(filter).map((id) => describedScore(clusters, query, id, centre));
  byDescription.sort(byScore);
  const shortlist = byDescription.slice(0, Math.max(limit * 3, options.shortlist));
  const ownMembers = membersOf(companies, query.id);
  const ranked = shortlist.map((c) => withMemberPairs(c, companies, query, ownMembers, clusters.facet('profile').get(c.id), options));
  ranked.sort(byScore);
  return ranked.slice(0, limit);
}

const byScore = (a: RankedCandidate, b: RankedCandidate) => b.score - a.score || (a.id < b.id ? -1 : 1);

// Every cluster description says "brings together companies, research and municipalities to
// help members grow and export": raw similarities crowd into 0.8-0.9 whatever the field. Taking
// the collection's mean direction out first (as in Mu & Viswanath, "All-but-the-Top", 2018)
// leaves what sets a cluster apart; (1 + cos) / 2 puts it back on a 0..1 scale. On the development
// set: 0.959 -> 0.968 nDCG@5 with member pairs and sectors, 0.866 -> 0.986 for descriptions alone.
// Below a handful of clusters a mean says nothing general (two clusters would become exact
// opposites), so it is not applied.
const MIN_CLUSTERS_TO_CENTRE = 6;

function commonDirection(profiles: VectorIndex): Float32Array | undefined {
  if (profiles.size < MIN_CLUSTERS_TO_CENTRE) return undefined;
  const mean = new Float32Array(profiles.dims);
  for (const key of profiles.keys()) {
    const v = profiles.get(key)!;
    for (let d = 0; d < mean.length; d++) mean[d]! += v[d]!;
  }
  return normalize(mean);
}

/** Cosine similarity after removing both vectors' component along `centre`. */
function centredSimilarity(a: Float32Array, b: Float32Array, centre: Float32Array | undefined): number {
  if (!centre) return dot(a, b);
  const ca = dot(a, centre);
  const cb = dot(b, centre);
  const rest = (1 - ca * ca) * (1 - cb * cb);
  return rest > 1e-9 ? (dot(a, b) - ca * cb) / Math.sqrt(rest) : 0;
}

/** Signals from the two clusters' own descriptions and sectors. */
function describedScore(clusters: FacetIndex, query: ClusterQuery, id: string, centre: Float32Array | undefined): RankedCluster {
  const scores: Record<string, number> = {};
  const theirs = clusters.facet('profile').get(id);
  if (query.profile && theirs) scores['profile'] = centre ? (1 + centredSimilarity(query.profile, theirs, centre)) / 2 : clamp(dot(query.profile, theirs));
  const sectors = clusters.attributes.get(id)?.sectors ?? [];
  if (query.sectors.length && sectors.length) scores[SECTOR_SIGNAL_NAME] = sectorOverlap(query.sectors, sectors);
  return { id, scores, score: weightedMean(scores), pairs: [] };
}

function withMemberPairs(
  candidate: RankedCluster,
  companies: FacetIndex,
  query: ClusterQuery,
  ownMembers: readonly string[],
  theirProfile: Float32Array | undefined,
  options: ClusterRankerOptions,
): RankedCluster {
  const mine = closestMembers(companies, ownMembers, theirProfile, options.memberCap);
  const theirs = closestMembers(companies, membersOf(companies, candidate.id), query.profile, options.memberCap);
  const pairs: MemberPair[] = [];
  for (const member of mine) {
    const a = companies.attributes.get(member)!;
    const asMember: CandidateQuery = { vectors: companies.vectorsOf(member), country: a.country, sectors: a.sectors, excludeId: member };
    for (const partner of theirs) {
      // A member pair is a partner match, so it is cross-border like every other.
      if (companies.attributes.get(partner)?.country === a.country) continue;
      const s = scoreCandidate(companies, asMember, partner, PARTNER_SIGNALS);
      pairs.push({ member, partner, score: s.score, strongest: strongestFacet(s.scores) });
    }
  }
  if (pairs.length === 0) return candidate;
  pairs.sort((x, y) => y.score - x.score || (x.member + x.partner < y.member + y.partner ? -1 : 1));
  const top = pairs.slice(0, options.pairs);
  const scores = { ...candidate.scores, memberPairs: round(top.reduce((s, p) => s + p.score, 0) / top.length) };
  return { id: candidate.id, scores: roundAll(scores), score: weightedMean(scores), pairs: top };
}

function membersOf(companies: FacetIndex, clusterId: string): string[] {
  return [...new Set(companies.withAny('cluster', [clusterId]).flatMap((s) => [...s]))].sort();
}

/** Large clusters are compared through the members closest to the other cluster's profile. */
function closestMembers(companies: FacetIndex, members: readonly string[], towards: Float32Array | undefined, cap: number): string[] {
  if (members.length <= cap || !towards) return members.slice(0, cap);
  const profile = companies.facet('profile');
  const similarity = (id: string) => {
    const v = profile.get(id);
    return v ? dot(v, towards) : -1;
  };
  return members
    .map((id) => ({ id, s: similarity(id) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, cap)
    .map((m) => m.id);
}

function strongestFacet(scores: Record<string, number>): string {
  let best = 'profile';
  for (const signal of PARTNER_SIGNALS.facets) if ((scores[signal.name] ?? -1) > (scores[best] ?? -1)) best = signal.name;
  return best;
}

function weightedMean(scores: Record<string, number>): number {
  let total = 0;
  let weights = 0;
  for (const [name, weight] of Object.entries(CLUSTER_WEIGHTS)) {
    const value = scores[name];
    if (value === undefined) continue;
    total += weight * value;
    weights += weight;
  }
  return weights > 0 ? round(total / weights) : 0;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const roundAll = (scores: Record<string, number>) => Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, round(v)]));
