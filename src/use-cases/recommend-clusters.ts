// Sister clusters across the border, with the member pairs that make each match strongest.
import { z } from 'zod';
import { COUNTRIES, decimalInt, listFilter, CountrySchema, type Cluster, type Company } from '../domain/index.js';
import { facetTexts } from '../embedding/index.js';
import {
  buildReasons,
  CLUSTER_SIGNALS,
  PARTNER_SIGNALS,
  describeStrength,
  rankClusters,
  sharedConcepts,
  type MemberPair,
  type RankedCluster,
} from '../matching/index.js';
import type { Engine } from '../engine/index.js';
import { storedVectors } from '../index-lifecycle/index.js';
import type { ScoredResult } from './hybrid-results.js';
import { getEntity } from './get-entity.js';

/** The one cluster-partner filter: the HTTP query and every other caller share it. */
export const ClusterPartnerFiltersSchema = z.strictObject({
  limit: decimalInt(1, 50).default(10),
  countries: listFilter(CountrySchema, COUNTRIES.length).optional(),
});

export type ClusterPartnerFilters = z.output<typeof ClusterPartnerFiltersSchema>;

export interface MemberRef {
  id: string;
  name: string;
  country: string;
}

export interface MemberPairEvidence {
  member: MemberRef;
  partner: MemberRef;
  score: number;
  reason: string;
}

/** Clusters have no judged data to calibrate on, so their results carry no `relevance`. */
export type ClusterPartnerResult = Omit<ScoredResult<'cluster', Cluster>, 'relevance'> & { memberPairs: MemberPairEvidence[] };

export interface ClusterPartnerResponse {
  results: ClusterPartnerResult[];
  model: string;
}

export async function clusterPartners(engine: Engine, id: string, f: ClusterPartnerFilters): Promise<ClusterPartnerResponse> {
  const cluster = await getEntity(engine, 'cluster', id);
  const vectors = await storedVectors(engine, 'cluster', id);
  const ranked = rankClusters(
    engine.index.clusters,
    engine.index.companies,
    { id, country: cluster.country, sectors: cluster.sectors, profile: vectors['profile'] },
    f,
    f.limit,
  );
  const clusters = new Map(
    (
      await engine.repo.getMany(
        'cluster',
        ranked.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  const memberIds = ranked.flatMap((r) => r.pairs.flatMap((p) => [p.member, p.partner]));
  const members = new Map((await engine.repo.getMany('company', [...new Set(memberIds)])).map((c) => [c.id, c]));
  const asker = { texts: facetTexts('cluster', cluster), country: cluster.country };
  const results: ClusterPartnerResult[] = [];
  for (const r of ranked) {
    const candidate = clusters.get(r.id);
    if (!candidate) continue;
    const memberPairs = r.pairs.flatMap((p) => evidence(p, members));
    const side = { texts: facetTexts('cluster', candidate), country: candidate.country };
    const shared = sharedConcepts(engine.lexical, CLUSTER_SIGNALS, asker, side);
    const reasons = buildReasons({ shared, sharedSectors: cluster.sectors.filter((s) => candidate.sectors.includes(s)) }, 'en', engine.embedder.terms);
    results.push({
      cluster: candidate,
      score: r.score,
      strength: describeStrength(r.score),
      scores: r.scores,
      reasons: [...reasons, ...memberReason(r, memberPairs)],
      memberPairs,
    });
  }
  return { results, model: engine.embedder.modelId };
}

function memberReason(r: RankedCluster, pairs: MemberPairEvidence[]): string[] {
  const value = r.scores['memberPairs'];
  if (value === undefined || pairs.length === 0) return [];
  const best = pairs[0]!;
  return [
    `Member companies match (${describeStrength(value)}): best pair ${best.member.name} (${best.member.country}) and ${best.partner.name} (${best.partner.country})`,
  ];
}

function evidence(p: MemberPair, members: Map<string, Company>): MemberPairEvidence[] {
  const member = members.get(p.member);
  const partner = members.get(p.partner);
  if (!member || !partner) return [];
  return [{ member: ref(member), partner: ref(partner), score: p.score, reason: pairReason(p.strongest, member, partner) }];
}

const ref = (c: Company): MemberRef => ({ id: c.id, name: c.name, country: c.country });

/** The partner signal that carries a pair, said with the two names. */
function pairReason(signal: string, member: Company, partner: Company): string {
  const text: Record<string, string> = {
    needsOffers: `${partner.name} offers what ${member.name} needs`,
    offersNeeds: `${member.name} offers what ${partner.name} needs`,
  };
  return text[signal] ?? PARTNER_SIGNALS.facets.find((s) => s.name === signal)?.reason.replace('Your', 'Their') ?? 'Similar profiles';
}
