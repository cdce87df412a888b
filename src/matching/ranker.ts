// Retrieval and re-ranking: candidates from each facet pairing of a signal set, filters applied
// inside the search (so a filtered query still fills `limit`), then every candidate scored on
// all signals. Partners, opportunities and an opportunity's audience all rank this way.
import { isOpen } from '../domain/index.js';
import { dot } from '../embedding/index.js';
import type { EntityAttributes, FacetIndex, SearchOptions } from '../index/index.js';
import { PARTNER_SIGNALS, SECTOR_SIGNAL_NAME, sectorOverlap, type SignalSet } from './signals.js';

export interface CandidateQuery {
  /** The asker's vectors by facet name. */
  vectors: Partial<Record<string, Float32Array>>;
  country: string;
  sectors: readonly string[];
  /** The asker itself, never its own match. */
  excludeId?: string | undefined;
}

export interface CandidateFilters {
  countries?: readonly string[] | undefined;
  sectors?: readonly string[] | undefined;
  /** Companies: only those looking for a partner of one of these types. */
  partnerTypes?: readonly string[] | undefined;
  /** Opportunities: only these types. */
  opportunityTypes?: readonly string[] | undefined;
  /** Opportunities: only those still open at this moment. */
  openAt?: Date | undefined;
  /** Only these candidates (e.g. an event's participants). */
  among?: ReadonlySet<string> | undefined;
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
  /** Exclude the asker's country by label tags (SearchOptions.excludeTag); false: by the string filter alone, as before (benchmarks compare the two). */
  countryTags: boolean;
}

export const DEFAULT_RANKER: RankerOptions = { exactScanMax: 5_000, poolFactor: 5, minPool: 50, listScanShare: 0.25, countryTags: true };

export function buildFilter(query: CandidateQuery, filters: CandidateFilters, attributes: ReadonlyMap<string, EntityAttributes>): (id: string) => boolean {
  const set = (xs: readonly string[] | undefined) => (xs?.length ? new Set(xs) : undefined);
  const countries = set(filters.countries);
  const sectors = set(filters.sectors);
  const types = set(filters.partnerTypes);
  const opportunityTypes = set(filters.opportunityTypes);
  const openAt = filters.openAt;
  const among = filters.among;
  return (id) => {
    const a = attributes.get(id);
    if (!a || id === query.excludeId) return false;
    if (among && !among.has(id)) return false;
    // Every match is cross-border by definition.
    if (a.country === query.country) return false;
    if (countries && !countries.has(a.country)) return false;
    if (sectors && !a.sectors.some((s) => sectors.has(s))) return false;
    if (types && !a.partnerTypes.some((t) => types.has(t))) return false;
    if (opportunityTypes && !(a.kind && opportunityTypes.has(a.kind))) return false;
    if (openAt && !isOpen(a.deadline, a.country, openAt)) return false;
    return true;
  };
}

export function rankCandidates(
  index: FacetIndex,
  query: CandidateQuery,
  filters: CandidateFilters,
  limit: number,
  signals: SignalSet = PARTNER_SIGNALS,
  options: RankerOptions = DEFAULT_RANKER,
  /** How many results the answer will show, when `limit` is deeper for re-ranking: it sets the per-signal draw. */
  shown = limit,
): RankedCandidate[] {
  const filter = buildFilter(query, filters, index.attributes);
  const search: SearchOptions = options.countryTags ? searchOptions(index, query, filters, filter) : { filter };
  // A filter that leaves few candidates makes a filtered HNSW walk slow (it visits many nodes to
  // find k that pass): find those candidates from the narrowest inverted list and scan them exactly.
  const narrowest = narrowestFilter(index, filters);
  if (narrowest && sizeOf(narrowest) <= Math.max(options.exactScanMax, index.size * options.listScanShare)) {
    const allowed = new Set<string>();
    for (const set of narrowest) for (const id of set) if (filter(id)) allowed.add(id);
    if (allowed.size <= options.exactScanMax) search.within = [...allowed];
  }
  // Re-ranking reorders a deeper list, but drawing per signal for that depth would triple the
  // graph searches and the candidates scored for the same answer.
  const pool = Math.max(shown * options.poolFactor, options.minPool, limit);
  const candidates = new Set<string>();
  for (const signal of signals.facets) {
    const q = query.vectors[signal.query];
    if (!q) continue;
    for (const hit of index.facet(signal.candidate).search(q, pool, search)) candidates.add(hit.key);
  }
  const ranked = [...candidates].map((id) => scoreCandidate(index, query, id, signals));
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return ranked.slice(0, limit);
}

/**
 * Every match is cross-border: the asker's country is excluded by a typed-array read per label
 * (SearchOptions.excludeTag). With no other filter that read is all the search needs; with others,
 * it spares the JS filter most of its calls.
 */
function searchOptions(index: FacetIndex, query: CandidateQuery, filters: CandidateFilters, filter: (id: string) => boolean): SearchOptions {
  const excludeTag = index.countryTag(query.country);
  if (excludeTag === undefined) return { filter };
  const onlyCrossBorder =
    !filters.countries?.length &&
    !filters.sectors?.length &&
    !filters.partnerTypes?.length &&
    !filters.opportunityTypes?.length &&
    !filters.openAt &&
    !filters.among;
  return onlyCrossBorder ? { excludeTag, excludeKey: query.excludeId } : { filter, excludeTag };
}

/** The filter dimension with the fewest candidates, as inverted lists to union. */
function narrowestFilter(index: FacetIndex, filters: CandidateFilters): ReadonlySet<string>[] | undefined {
  const dimensions: (ReadonlySet<string>[] | undefined)[] = [
    filters.among ? [filters.among] : undefined,
    filters.countries?.length ? index.withAny('country', filters.countries) : undefined,
    filters.sectors?.length ? index.withAny('sector', filters.sectors) : undefined,
    filters.partnerTypes?.length ? index.withAny('partnerType', filters.partnerTypes) : undefined,
    filters.opportunityTypes?.length ? index.withAny('kind', filters.opportunityTypes) : undefined,
  ];
  return dimensions.filter((d): d is ReadonlySet<string>[] => d !== undefined).sort((a, b) => sizeOf(a) - sizeOf(b))[0];
}

const sizeOf = (sets: readonly ReadonlySet<string>[]) => sets.reduce((n, s) => n + s.size, 0);

export function scoreCandidate(index: FacetIndex, query: CandidateQuery, id: string, signals: SignalSet = PARTNER_SIGNALS): RankedCandidate {
  const scores: Record<string, number> = {};
  let total = 0;
  let weights = 0;
  for (const signal of signals.facets) {
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
    scores[SECTOR_SIGNAL_NAME] = round(value);
    total += signals.sectorWeight * value;
    weights += signals.sectorWeight;
  }
  return { id, score: weights > 0 ? round(total / weights) : 0, scores };
}

export const round = (x: number) => Math.round(x * 10_000) / 10_000;
