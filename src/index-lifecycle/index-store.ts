// The in-memory indexes of one process and their snapshot: companies (an HNSW graph per facet,
// saved to disk), opportunities and clusters (few: exact-scan, filled from the database at start).
// It knows nothing of the database; the change-log follower keeps it in step.
import type { EntityByType, EntityType } from '../domain/index.js';
import { COMPANY_FACETS, facetNames } from '../embedding/index.js';
import { DEFAULT_HNSW, FacetIndex, loadSnapshot, saveSnapshot, type EntityAttributes, type HnswParams, type SnapshotManifest } from '../index/index.js';

/** One collection per entity type. */
export type Collections = Record<EntityType, FacetIndex>;

const ATTRIBUTES: { [T in EntityType]: (e: EntityByType[T]) => EntityAttributes } = {
  company: (c) => ({ country: c.country, sectors: c.sectors, partnerTypes: c.partnerTypes, clusterIds: c.clusterIds }),
  opportunity: (o) => ({ country: o.country, sectors: o.sectors, partnerTypes: [], kind: o.type, deadline: o.deadline }),
  cluster: (c) => ({ country: c.country, sectors: c.sectors, partnerTypes: [] }),
};

/** The attributes that filters read, taken from a stored entity. */
export function attributesOf<T extends EntityType>(type: T, entity: EntityByType[T]): EntityAttributes {
  return ATTRIBUTES[type](entity);
}

/** What a snapshot must have been made with to be used. */
export interface SnapshotExpectation {
  modelId: string;
  dims: number;
  /** The database's newest change: a snapshot past it belongs to another database. */
  latestSeq: number;
}

/** Read access to the indexes, as use cases see them. */
export interface IndexReader {
  /** Companies: an HNSW graph per facet, saved as snapshots. */
  readonly companies: FacetIndex;
  /** Opportunities: exact-scan, filled from the database at start. */
  readonly opportunities: FacetIndex;
  /** Clusters: exact-scan, filled from the database at start. */
  readonly clusters: FacetIndex;
  /** Last change-log entry reflected in the indexes. */
  readonly seq: number;
  /** The collection holding entities of `type`. */
  of(type: EntityType): FacetIndex;
}

/** The three collections, the change-log position they reflect, and whether that is saved. */
export class IndexStore implements IndexReader {
  private lastSeq = 0;
  private unsaved = false;

  private constructor(private readonly collections: Collections) {}

  /** Empty collections for vectors of `dims` numbers. */
  static create(dims: number, hnsw: HnswParams = DEFAULT_HNSW): IndexStore {
    return new IndexStore(IndexStore.emptyCollections(dims, hnsw));
  }

  /** Fresh, empty collections of the same shape, to fill aside and swap in with `replaceAll`. */
  static emptyCollections(dims: number, hnsw: HnswParams = DEFAULT_HNSW): Collections {
    return {
      company: new FacetIndex(dims, COMPANY_FACETS, hnsw),
      opportunity: FacetIndex.exact(dims, facetNames('opportunity')),
      cluster: FacetIndex.exact(dims, facetNames('cluster')),
    };
  }

  get companies(): FacetIndex {
    return this.collections.company;
  }

  get opportunities(): FacetIndex {
    return this.collections.opportunity;
  }

  get clusters(): FacetIndex {
    return this.collections.cluster;
  }

  get seq(): number {
    return this.lastSeq;
  }

  /** True when the company collection changed since the last snapshot was saved or loaded. */
  get dirty(): boolean {
    return this.unsaved;
  }

  of(type: EntityType): FacetIndex {
    return this.collections[type];
  }

  /** Records that every change-log entry up to `seq` is now reflected. */
  advanceTo(seq: number): void {
    this.lastSeq = seq;
    this.unsaved = true;
  }

  /** Swaps in collections filled aside (a rebuild), reflecting the change log up to `seq`. */
  replaceAll(collections: Collections, seq: number): void {
    Object.assign(this.collections, collections);
    this.advanceTo(seq);
  }

  /**
   * Replaces the company collection with the snapshot in `dir`; throws, changing nothing, when
   * there is none or it does not match `expect`.
   */
  async loadSnapshot(dir: string, expect: SnapshotExpectation): Promise<SnapshotManifest> {
    const { index, manifest } = await loadSnapshot(dir, this.companies.params.efSearch);
    const problem =
      manifest.modelId !== expect.modelId
        ? `model changed (${manifest.modelId} -> ${expect.modelId})`
        : manifest.dims !== expect.dims
          ? 'dimension changed'
          : manifest.lastSeq > expect.latestSeq
            ? 'snapshot is ahead of the database'
            : undefined;
    if (problem) throw new Error(problem);
    this.collections.company = index;
    this.lastSeq = manifest.lastSeq;
    this.unsaved = false;
    return manifest;
  }

  /** Saves the company collection as a new snapshot generation; throws when it could not be written (the old one stays). */
  async saveSnapshot(dir: string, modelId: string): Promise<SnapshotManifest> {
    const manifest = await saveSnapshot(dir, this.companies, { modelId, lastSeq: this.lastSeq });
    this.unsaved = false;
    return manifest;
  }
}
