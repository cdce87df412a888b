// Partner retrieval and re-ranking: candidates from each facet pairing, filters applied inside
// the search (so a filtered query still fills `limit`), then every candidate scored on all signals.
import { dot, type CompanyFacet } from '../embedding/index.js';
import type { EntityAttributes, FacetIndex, SearchOptions } from '../index/index.js';
import { FACET_SIGNALS, SECTOR_SIGNAL, sectorOverlap } from './signals.js';

export interface PartnerQuery {
  vectors: Partial<Record<CompanyFacet, Float32Array>>;
  country: string;
  sectors: readonly string[];
  /** The asking company itself, never its own partner. */
  excludeId?: string | undefined;
}

export interface PartnerFilters {
  countries?: readonly string[] | undefined;
  sectors?: readonly string[] | undefined;
  /** Only candidates that are looking for a partner of one of these types. */
  partnerTypes?: readonly string[] | undefined;
}

export interface RankedCandidate {
  id: string;
  /** 0..1, the weighted mean of the available signals. */
  score: number;
  scores: Record<string, number>;
}

export interface RankerOptions {
  /** Below this many allowed candidates an exact scan beats a filtered HNSW walk. */
  exactScanMax: number;
  /** Candidates drawn per signal, as a multiple of `limit` (at least `minPool`). */
  poolFactor: number;
  minPool: number;
  /** Walk a filter's inverted list to count its candidates only below this share of the index. */
  listScanShare: number;
}

export const DEFAULT_RANKER: RankerOptions = { exactScanMax: 5_000, poolFactor: 5, minPool: 50, listScanShare: 0.25 };

export function buildFilter(query: PartnerQuery, filters: PartnerFilters, attributes: ReadonlyMap<string, EntityAttributes>): (id: string) => boolean {
  const countries = filters.countries?.length ? new Set(filters.countries) : undefined;
  const sectors = filters.sectors?.length ? new Set(filters.sectors) : undefined;
  const types = filters.partnerTypes?.length ? new Set(filters.partnerTypes) : undefined;
  return (id) => {
    const a = attributes.get(id);
    if (!a || id === query.excludeId) return false;
    // Partners are cross-border by definition.
    if (a.country === query.country) return false;
    if (countries && !countries.has(a.country)) return false;
    if (sectors && !a.sectors.some((s) => sectors.has(s))) return false;
    if (types && !a.partnerTypes.some((t) => types.has(t))) return false;
    return true;
  };
}

export function rankPartners(
  index: FacetIndex,
  query: PartnerQuery,
  filters: PartnerFilters,
  limit: number,
  options: RankerOptions = DEFAULT_RANKER,
): RankedCandidate[] {
  const filter = buildFilter(query, filters, index.attributes);
  const search: SearchOptions = { filter };
  // A filter that leaves few candidates makes a filtered HNSW walk slow (it visits many nodes to
  // find k that pass): find those candidates from the narrowest inverted list and scan them exactly.
  const narrowest = narrowestFilter(index, filters);
  if (narrowest && sizeOf(narrowest) <= Math.max(options.exactScanMax, index.size * options.listScanShare)) {
    const allowed = new Set<string>();
    for (const set of narrowest) for (const id of set) if (filter(id)) allowed.add(id);
    if (allowed.size <= options.exactScanMax) search.within = [...allowed];
  }
  const pool = Math.max(limit * options.poolFactor, options.minPool);
  const candidates = new Set<string>();
  for (const signal of FACET_SIGNALS) {
    const q = query.vectors[signal.query];
    if (!q) continue;
    for (const hit of index.facet(signal.candidate).search(q, pool, search)) candidates.add(hit.key);
  }
  const ranked = [...candidates].map((id) => scoreCandidate(index, query, id));
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return ranked.slice(0, limit);
}

/** The filter dimension with the fewest candidates, as inverted lists to union. */
function narrowestFilter(index: FacetIndex, filters: PartnerFilters): Set<string>[] | undefined {
  const dimensions = [
    filters.countries?.length ? index.withAny('country', filters.countries) : undefined,
    filters.sectors?.length ? index.withAny('sector', filters.sectors) : undefined,
    filters.partnerTypes?.length ? index.withAny('partnerType', filters.partnerTypes) : undefined,
  ].filter((d): d is Set<string>[] => d !== undefined);
  return dimensions.sort((a, b) => sizeOf(a) - sizeOf(b))[0];
}

const sizeOf = (sets: Set<string>[]) => sets.reduce((n, s) => n + s.size, 0);

export function scoreCandidate(index: FacetIndex, query: PartnerQuery, id: string): RankedCandidate {
  const scores: Record<string, number> = {};
  let total = 0;
  let weights = 0;
  for (const signal of FACET_SIGNALS) {
    const q = query.vectors[signal.query];
    const c = index.facet(signal.candidate).get(id);
    // A side with no text (e.g. no needs written) makes the signal unknown, not zero.
    if (!q || !c) continue;
    const value = Math.max(0, Math.min(1, dot(q, c)));
    scores[signal.name] = round(value);
    total += signal.weight * value;
    weights += signal.weight;
  }
  const attrs = index.attributes.get(id);
  if (attrs && query.sectors.length > 0 && attrs.sectors.length > 0) {
    const value = sectorOverlap(query.sectors, attrs.sectors);
    scores[SECTOR_SIGNAL.name] = round(value);
    total += SECTOR_SIGNAL.weight * value;
    weights += SECTOR_SIGNAL.weight;
  }
  return { id, score: weights > 0 ? round(total / weights) : 0, scores };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
