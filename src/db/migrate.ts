// Applies prisma/migrations/*/migration.sql in order and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, because the Prisma CLI cannot migrate offline here.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function sqliteFilePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) {
    throw new Error(`Database URLs are "file:" (SQLite) or "postgresql://"; got "${databaseUrl.split(':')[0]}:".`);
  }
  return databaseUrl.slice('file:'.length);
}

export function migrateSqlite(filePath: string, migrationsDir: string): MigrationReport {
  const db = new Database(filePath);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(CREATE_MIGRATIONS_TABLE);
    const done = new Map<string, string>(
      (
        db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as {
          migration_name: string;
          checksum: string;
        }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const { pending, report } = plan(migrationsDir, done);
    for (const { name, sql, checksum } of pending) {
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), checksum, name);
      })();
      report.applied.push(name);
    }
    return report;
  } finally {
    db.close();
  }
}

/** The migrations still to apply; refuses when an applied one was edited since. */
function plan(dir: string, done: ReadonlyMap<string, string>): { pending: { name: string; sql: string; checksum: string }[]; report: MigrationReport } {
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };
  const pending: { name: string; sql: string; checksum: string }[] = [];
  for (const name of listMigrations(dir)) {
    const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    const recorded = done.get(name);
    if (recorded === undefined) pending.push({ name, sql, checksum });
    else if (recorded !== checksum) throw new Error(`Migration ${name} was edited after it was applied (checksum differs).`);
    else report.alreadyApplied++;
  }
  return { pending, report };
}

function listMigrations(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

const CREATE_MIGRATIONS_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock `prisma migrate deploy` takes too: replicas starting together migrate once.
const MIGRATION_LOCK = 72707369;

/** The same runner for PostgreSQL: each migration in its own transaction, under an advisory lock. */
export async function migratePostgres(url: string, migrationsDir: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE_PG);
    const rows = (await client.query('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'))
      .rows as { migration_name: string; checksum: string }[];
    const { pending, report } = plan(migrationsDir, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const { name, sql, checksum } of pending) {
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)',
          [randomUUID(), checksum, name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      report.applied.push(name);
    }
    return report;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
