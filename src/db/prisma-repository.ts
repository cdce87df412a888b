import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  MAX_SEARCH_MATCHES,
  MIN_PREFIX_CHARS,
  searchWords,
  type AgendaMailing,
  type ApiKeyRecord,
  type Cluster,
  type Company,
  type EntityByType,
  type EntityType,
  type Feedback,
  type FeedbackKind,
  type Introduction,
  type MatchEvent,
  type Opportunity,
} from '../domain/index.js';
import { PrismaClient } from './generated/client.js';
import { PrismaClient as PgPrismaClient } from './generated-pg/client.js';
import { mailingFromRow, mailingToRow } from './mailing-store.js';
import { sessionFromRow, type ConsoleSession } from './session-store.js';
import { retryingWriter, WRITER_BUSY_TIMEOUT_MS } from './sqlite-write-lock.js';
import {
  WriteConflict,
  type ChangeEntry,
  type EventSummary,
  type FeedbackCount,
  type FeedbackQuery,
  type IntroductionQuery,
  type ListQuery,
  type Page,
  type Repository,
  type StoredEmbedding,
  type Versioned,
  type WriteBatch,
  type WriteGuard,
} from './repository.js';

type Row = Record<string, unknown>;
type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// Lists are stored as JSON text so one schema serves SQLite and PostgreSQL alike.
const LIST_FIELDS: Record<EntityType, readonly string[]> = {
  cluster: ['sectors'],
  company: ['clusterIds', 'sectors', 'partnerTypes'],
  opportunity: ['sectors'],
};

// A search (`q`) looks in the id, name (title), description, offers and needs through a word
// index kept by the database itself (prisma/migrations/*_word_search): an index lookup per word,
// never a scan of the texts.

const DOMAIN_FIELDS: Record<EntityType, readonly string[]> = {
  cluster: ['id', 'name', 'country', 'description', 'sectors', 'website'],
  company: [
    'id',
    'name',
    'country',
    'clusterIds',
    'description',
    'offers',
    'needs',
    'sectors',
    'partnerTypes',
    'language',
    'employees',
    'website',
    'contactEmail',
    'contactPhone',
    'notes',
  ],
  opportunity: ['id', 'title', 'country', 'description', 'sectors', 'type', 'deadline', 'url'],
};

/** Reads in WAL mode wait only for rare WAL-index recovery; a bound keeps a stuck file from hanging. */
const READER_BUSY_TIMEOUT_MS = 5_000;

// Small enough for SQLite's bound-variable limit with every column of a company row.
const CHUNK = 400;

function toRow(type: EntityType, entity: object): Row {
  const row: Row = {};
  for (const field of DOMAIN_FIELDS[type]) {
    const value = (entity as Row)[field];
    row[field] = LIST_FIELDS[type].includes(field) ? JSON.stringify(value ?? []) : (value ?? null);
  }
  return row;
}

function fromRow<T extends EntityType>(type: T, row: Row): EntityByType[T] {
  const entity: Row = {};
  for (const field of DOMAIN_FIELDS[type]) {
    const value = row[field];
    entity[field] = LIST_FIELDS[type].includes(field) ? JSON.parse(String(value)) : value;
  }
  return entity as unknown as EntityByType[T];
}

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

// A Buffer, which both drivers bind as a blob (node-postgres turns a plain Uint8Array into text).
function vectorToBytes(v: Float32Array): Buffer {
  return Buffer.from(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) as ArrayBuffer);
}

function bytesToVector(b: Uint8Array): Float32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}

// The generated delegates have distinct types; the engine only needs this common shape.
interface Delegate {
  findUnique(args: object): Promise<Row | null>;
  findMany(args: object): Promise<Row[]>;
  count(args?: object): Promise<number>;
  createMany(args: object): Promise<unknown>;
  update(args: object): Promise<unknown>;
  deleteMany(args: object): Promise<unknown>;
}

function delegate(client: Tx, type: EntityType): Delegate {
  const byType = { cluster: client.cluster, company: client.company, opportunity: client.opportunity };
  return byType[type] as unknown as Delegate;
}

/** What differs between the databases in the hand-written bulk SQL. */
interface Dialect {
  placeholder(index: number): string;
  /** Bound parameters allowed in one statement. */
  maxParams: number;
  /** Run first in every write transaction: it is then the only writer until it commits. */
  serializeWriters: string;
  /** Run first when changing one event (`$1`/`?` is its id): no other edit of it until commit. */
  lockEvent: string;
  /** SQL true for rows of `table` among the first `cap` holding every word (bound as `param`). */
  matchesWords(table: string, param: string, cap: number): string;
  /** The bound value for `matchesWords`: folded words, a prefix match for each long enough. */
  wordQuery(words: readonly (readonly string[])[]): string;
  /** SQL true when `column` contains `text` (bound as `param`) literally. */
  containsLiteral(column: string, param: string): string;
  /** SQL true when the timestamp `column` is at or after the ISO time bound as `param`. */
  notBefore(column: string, param: string): string;
}

const prefixed = (w: string) => w.length >= MIN_PREFIX_CHARS;

const SQLITE: Dialect = {
  placeholder: () => '?',
  maxParams: 900, // under SQLite's 999; one writer at a time by design
  // A no-op write takes the write lock at once (waiting out busy_timeout). A transaction that read
  // first (a version check) and another process (a CLI import) wrote meanwhile could not upgrade
  // its stale snapshot and would fail with SQLITE_BUSY instead of waiting.
  serializeWriters: 'UPDATE "ChangeLog" SET "seq" = "seq" WHERE 0',
  lockEvent: 'UPDATE "Event" SET "version" = "version" WHERE "id" = ? AND 0',
  // FTS5 yields matches lazily, so the LIMIT stops the lookup itself, not just the answer.
  matchesWords: (table, param, cap) =>
    `"id" IN (SELECT k."id" FROM "${table}SearchKey" k WHERE k."n" IN (SELECT rowid FROM "${table}Search" WHERE "${table}Search" MATCH ${param} LIMIT ${cap}))`,
  // FTS5 query syntax: "word"* is a prefix match; space-separated terms must all appear. Words
  // are letters and digits only, so the quotes cannot be broken out of.
  // A word's forms are alternatives: ("battery"* OR "batteri"*). Groups need an explicit AND
  // (FTS5 joins only bare phrases implicitly).
  wordQuery: (words) => words.map((forms) => `(${forms.map((w) => `"${w}"${prefixed(w) ? '*' : ''}`).join(' OR ')})`).join(' AND '),
  containsLiteral: (column, param) => `instr("${column}", ${param}) > 0`,
  // Timestamps are stored as ISO text (UTC), which sorts as time does.
  notBefore: (column, param) => `"${column}" >= ${param}`,
};
const POSTGRES: Dialect = {
  placeholder: (i) => `$${i + 1}`,
  maxParams: 30_000, // under PostgreSQL's 65,535
  // Followers read the change log as "seq > last seen". Were two writers to overlap, seq 11 could
  // commit after seq 12 was read and be skipped for ever; one writer at a time (held until
  // commit) makes commit order equal seq order, as SQLite's single writer does.
  serializeWriters: 'SELECT pg_advisory_xact_lock(72707370)',
  // Events are not in the change log: a row lock is enough, and an import does not hold it up.
  lockEvent: 'SELECT 1 FROM "Event" WHERE "id" = $1 FOR UPDATE',
  matchesWords: (table, param, cap) => `"id" IN (SELECT "id" FROM "${table}" WHERE "searchWords" @@ ${param}::tsquery LIMIT ${cap})`,
  // A tsquery cast, not to_tsquery: the lexemes are indexed as the migration folded them, with no
  // dictionary in between. 'word':* is a prefix match; & joins words that must all appear.
  // A word's forms are alternatives: ('battery':* | 'batteri':*).
  wordQuery: (words) => words.map((forms) => `(${forms.map((w) => `'${w}'${prefixed(w) ? ':*' : ''}`).join(' | ')})`).join(' & '),
  containsLiteral: (column, param) => `strpos("${column}", ${param}) > 0`,
  // Stored without a zone, as UTC clock time; a cast to timestamp reads the ISO text the same way.
  notBefore: (column, param) => `"${column}" >= ${param}::timestamp`,
};

export class PrismaRepository implements Repository {
  /**
   * Reads and writes use separate connections: a client's queries queue behind its open
   * transaction, so with one connection a long import would stall every recommendation.
   */
  private constructor(
    private readonly prisma: PrismaClient,
    private readonly writer: PrismaClient,
    private readonly dialect: Dialect,
  ) {}

  static async openSqlite(filePath: string): Promise<PrismaRepository> {
    const connect = async (busyTimeoutMs: number) => {
      const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${filePath}`, timeout: busyTimeoutMs }) });
      await client.$connect();
      // WAL: readers never block the writer, nor the writer readers.
      await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      // busy_timeout: SQLite waits synchronously, holding the event loop. Readers rarely wait in
      // WAL mode, so theirs can be generous; the writer's is a few milliseconds and a locked
      // database is waited for on timers instead (sqlite-write-lock.ts).
      await client.$queryRawUnsafe(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
      return client;
    };
    return new PrismaRepository(await connect(READER_BUSY_TIMEOUT_MS), retryingWriter(await connect(WRITER_BUSY_TIMEOUT_MS)), SQLITE);
  }

  static async openPostgres(url: string): Promise<PrismaRepository> {
    const connect = async (max: number) => {
      const client = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
      await client.$connect();
      // Generated from the same models as the SQLite client (scripts/prisma-generate.mjs): same API.
      return client as unknown as PrismaClient;
    };
    return new PrismaRepository(await connect(8), await connect(4), POSTGRES);
  }

  async get<T extends EntityType>(type: T, id: string): Promise<EntityByType[T] | null> {
    const row = await delegate(this.prisma, type).findUnique({ where: { id } });
    return row ? fromRow(type, row) : null;
  }

  async getVersioned<T extends EntityType>(type: T, id: string): Promise<Versioned<EntityByType[T]> | null> {
    const row = await delegate(this.prisma, type).findUnique({ where: { id } });
    return row ? { value: fromRow(type, row), version: Number(row['version']) } : null;
  }

  async getMany<T extends EntityType>(type: T, ids: readonly string[]): Promise<EntityByType[T][]> {
    const out: EntityByType[T][] = [];
    for (const part of chunks(ids)) {
      const rows = await delegate(this.prisma, type).findMany({ where: { id: { in: part } } });
      for (const row of rows) out.push(fromRow(type, row));
    }
    return out;
  }

  async list<T extends EntityType>(type: T, query: ListQuery): Promise<Page<EntityByType[T]>> {
    const words = query.wordForms ?? (query.q ? searchWords(query.q).map((w) => [w]) : []);
    if (words.length) return this.searchList(type, query, words);
    const where: Row = {};
    if (query.country) where['country'] = query.country;
    // Sector codes are plain words, so the quoted code is an exact JSON-array element match.
    if (query.sector) where['sectors'] = { contains: JSON.stringify(query.sector) };
    if (query.cluster && type === 'company') where['clusterIds'] = { contains: JSON.stringify(query.cluster) };
    if (query.createdSince) where['createdAt'] = { gte: query.createdSince };
    const d = delegate(this.prisma, type);
    const [rows, total] = await Promise.all([d.findMany({ where, orderBy: { id: 'asc' }, skip: query.offset, take: query.limit }), d.count({ where })]);
    return { items: rows.map((r) => fromRow(type, r)), total };
  }

  /** `list` with words: the same filters in SQL, so the word index can be used. */
  private async searchList<T extends EntityType>(type: T, query: ListQuery, words: readonly (readonly string[])[]): Promise<Page<EntityByType[T]>> {
    const d = this.dialect;
    const params: unknown[] = [];
    const bind = (value: unknown) => d.placeholder(params.push(value) - 1);
    const matches = d.matchesWords(TABLES[type], bind(d.wordQuery(words)), MAX_SEARCH_MATCHES);
    const inSectors = (query.orSectors ?? []).map((s) => d.containsLiteral('sectors', bind(JSON.stringify(s))));
    const conditions = [inSectors.length ? `(${[matches, ...inSectors].join(' OR ')})` : matches];
    if (query.country) conditions.push(`"country" = ${bind(query.country)}`);
    // Sector codes and ids hold no quotes, so the quoted value is an exact JSON-array element.
    if (query.sector) conditions.push(d.containsLiteral('sectors', bind(JSON.stringify(query.sector))));
    if (query.cluster && type === 'company') conditions.push(d.containsLiteral('clusterIds', bind(JSON.stringify(query.cluster))));
    if (query.createdSince) conditions.push(d.notBefore('createdAt', bind(query.createdSince.toISOString())));
    const from = `FROM "${TABLES[type]}" WHERE ${conditions.join(' AND ')}`;
    const columns = DOMAIN_FIELDS[type].map((f) => `"${f}"`).join(', ');
    const page = `SELECT ${columns} ${from} ORDER BY "id" LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)}`;
    const [rows, counted] = await Promise.all([
      this.prisma.$queryRawUnsafe<Row[]>(page, ...params),
      this.prisma.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS "n" ${from}`, ...params.slice(0, -2)),
    ]);
    return { items: rows.map((r) => fromRow(type, r)), total: Number(counted[0]?.n ?? 0) };
  }

  async idsAfter(type: EntityType, afterId: string, limit: number): Promise<string[]> {
    const rows = await delegate(this.prisma, type).findMany({
      where: { id: { gt: afterId } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map((r) => String(r['id']));
  }

  async existingIds(type: EntityType, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(ids, 5000)) {
      const rows = await delegate(this.prisma, type).findMany({ where: { id: { in: part } }, select: { id: true } });
      for (const r of rows) found.add(String(r['id']));
    }
    return found;
  }

  count(type: EntityType): Promise<number> {
    return delegate(this.prisma, type).count();
  }

  async embeddings(type: EntityType, ids: readonly string[]): Promise<StoredEmbedding[]> {
    const out: StoredEmbedding[] = [];
    for (const part of chunks(ids, 5000)) {
      const rows = await this.prisma.embedding.findMany({ where: { entityType: type, entityId: { in: part } } });
      for (const r of rows) {
        out.push({
          entityType: r.entityType as EntityType,
          entityId: r.entityId,
          facet: r.facet,
          modelId: r.modelId,
          textHash: r.textHash,
          vector: bytesToVector(r.vector),
        });
      }
    }
    return out;
  }

  async embeddingKeys(type: EntityType, ids: readonly string[]): Promise<Map<string, { modelId: string; textHash: string }>> {
    const out = new Map<string, { modelId: string; textHash: string }>();
    for (const part of chunks(ids, 5000)) {
      const rows = await this.prisma.embedding.findMany({
        where: { entityType: type, entityId: { in: part } },
        select: { entityId: true, facet: true, modelId: true, textHash: true },
      });
      for (const r of rows) out.set(`${r.entityId}/${r.facet}`, { modelId: r.modelId, textHash: r.textHash });
    }
    return out;
  }

  countEmbeddings(type: EntityType, modelId: string): Promise<number> {
    return this.prisma.embedding.count({ where: { entityType: type, modelId } });
  }

  write(batch: WriteBatch, guard?: WriteGuard): Promise<void> {
    return this.writeAll([batch], guard);
  }

  async writeAll(batches: Iterable<WriteBatch> | AsyncIterable<WriteBatch>, guard?: WriteGuard): Promise<void> {
    await this.writer.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(this.dialect.serializeWriters);
        if (guard) await checkGuard(tx, guard);
        for await (const batch of batches) await writeBatch(tx, batch, this.dialect);
      },
      { maxWait: 60_000, timeout: 3_600_000 },
    );
  }

  async changesSince(seq: number, limit: number): Promise<ChangeEntry[]> {
    const rows = await this.prisma.changeLog.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: 'asc' }, take: limit });
    return rows.map((r) => ({ seq: r.seq, entityType: r.entityType as EntityType, entityId: r.entityId, op: r.op as ChangeEntry['op'] }));
  }

  async latestChangeSeq(): Promise<number> {
    const agg = await this.prisma.changeLog.aggregate({ _max: { seq: true } });
    return agg._max.seq ?? 0;
  }

  async getEvent(id: string): Promise<MatchEvent | null> {
    return eventFromRow(await this.prisma.event.findUnique({ where: { id } }));
  }

  async getVersionedEvent(id: string): Promise<Versioned<MatchEvent> | null> {
    const row = await this.prisma.event.findUnique({ where: { id } });
    return row ? { value: eventFromRow(row)!, version: row.version } : null;
  }

  async listEvents(): Promise<EventSummary[]> {
    const rows = await this.prisma.event.findMany({ select: { id: true, name: true, updatedAt: true }, orderBy: { id: 'asc' } });
    return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updatedAt.toISOString() }));
  }

  async allEvents(): Promise<MatchEvent[]> {
    const rows = await this.prisma.event.findMany({ orderBy: { id: 'asc' } });
    return rows.map((r) => eventFromRow(r)!);
  }

  async eventsNaming(companyId: string): Promise<MatchEvent[]> {
    // Every place an event names a company holds its id as a JSON string, quotes included: only
    // documents that contain it are read. SQLite's LIKE ignores letter case, so the test is repeated here.
    const quoted = JSON.stringify(companyId);
    const rows = await this.prisma.event.findMany({ where: { document: { contains: quoted } }, orderBy: { id: 'asc' } });
    return rows.filter((r) => r.document.includes(quoted)).map((r) => eventFromRow(r)!);
  }

  async createEvent(event: MatchEvent): Promise<void> {
    await this.writer.event.create({ data: eventToRow(event) });
  }

  async updateEvent(id: string, change: (event: MatchEvent) => MatchEvent | Promise<MatchEvent>, ifVersion?: number): Promise<Versioned<MatchEvent> | null> {
    return this.writer.$transaction(async (tx) => {
      // Otherwise two edits could both read version n (PostgreSQL reads without locking).
      await tx.$executeRawUnsafe(this.dialect.lockEvent, id);
      const row = await tx.event.findUnique({ where: { id } });
      if (!row) return null;
      if (ifVersion !== undefined && row.version !== ifVersion) throw new WriteConflict('changed', row.version);
      const next = await change(structuredClone(eventFromRow(row)!));
      await tx.event.update({ where: { id }, data: { ...eventToRow(next), version: { increment: 1 } } });
      return { value: next, version: row.version + 1 };
    });
  }

  async deleteEvent(id: string, ifVersion?: number): Promise<boolean> {
    const { count } = await this.writer.event.deleteMany({ where: { id, ...(ifVersion === undefined ? {} : { version: ifVersion }) } });
    if (count === 0 && ifVersion !== undefined) {
      const row = await this.prisma.event.findUnique({ where: { id }, select: { version: true } });
      if (row) throw new WriteConflict('changed', row.version);
    }
    return count > 0;
  }

  async createApiKey(key: ApiKeyRecord, hash: string): Promise<void> {
    await this.writer.apiKey.create({
      data: {
        id: key.id,
        role: key.role,
        label: key.label,
        origins: JSON.stringify(key.origins),
        hash,
        prefix: key.prefix,
        createdAt: new Date(key.createdAt),
      },
    });
  }

  async findApiKey(hash: string): Promise<ApiKeyRecord | null> {
    const row = await this.prisma.apiKey.findUnique({ where: { hash } });
    return row ? keyFromRow(row) : null;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    return (await this.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } })).map(keyFromRow);
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const { count } = await this.writer.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    // Its console sessions end with it (findSession also checks the key, should this fail).
    await this.writer.consoleSession.deleteMany({ where: { keyId: id } });
    return count > 0 || (await this.prisma.apiKey.count({ where: { id } })) > 0;
  }

  async createIntroduction(intro: Introduction): Promise<void> {
    await this.writer.introduction.create({
      data: { ...intro, consentAt: new Date(intro.consentAt), createdAt: new Date(intro.createdAt), updatedAt: new Date(intro.updatedAt) },
    });
  }

  async getIntroduction(id: string): Promise<Introduction | null> {
    const row = await this.prisma.introduction.findUnique({ where: { id } });
    return row ? introFromRow(row) : null;
  }

  async listIntroductions(query: IntroductionQuery): Promise<Page<Introduction>> {
    const where = { ...(query.status ? { status: query.status } : {}), ...(query.companyId ? { companyId: query.companyId } : {}) };
    const [rows, total] = await Promise.all([
      this.prisma.introduction.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: query.offset, take: query.limit }),
      this.prisma.introduction.count({ where }),
    ]);
    return { items: rows.map(introFromRow), total };
  }

  async updateIntroduction(
    id: string,
    patch: Partial<Pick<Introduction, 'status' | 'staffNote' | 'forwardedAt' | 'forwardedTo'>>,
  ): Promise<Introduction | null> {
    const data = { ...patch, ...(patch.forwardedAt ? { forwardedAt: new Date(patch.forwardedAt) } : {}) };
    const { count } = await this.writer.introduction.updateMany({ where: { id }, data });
    return count ? this.getIntroduction(id) : null;
  }

  async deleteIntroductionsFor(companyId: string): Promise<number> {
    return (await this.writer.introduction.deleteMany({ where: { companyId } })).count;
  }

  async upsertFeedback(f: Feedback): Promise<Feedback> {
    const judged = { verdict: f.verdict, score: f.score, note: f.note, keyId: f.keyId, updatedAt: new Date(f.updatedAt) };
    const row = await this.writer.feedback.upsert({
      where: { companyId_kind_candidateId: { companyId: f.companyId, kind: f.kind, candidateId: f.candidateId } },
      create: { id: f.id, companyId: f.companyId, kind: f.kind, candidateId: f.candidateId, ...judged, createdAt: new Date(f.createdAt) },
      update: judged,
    });
    return feedbackFromRow(row);
  }

  async listFeedback(query: FeedbackQuery): Promise<Page<Feedback>> {
    const where = {
      ...(query.companyId ? { companyId: query.companyId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.verdict ? { verdict: query.verdict } : {}),
      ...(query.candidateId ? { candidateId: query.candidateId } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.feedback.findMany({ where, orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }], skip: query.offset, take: query.limit }),
      this.prisma.feedback.count({ where }),
    ]);
    return { items: rows.map(feedbackFromRow), total };
  }

  async deleteFeedback(companyId: string, kind: FeedbackKind, candidateId: string): Promise<boolean> {
    return (await this.writer.feedback.deleteMany({ where: { companyId, kind, candidateId } })).count > 0;
  }

  async deleteFeedbackFor(companyId: string): Promise<number> {
    const where = { OR: [{ companyId }, { kind: 'partner', candidateId: companyId }] };
    return (await this.writer.feedback.deleteMany({ where })).count;
  }

  async feedbackSummary(): Promise<FeedbackCount[]> {
    const groups = await this.prisma.feedback.groupBy({ by: ['kind', 'verdict'], _count: { _all: true }, orderBy: [{ kind: 'asc' }, { verdict: 'asc' }] });
    return groups.map((g) => ({ kind: g.kind as FeedbackCount['kind'], verdict: g.verdict as FeedbackCount['verdict'], n: g._count._all }));
  }

  async judgedCompanies(): Promise<string[]> {
    const rows = await this.prisma.feedback.findMany({ distinct: ['companyId'], select: { companyId: true } });
    return rows.map((r) => r.companyId);
  }

  async createSession(session: ConsoleSession, hash: string): Promise<void> {
    await this.writer.consoleSession.create({
      data: { hash, keyId: session.keyId, role: session.role, createdAt: new Date(session.createdAt), expiresAt: new Date(session.expiresAt) },
    });
  }

  async findSession(hash: string, now: Date): Promise<ConsoleSession | null> {
    const row = await this.prisma.consoleSession.findUnique({ where: { hash } });
    if (!row || row.expiresAt <= now) return null;
    if (row.keyId) {
      const key = await this.prisma.apiKey.findUnique({ where: { id: row.keyId }, select: { revokedAt: true } });
      if (!key || key.revokedAt) return null;
    }
    return sessionFromRow(row);
  }

  async deleteSession(hash: string): Promise<boolean> {
    return (await this.writer.consoleSession.deleteMany({ where: { hash } })).count > 0;
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    return (await this.writer.consoleSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  }

  async agendaMailings(eventId: string): Promise<AgendaMailing[]> {
    return (await this.prisma.agendaMailing.findMany({ where: { eventId }, orderBy: { companyId: 'asc' } })).map(mailingFromRow);
  }

  async recordAgendaMailing(mailing: AgendaMailing): Promise<void> {
    const row = mailingToRow(mailing);
    await this.writer.agendaMailing.upsert({ where: { eventId_companyId: { eventId: row.eventId, companyId: row.companyId } }, create: row, update: row });
  }

  async agendaMailingsOf(companyId: string): Promise<AgendaMailing[]> {
    return (await this.prisma.agendaMailing.findMany({ where: { companyId }, orderBy: { eventId: 'asc' } })).map(mailingFromRow);
  }

  async deleteAgendaMailingsFor(companyId: string): Promise<number> {
    return (await this.writer.agendaMailing.deleteMany({ where: { companyId } })).count;
  }

  async deleteAgendaMailingsOfEvent(eventId: string): Promise<number> {
    return (await this.writer.agendaMailing.deleteMany({ where: { eventId } })).count;
  }

  async historyOf(entityType: EntityType, id: string): Promise<(ChangeEntry & { at: string })[]> {
    const rows = await this.prisma.changeLog.findMany({ where: { entityType, entityId: id }, orderBy: { seq: 'asc' } });
    return rows.map((r) => ({
      seq: r.seq,
      entityType: r.entityType as EntityType,
      entityId: r.entityId,
      op: r.op as ChangeEntry['op'],
      at: r.createdAt.toISOString(),
    }));
  }

  async close(): Promise<void> {
    await Promise.all([this.prisma.$disconnect(), this.writer.$disconnect()]);
  }
}

// Bulk writes use plain SQL upserts: Prisma's per-row query compilation cost ~35x the time and
// ~2 GiB of memory on a 100k-company import (measured by `npm run bench`). `INSERT … ON CONFLICT`
// is the same in SQLite and PostgreSQL; only the placeholders and the parameter limit differ.

/** Inserts `items` as rows, converting one statement's worth at a time to keep memory flat. */
async function insertRows<T>(
  tx: Tx,
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  items: readonly T[],
  toRow: (item: T) => unknown[],
  onConflict: string,
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(dialect.maxParams / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < items.length; i += perStatement) {
    const part = items.slice(i, i + perStatement);
    const tuples = part.map((_, row) => `(${columns.map((_c, col) => dialect.placeholder(row * columns.length + col)).join(', ')})`);
    const sql = `INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(', ')} ${onConflict}`;
    await tx.$executeRawUnsafe(sql, ...part.flatMap(toRow));
  }
}

const TABLES: Record<EntityType, string> = { cluster: 'Cluster', company: 'Company', opportunity: 'Opportunity' };

/** Throws `WriteConflict` unless the guard holds; runs inside the write transaction. */
async function checkGuard(tx: Tx, guard: WriteGuard): Promise<void> {
  if (guard.expect) {
    const { entityType, id, version } = guard.expect;
    const row = await delegate(tx, entityType).findUnique({ where: { id }, select: { version: true } });
    if (version === null && row) throw new WriteConflict('exists');
    if (version !== null && !row) throw new WriteConflict('missing');
    if (version !== null && row && Number(row['version']) !== version) throw new WriteConflict('changed', Number(row['version']));
  }
  const named = [...new Set(guard.clustersExist ?? [])];
  if (named.length) {
    const found = new Set((await tx.cluster.findMany({ where: { id: { in: named } }, select: { id: true } })).map((r) => r.id));
    const missing = named.filter((id) => !found.has(id));
    if (missing.length) throw new WriteConflict('unknown-clusters', missing);
  }
}

async function writeBatch(tx: Tx, batch: WriteBatch, dialect: Dialect): Promise<void> {
  const changes: Omit<ChangeEntry, 'seq'>[] = [];
  const upserts: [EntityType, object[]][] = [
    ['cluster', batch.clusters ?? []],
    ['company', batch.companies ?? []],
    ['opportunity', batch.opportunities ?? []],
  ];
  for (const [type, entities] of upserts) {
    await upsertEntities(tx, dialect, type, entities as Row[]);
    for (const e of entities as Row[]) changes.push({ entityType: type, entityId: String(e['id']), op: 'upsert' });
  }
  for (const ref of batch.deletes ?? []) {
    if (ref.entityType === 'cluster') changes.push(...(await detachMembers(tx, ref.id)));
    await delegate(tx, ref.entityType).deleteMany({ where: { id: ref.id } });
    await tx.embedding.deleteMany({ where: { entityType: ref.entityType, entityId: ref.id } });
    changes.push({ entityType: ref.entityType, entityId: ref.id, op: 'delete' });
  }
  await replaceEmbeddings(tx, dialect, batch.embeddings ?? []);
  await appendChanges(tx, dialect, changes);
}

/**
 * Members of a deleted cluster stay; they just no longer name it. Read and changed inside the
 * delete's transaction, so a member written meanwhile is neither missed nor overwritten.
 */
async function detachMembers(tx: Tx, clusterId: string): Promise<Omit<ChangeEntry, 'seq'>[]> {
  // `contains` is a LIKE, where `_` in an id is a wildcard: the parsed list has the last word.
  const rows = await tx.company.findMany({ where: { clusterIds: { contains: JSON.stringify(clusterId) } }, select: { id: true, clusterIds: true } });
  const members = rows.map((r) => ({ id: r.id, clusterIds: JSON.parse(r.clusterIds) as string[] })).filter((m) => m.clusterIds.includes(clusterId));
  for (const m of members) {
    const clusterIds = m.clusterIds.filter((c) => c !== clusterId);
    await tx.company.update({ where: { id: m.id }, data: { clusterIds: JSON.stringify(clusterIds), version: { increment: 1 } } });
  }
  return members.map((m) => ({ entityType: 'company', entityId: m.id, op: 'upsert' }));
}

async function upsertEntities(tx: Tx, dialect: Dialect, type: EntityType, entities: Row[]): Promise<void> {
  if (entities.length === 0) return;
  const fields = DOMAIN_FIELDS[type];
  const now = new Date().toISOString();
  const toValues = (e: Row) => {
    const row = toRow(type, e);
    return [...fields.map((f) => row[f]), now, now];
  };
  // createdAt survives an update; everything else is replaced, and the version goes up by one.
  const table = TABLES[type];
  const updates = `${[...fields.filter((f) => f !== 'id'), 'updatedAt'].map((c) => `"${c}" = excluded."${c}"`).join(', ')}, "version" = "${table}"."version" + 1`;
  await insertRows(tx, dialect, table, [...fields, 'createdAt', 'updatedAt'], entities, toValues, `ON CONFLICT ("id") DO UPDATE SET ${updates}`);
}

async function replaceEmbeddings(tx: Tx, dialect: Dialect, embeddings: readonly StoredEmbedding[]): Promise<void> {
  if (embeddings.length === 0) return;
  const now = new Date().toISOString();
  const columns = ['entityType', 'entityId', 'facet', 'modelId', 'textHash', 'dims', 'vector', 'updatedAt'];
  const toValues = (e: StoredEmbedding) => [e.entityType, e.entityId, e.facet, e.modelId, e.textHash, e.vector.length, vectorToBytes(e.vector), now];
  const updates = columns
    .slice(3)
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  await insertRows(tx, dialect, 'Embedding', columns, embeddings, toValues, `ON CONFLICT ("entityType", "entityId", "facet") DO UPDATE SET ${updates}`);
}

async function appendChanges(tx: Tx, dialect: Dialect, changes: readonly Omit<ChangeEntry, 'seq'>[]): Promise<void> {
  const now = new Date().toISOString();
  await insertRows(tx, dialect, 'ChangeLog', ['entityType', 'entityId', 'op', 'createdAt'], changes, (c) => [c.entityType, c.entityId, c.op, now], '');
}

function eventToRow(e: MatchEvent): { id: string; name: string; document: string } {
  const { id, name, ...document } = e;
  return { id, name, document: JSON.stringify(document) };
}

function eventFromRow(row: { id: string; name: string; document: string } | null): MatchEvent | null {
  return row ? { id: row.id, name: row.name, ...(JSON.parse(row.document) as Omit<MatchEvent, 'id' | 'name'>) } : null;
}

function keyFromRow(r: { id: string; role: string; label: string; origins: string; prefix: string; createdAt: Date; revokedAt: Date | null }): ApiKeyRecord {
  return {
    id: r.id,
    role: r.role as ApiKeyRecord['role'],
    label: r.label,
    origins: JSON.parse(r.origins) as string[],
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

function introFromRow(r: Record<string, unknown>): Introduction {
  const iso = (d: unknown) => (d as Date).toISOString();
  return {
    ...(r as unknown as Introduction),
    consentAt: iso(r['consentAt']),
    forwardedAt: r['forwardedAt'] ? iso(r['forwardedAt']) : null,
    forwardedTo: (r['forwardedTo'] as string | null) ?? null,
    createdAt: iso(r['createdAt']),
    updatedAt: iso(r['updatedAt']),
  };
}

function feedbackFromRow(
  r: { kind: string; verdict: string; createdAt: Date; updatedAt: Date } & Omit<Feedback, 'kind' | 'verdict' | 'createdAt' | 'updatedAt'>,
): Feedback {
  return {
    id: r.id,
    companyId: r.companyId,
    kind: r.kind as Feedback['kind'],
    candidateId: r.candidateId,
    verdict: r.verdict as Feedback['verdict'],
    score: r.score,
    note: r.note,
    keyId: r.keyId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export type { Cluster, Company, Opportunity };
