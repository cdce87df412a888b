// Public surface of the database layer.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { isPostgresUrl, migratePostgres, migrateSqlite, sqliteFilePath } from './migrate.js';
import { PrismaRepository } from './prisma-repository.js';
import type { Repository } from './repository.js';

export type {
  AccessStore,
  ChangeEntry,
  EntityRef,
  EntityStore,
  EventStore,
  EventSummary,
  FeedbackCount,
  FeedbackQuery,
  FeedbackStore,
  IntroductionQuery,
  ListQuery,
  Page,
  Repository,
  StoredEmbedding,
  Versioned,
  WriteBatch,
  WriteGuard,
} from './repository.js';
export type { MailingStore } from './mailing-store.js';
export type { ConsoleSession, SessionStore } from './session-store.js';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');
const PG_MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/postgres/migrations');

export { isPostgresUrl };
export { WriteConflict } from './repository.js';

/** Opens the database at `databaseUrl` (`file:` SQLite or `postgresql://`), applying pending migrations first. */
export async function openRepository(databaseUrl: string): Promise<Repository> {
  if (isPostgresUrl(databaseUrl)) {
    await migratePostgres(databaseUrl, PG_MIGRATIONS_DIR);
    return PrismaRepository.openPostgres(databaseUrl);
  }
  const file = path.resolve(sqliteFilePath(databaseUrl));
  mkdirSync(path.dirname(file), { recursive: true });
  migrateSqlite(file, MIGRATIONS_DIR);
  return PrismaRepository.openSqlite(file);
}
export { allEntities, walkIds } from './walk-ids.js';
