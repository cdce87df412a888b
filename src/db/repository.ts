// The Repository seam: everything the engine needs from a database, in domain types.
import type { EntityByType, EntityType } from '../domain/entities.js';
import type { ApiKeyRecord, Introduction } from '../domain/access.js';
import type { Feedback, FeedbackKind, FeedbackVerdict } from '../domain/feedback.js';
import type { MatchEvent } from '../domain/events.js';
import type { Country, Sector } from '../domain/vocabulary.js';
import type { MailingRepository } from './mailing-repository.js';

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
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface StoredEmbedding {
  entityType: EntityType;
  entityId: string;
  facet: string;
  modelId: string;
  textHash: string;
  vector: Float32Array;
}

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

export interface ChangeEntry {
  seq: number;
  entityType: EntityType;
  entityId: string;
  op: 'upsert' | 'delete';
}

export interface EventSummary {
  id: string;
  name: string;
  updatedAt: string;
}

export interface FeedbackQuery {
  companyId?: string | undefined;
  kind?: FeedbackKind | undefined;
  verdict?: FeedbackVerdict | undefined;
  candidateId?: string | undefined;
  limit: number;
  offset: number;
}

export interface FeedbackCount {
  kind: FeedbackKind;
  verdict: FeedbackVerdict;
  n: number;
}

export interface Repository extends MailingRepository {
  get<T extends EntityType>(type: T, id: string): Promise<EntityByType[T] | null>;
  /** The entity with its current version (what `If-Match` is compared with). */
  getVersioned<T extends EntityType>(type: T, id: string): Promise<Versioned<EntityByType[T]> | null>;
  getMany<T extends EntityType>(type: T, ids: readonly string[]): Promise<EntityByType[T][]>;
  list<T extends EntityType>(type: T, query: ListQuery): Promise<Page<EntityByType[T]>>;
  /** Ids in ascending order after `afterId`, for walking a whole table in chunks. */
  idsAfter(type: EntityType, afterId: string, limit: number): Promise<string[]>;
  existingIds(type: EntityType, ids: readonly string[]): Promise<Set<string>>;
  count(type: EntityType): Promise<number>;
  embeddings(type: EntityType, ids: readonly string[]): Promise<StoredEmbedding[]>;
  /** `entityId/facet` -> the model and text hash its stored vector came from. */
  embeddingKeys(type: EntityType, ids: readonly string[]): Promise<Map<string, { modelId: string; textHash: string }>>;
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
  changesSince(seq: number, limit: number): Promise<ChangeEntry[]>;
  getEvent(id: string): Promise<MatchEvent | null>;
  /** The event with its current version (what `If-Match` is compared with). */
  getVersionedEvent(id: string): Promise<Versioned<MatchEvent> | null>;
  listEvents(): Promise<EventSummary[]>;
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
  createApiKey(key: ApiKeyRecord, hash: string): Promise<void>;
  /** The key whose secret hashes to `hash`, revoked or not. */
  findApiKey(hash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** Marks the key revoked; false when there is no such key. */
  revokeApiKey(id: string): Promise<boolean>;
  createIntroduction(intro: Introduction): Promise<void>;
  getIntroduction(id: string): Promise<Introduction | null>;
  listIntroductions(query: { status?: string | undefined; companyId?: string | undefined; limit: number; offset: number }): Promise<Page<Introduction>>;
  updateIntroduction(id: string, patch: Partial<Pick<Introduction, 'status' | 'staffNote'>>): Promise<Introduction | null>;
  /** Erasure: removes every introduction request naming the company; returns how many. */
  deleteIntroductionsFor(companyId: string): Promise<number>;
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
  /** The write history of one entity, oldest first. */
  historyOf(entityType: EntityType, id: string): Promise<(ChangeEntry & { at: string })[]>;
  latestChangeSeq(): Promise<number>;
  close(): Promise<void>;
}
