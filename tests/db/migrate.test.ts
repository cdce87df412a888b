import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres, migrateSqlite } from '../../src/db/migrate.js';
import { databaseFor, TEST_PG, tempDir } from '../helpers.js';

const MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/migrations');
let cleanup = () => {};
afterEach(() => cleanup());

describe('migration runner', () => {
  it('applies every migration once and records it as prisma migrate deploy does', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'm.db');
    const first = migrateSqlite(file, MIGRATIONS);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = migrateSqlite(file, MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations').all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
      applied_steps_count: number;
    }[];
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    db.close();
    const sql = readFileSync(path.join(MIGRATIONS, first.applied[0]!, 'migration.sql'));
    expect(rows[0]).toMatchObject({ migration_name: first.applied[0], checksum: createHash('sha256').update(sql).digest('hex'), applied_steps_count: 1 });
    expect(rows[0]!.finished_at).toBeTruthy();
    expect(tables).toEqual(expect.arrayContaining(['Cluster', 'Company', 'Opportunity', 'Embedding', 'ChangeLog']));
  });

  it('refuses to run when an applied migration was edited', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const copy = path.join(t.dir, 'migrations');
    cpSync(MIGRATIONS, copy, { recursive: true });
    const file = path.join(t.dir, 'm.db');
    const { applied } = migrateSqlite(file, copy);
    appendFileSync(path.join(copy, applied[0]!, 'migration.sql'), '\n-- edited\n');
    expect(() => migrateSqlite(file, copy)).toThrow(/edited after it was applied/);
  });
});

// Part of the PostgreSQL pass of the suite (.ci/run runs it twice); the SQLite pass has no server.
if (TEST_PG)
  describe('migration runner on PostgreSQL', () => {
    const PG_MIGRATIONS = path.resolve(import.meta.dirname, '../../prisma/postgres/migrations');

    it('applies the same migrations once, even when replicas start together', async () => {
      const url = await databaseFor(tempDir().dir);
      const reports = await Promise.all([migratePostgres(url, PG_MIGRATIONS), migratePostgres(url, PG_MIGRATIONS), migratePostgres(url, PG_MIGRATIONS)]);
      expect(reports.map((r) => r.applied.length).sort()).toEqual([0, 0, listDirs(PG_MIGRATIONS).length]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const rows = (await client.query('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name')).rows.map(
        (r: { migration_name: string }) => r.migration_name,
      );
      await client.end();
      expect(rows).toEqual(listDirs(PG_MIGRATIONS));
    });

    it('has a PostgreSQL migration for every SQLite one', () => {
      expect(listDirs(PG_MIGRATIONS)).toEqual(listDirs(MIGRATIONS));
    });
  });

function listDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
