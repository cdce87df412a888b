// One entity kind's vectors: a VectorIndex per facet (profile, offers, needs) plus the
// attributes that filters read, kept together so they never disagree.
import { FlatVectorIndex } from './flat-index.js';
import { HnswVectorIndex, type HnswParams, DEFAULT_HNSW } from './hnsw-index.js';
import type { VectorIndex } from './vector-index.js';

export interface EntityAttributes {
  country: string;
  sectors: readonly string[];
  /** Companies: the partner types they seek. */
  partnerTypes: readonly string[];
  /** Companies: the clusters they belong to. */
  clusterIds?: readonly string[];
  /** Opportunities: their type (tender, buyer-request, …); `kind` because snapshots store it so (attributes.json). */
  kind?: string;
  /** Opportunities: last day open, YYYY-MM-DD. */
  deadline?: string | null;
}

/** Tags are bytes; 0 means untagged. */
const MAX_TAG = 255;

type AttributeKind = 'country' | 'sector' | 'partnerType' | 'cluster' | 'kind';

export class FacetIndex {
  readonly indexes: ReadonlyMap<string, VectorIndex>;
  private readonly attrs = new Map<string, EntityAttributes>();
  // Inverted lists (`sector:ict` -> ids) let a selective filter find its few candidates without
  // scanning every entity.
  private readonly postings = new Map<string, Set<string>>();
  // Country -> a number 1-255 tagged on every facet index's label (see countryTag): what makes the
  // cross-border filter a typed-array read. Codes are never reused, so a stale tag cannot alias.
  private readonly countryCodes = new Map<string, number>();
  private readonly taggable: boolean;
  /** Set once an entity could get no code: untagged labels then no longer mean "no entity". */
  private tagsOverflowed = false;

  constructor(
    readonly dims: number,
    readonly facets: readonly string[],
    readonly params: HnswParams = DEFAULT_HNSW,
    indexes?: ReadonlyMap<string, VectorIndex>,
  ) {
    this.indexes = indexes ?? new Map(facets.map((f) => [f, new HnswVectorIndex(dims, params)]));
    this.taggable = [...this.indexes.values()].every((index) => index.setTag !== undefined);
  }

  /**
   * The tag that marks entities of `country` in every facet index, for SearchOptions.excludeTag;
   * undefined when these indexes keep no tags (exact scan) or more than 255 countries were seen.
   */
  countryTag(country: string): number | undefined {
    if (!this.taggable || this.tagsOverflowed) return undefined;
    let code = this.countryCodes.get(country);
    if (code === undefined && this.countryCodes.size < MAX_TAG) {
      code = this.countryCodes.size + 1;
      this.countryCodes.set(country, code);
    }
    return code;
  }

  /** Tags `id`'s label in every facet index with its country's code (0 when codes ran out). */
  private tagCountry(id: string, country: string): void {
    if (!this.taggable) return;
    const code = this.countryTag(country);
    if (code === undefined) this.tagsOverflowed = true;
    for (const index of this.indexes.values()) index.setTag?.(id, code ?? 0);
  }

  /** Exact-scan facets, for collections small enough that a graph does not pay. */
  static exact(dims: number, facets: readonly string[]): FacetIndex {
    return new FacetIndex(dims, facets, DEFAULT_HNSW, new Map(facets.map((f) => [f, new FlatVectorIndex(dims)])));
  }

  get size(): number {
    return this.attrs.size;
  }

  get attributes(): ReadonlyMap<string, EntityAttributes> {
    return this.attrs;
  }

  /** Ids having any of `values` for an attribute (a union of inverted lists, not copied). */
  withAny(kind: AttributeKind, values: readonly string[]): Set<string>[] {
    return values.map((v) => this.postings.get(`${kind}:${v}`)).filter((s): s is Set<string> => s !== undefined);
  }

  private *postingKeys(a: EntityAttributes): Generator<string> {
    yield `country:${a.country}`;
    for (const s of a.sectors) yield `sector:${s}`;
    for (const t of a.partnerTypes) yield `partnerType:${t}`;
    for (const c of a.clusterIds ?? []) yield `cluster:${c}`;
    if (a.kind) yield `kind:${a.kind}`;
  }

  private setAttributes(id: string, next: EntityAttributes | undefined): void {
    const previous = this.attrs.get(id);
    if (previous) for (const key of this.postingKeys(previous)) this.postings.get(key)?.delete(id);
    if (!next) {
      this.attrs.delete(id);
      return;
    }
    this.attrs.set(id, next);
    for (const key of this.postingKeys(next)) {
      let set = this.postings.get(key);
      if (!set) {
        set = new Set();
        this.postings.set(key, set);
      }
      set.add(id);
    }
  }

  facet(name: string): VectorIndex {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`Unknown facet "${name}"`);
    return index;
  }

  /** A facet whose text was empty (a zero vector) is left out of that facet's index. */
  upsert(id: string, attributes: EntityAttributes, vectors: Readonly<Record<string, Float32Array>>): void {
    this.setAttributes(id, attributes);
    for (const [facet, index] of this.indexes) {
      const v = vectors[facet];
      if (v?.some((x) => x !== 0)) index.upsert(id, v);
      else index.remove(id);
    }
    this.tagCountry(id, attributes.country);
  }

  /** Attributes of an entity whose vectors were loaded from a snapshot. */
  restoreAttributes(id: string, attributes: EntityAttributes): void {
    this.setAttributes(id, attributes);
    this.tagCountry(id, attributes.country);
  }

  remove(id: string): void {
    this.setAttributes(id, undefined);
    for (const index of this.indexes.values()) index.remove(id);
  }

  vectorsOf(id: string): Record<string, Float32Array | undefined> {
    const out: Record<string, Float32Array | undefined> = {};
    for (const [facet, index] of this.indexes) out[facet] = index.get(id);
    return out;
  }
}
