// The Repository seam: what the engine needs from a database, in domain types, one store per
// aggregate (entities with vectors and change log; events; keys and introductions; feedback;
// agenda mailings).
import type {
  ApiKeyRecord,
  Country,
  EntityByType,
  EntityType,
  Feedback,
  FeedbackKind,
  FeedbackVerdict,
  Introduction,
  MatchEvent,
  Sector,
} from '../domain/index.js';
import type { MailingStore } from './mailing-store.js';
import type { SessionStore } from './session-store.js';

/** Which page of entities `list` answers, and the filters they must pass. */
export interface ListQuery {
  limit: number;
  offset: number;
  country?: Country | undefined;
  sector?: Sector | undefined;
  /** Companies only: members of this cluster. */
  cluster?: string | undefined;
  /** Only entities first written at or after this moment. */
  createdSince?: Date | undefined;
  /** Words that must each appear in the name (title), description, offers, needs or id, in any letter case. */
  q?: string | undefined;
  /**
   * Instead of `q`'s words: per word, the forms any of which may match (as prefixes), e.g. a word
   * and its stems. Same index, same cap as `q`.
   */
  wordForms?: readonly (readonly string[])[] | undefined;
  /** With `wordForms`: entities of these sectors match too, whatever their words (a sector the query names). */
  orSectors?: readonly Sector[] | undefined;
}

/** A page of results and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** One facet's vector of one entity, with the model and the text hash it came from. */
export interface StoredEmbedding {
  entityType: EntityType;
  entityId: string;
  facet: string;
  modelId: string;
  textHash: string;
  vector: Float32Array;
}

/** Names one entity. */
export interface EntityRef {
  entityType: EntityType;
  id: string;
}

/**
 * Everything one logical write changes; applied in one transaction with its change-log rows.
 * Every upserted row's `version` goes up by 1 (a new row starts at 1). Deleting a cluster also
 * removes it from the `clusterIds` of its member companies, in the same transaction.
 */
export interface WriteBatch {
  clusters?: EntityByType['cluster'][];
  companies?: EntityByType['company'][];
  opportunities?: EntityByType['opportunity'][];
  deletes?: EntityRef[];
  embeddings?: StoredEmbedding[];
}

/** A value with the version its row had when it was read: the entity's ETag. */
export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * What must still hold when a write commits. Checked inside the write's transaction, after
 * other writers are shut out, so nothing can change between the check and the write.
 */
export interface WriteGuard {
  /** The row must be at this version; `null`: the row must not exist (a create). */
  expect?: EntityRef & { version: number | null };
  /** Clusters that must exist (those a company names). */
  clustersExist?: readonly string[];
}

/** A write refused by its guard; nothing was written. */
export class WriteConflict extends Error {
  constructor(
    readonly reason: 'missing' | 'exists' | 'changed' | 'unknown-clusters',
    /** The version found (reason `changed`), or the cluster ids that do not exist. */
    readonly found: number | readonly string[] | null = null,
  ) {
    super(`write refused: ${reason}`);
    this.name = 'WriteConflict';
  }
}

/** One row of the change log: an entity was written or deleted. */
export interface ChangeEntry {
  seq: number;
  entityType: EntityType;
  entityId: string;
  op: 'upsert' | 'delete';
}

/** An event's id, name and last change, without its document. */
export interface EventSummary {
  id: string;
  name: string;
  updatedAt: string;
}

/** Which page of judgments `listFeedback` answers, and the filters they must pass. */
export interface FeedbackQuery {
  companyId?: string | undefined;
  kind?: FeedbackKind | undefined;
  verdict?: FeedbackVerdict | undefined;
  candidateId?: string | undefined;
  limit: number;
  offset: number;
}

/** How many judgments have this kind and verdict. */
export interface FeedbackCount {
  kind: FeedbackKind;
  verdict: FeedbackVerdict;
  n: number;
}

/**
 * Companies, opportunities and clusters with their vectors and the change log that every write
 * appends to (what other processes follow to keep their index in step).
 */
export interface EntityStore {
  /** The entity, or null when there is none with that id. */
  get<T extends EntityType>(type: T, id: string): Promise<EntityByType[T] | null>;
  /** The entity with its current version (what `If-Match` is compared with). */
  getVersioned<T extends EntityType>(type: T, id: string): Promise<Versioned<EntityByType[T]> | null>;
  /** The entities found among `ids`, in no particular order; missing ids are left out. */
  getMany<T extends EntityType>(type: T, ids: readonly string[]): Promise<EntityByType[T][]>;
  /** One page of entities matching the query, by id, with the total that match. */
  list<T extends EntityType>(type: T, query: ListQuery): Promise<Page<EntityByType[T]>>;
  /** Ids in ascending order after `afterId`, for walking a whole table in chunks. */
  idsAfter(type: EntityType, afterId: string, limit: number): Promise<string[]>;
  /** The subset of `ids` that exist. */
  existingIds(type: EntityType, ids: readonly string[]): Promise<Set<string>>;
  count(type: EntityType): Promise<number>;
  /** Stored vectors of the entities, every facet and model. */
  embeddings(type: EntityType, ids: readonly string[]): Promise<StoredEmbedding[]>;
  /** `entityId/facet` -> the model and text hash its stored vector came from. */
  embeddingKeys(type: EntityType, ids: readonly string[]): Promise<Map<string, { modelId: string; textHash: string }>>;
  /** How many vectors of this entity type came from `modelId` (all facets counted). */
  countEmbeddings(type: EntityType, modelId: string): Promise<number>;
  /**
   * Applies the batch and its change-log rows in one transaction; with a guard, only if the guard
   * still holds inside that transaction (else throws `WriteConflict`, writing nothing).
   */
  write(batch: WriteBatch, guard?: WriteGuard): Promise<void>;
  /**
   * Applies batches as they are produced, all in one transaction: a large import stays
   * all-or-nothing without holding every vector in memory at once.
   */
  writeAll(batches: Iterable<WriteBatch> | AsyncIterable<WriteBatch>): Promise<void>;
  /** Up to `limit` change-log entries after `seq`, oldest first. */
  changesSince(seq: number, limit: number): Promise<ChangeEntry[]>;
  /** The write history of one entity, oldest first. */
  historyOf(entityType: EntityType, id: string): Promise<(ChangeEntry & { at: string })[]>;
  /** The newest change-log entry's seq; 0 for an empty log. */
  latestChangeSeq(): Promise<number>;
}

/** Matchmaking events: each stored as one document, changed in one transaction at a time. */
export interface EventStore {
  getEvent(id: string): Promise<MatchEvent | null>;
  /** The event with its current version (what `If-Match` is compared with). */
  getVersionedEvent(id: string): Promise<Versioned<MatchEvent> | null>;
  /** Every event's id, name and last change, by id (the documents are not read). */
  listEvents(): Promise<EventSummary[]>;
  /** Every event in full, by id, read in one query (for figures over all events). */
  allEvents(): Promise<MatchEvent[]>;
  /**
   * Events whose document names the company anywhere (participant, wish, block, meeting, pin),
   * by id, the id matched exactly. Only those documents are read.
   */
  eventsNaming(companyId: string): Promise<MatchEvent[]>;
  /** Fails with a unique-constraint error when the id exists. */
  createEvent(event: MatchEvent): Promise<void>;
  /**
   * Reads, changes and writes one event in one transaction, so concurrent edits never lose each
   * other's changes. `change` may throw to abort: nothing is written then. With `ifVersion`, the
   * event must still be at that version (else `WriteConflict` 'changed'). Answers the new version.
   */
  updateEvent(id: string, change: (event: MatchEvent) => MatchEvent | Promise<MatchEvent>, ifVersion?: number): Promise<Versioned<MatchEvent> | null>;
  /** False when there is no such event; with `ifVersion`, `WriteConflict` 'changed' when it is at another version. */
  deleteEvent(id: string, ifVersion?: number): Promise<boolean>;
}

/** Introduction requests: which page of them to read. */
export interface IntroductionQuery {
  status?: string | undefined;
  companyId?: string | undefined;
  limit: number;
  offset: number;
}

/** API keys (stored as hashes of their secrets) and the introduction requests site keys send. */
export interface AccessStore {
  createApiKey(key: ApiKeyRecord, hash: string): Promise<void>;
  /** The key whose secret hashes to `hash`, revoked or not. */
  findApiKey(hash: string): Promise<ApiKeyRecord | null>;
  /** Every key, revoked ones included. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked; false when there is no such key. */
  revokeApiKey(id: string): Promise<boolean>;
  createIntroduction(intro: Introduction): Promise<void>;
  getIntroduction(id: string): Promise<Introduction | null>;
  /** Newest request first. */
  listIntroductions(query: IntroductionQuery): Promise<Page<Introduction>>;
  /** Null when there is no such request. */
  updateIntroduction(id: string, patch: Partial<Pick<Introduction, 'status' | 'staffNote' | 'forwardedAt' | 'forwardedTo'>>): Promise<Introduction | null>;
  /** Erasure: removes every introduction request naming the company; returns how many. */
  deleteIntroductionsFor(companyId: string): Promise<number>;
}

/** Staff verdicts on suggestions made to a company. */
export interface FeedbackStore {
  /**
   * One verdict per company, kind and candidate: judging again replaces verdict, score, note and
   * key, and keeps the row's id and createdAt. Returns the row as stored.
   */
  upsertFeedback(feedback: Feedback): Promise<Feedback>;
  /** Newest judgment first. */
  listFeedback(query: FeedbackQuery): Promise<Page<Feedback>>;
  /** False when there was no such judgment. */
  deleteFeedback(companyId: string, kind: FeedbackKind, candidateId: string): Promise<boolean>;
  /** Erasure: removes judgments made for the company and judgments of it as a partner; returns how many. */
  deleteFeedbackFor(companyId: string): Promise<number>;
  /** How many judgments there are of each kind and verdict (only pairs that occur). */
  feedbackSummary(): Promise<FeedbackCount[]>;
  /** Ids of the companies with at least one judgment: rankings skip the verdict read for the rest. */
  judgedCompanies(): Promise<string[]>;
}

/**
 * One database holding every aggregate. Use cases and routes are given only the store(s) they
 * need; the process that opened the database closes it.
 */
export interface Repository extends EntityStore, EventStore, AccessStore, FeedbackStore, MailingStore, SessionStore {
  close(): Promise<void>;
}
