/**
 * The migration runner. Like actualbudget's, it refuses a database whose applied migrations it
 * does not recognise: opening a file written by a newer version, or changed by another tool,
 * and writing to it could damage data this build does not understand.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Migration } from './migrations/migrations.js';
import { allRows } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';

/** 'CVS1' in the SQLite header's application id field: a file says it is ours before any table is read. */
export const APPLICATION_ID = 0x43565331;

const MIGRATIONS_TABLE = 'schema_migrations';

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function applicationId(db: Database): number {
  return z.number().int().parse(db.pragma('application_id', { simple: true }));
}

function schemaObjectCount(db: Database): number {
  return z.number().int().parse(db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get());
}

/**
 * Checks, before anything is written, that the file is a fresh database or one of ours. A foreign
 * database must not even be switched to WAL (that rewrites its header).
 */
export function checkDatabaseIdentity(db: Database, path: string): void {
  const id = applicationId(db);
  if (id === APPLICATION_ID) return;
  if (id !== 0 || schemaObjectCount(db) > 0) throw new StoreError(storeIssues.foreignDatabase(path));
}

const appliedSchema = z.strictObject({ id: z.number().int(), name: z.string(), checksum: z.string() });

function appliedMigrations(db: Database): z.output<typeof appliedSchema>[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(MIGRATIONS_TABLE);
  if (exists === undefined) return [];
  return allRows(db.prepare(`SELECT id, name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY id`), appliedSchema, MIGRATIONS_TABLE);
}

/**
 * Applies the migrations the database lacks, all in one transaction, after checking that those it
 * has are exactly the first ones of `migrations` (same ids, same checksums). The check and the
 * writes share one IMMEDIATE transaction, so two processes opening a new file cannot both migrate it.
 */
export function migrate(db: Database, path: string, migrations: readonly Migration[], now: () => Date): void {
  db.transaction(() => {
    const applied = appliedMigrations(db);
    applied.forEach((row, i) => {
      const known = migrations[i];
      if (known === undefined || known.id !== row.id) {
        const newest = migrations.at(-1)?.id ?? 0;
        throw new StoreError(row.id > newest ? storeIssues.newerVersion(path, row.id) : storeIssues.unknownMigration(path, row.id));
      }
      if (migrationChecksum(known) !== row.checksum) throw new StoreError(storeIssues.unknownMigration(path, row.id));
    });
    const pending = migrations.slice(applied.length);
    if (pending.length === 0) return;
    if (applied.length === 0) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(`CREATE TABLE ${MIGRATIONS_TABLE} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    }
    const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)`);
    const appliedAt = now().toISOString();
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.id, migration.name, migrationChecksum(migration), appliedAt);
    }
  }).immediate();
}
