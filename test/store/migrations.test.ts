/** The migration runner: from scratch, pending steps only, all or nothing, and refusing files it does not recognise. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrationChecksum } from '../../core/store/migrate.js';
import { MIGRATIONS, type Migration } from '../../core/store/migrations/migrations.js';
import { openStore } from '../../core/store/open-store.js';
import { StoreError } from '../../core/store/store-errors.js';
import { tempDir } from '../support/paths.js';
import { FROZEN_AT, fileStore, frozenClock, memoryStore } from './store-fixtures.js';

const dir = tempDir('store-migrations');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const newFile = (): string => join(dir, `kb-${++files}.db`);

const INIT = MIGRATIONS[0] as Migration;
const EXTRA: Migration = { id: 2, name: 'extra', sql: 'CREATE TABLE extra (x INTEGER);' };

function expectStoreError(open: () => unknown, code: string): void {
  let error: unknown;
  try {
    open();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject({ code, zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
}

function tableNames(db: BetterSqlite3.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe('a new knowledge base', () => {
  it('is migrated from scratch, marked as ours and records each migration with its checksum', () => {
    const store = memoryStore();
    expect(tableNames(store.db)).toEqual([
      'campaign_participants', 'column_mappings', 'cost_pools', 'datasets', 'fact_columns', 'fact_months', 'fact_tables', 'imports', 'result_columns', 'result_sets', 'runs', 'scenarios', 'schema_migrations', 'sqlite_sequence',
      'trend_cache', 'trend_cache_months',
    ]);
    expect(store.db.prepare('SELECT id, name, checksum, applied_at FROM schema_migrations').all()).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, name: m.name, checksum: migrationChecksum(m), applied_at: FROZEN_AT })),
    );
    expect(MIGRATIONS.map((m) => m.name)).toEqual(['init', 'trend-cache', 'result-sets']);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('is a WAL file with synchronous NORMAL, and reopening applies nothing again', () => {
    const path = newFile();
    fileStore(path).close();
    const store = openStore(path, { now: () => new Date('2030-01-01T00:00:00Z') });
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.prepare('SELECT applied_at FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map(() => FROZEN_AT));
    store.close();
  });
});

describe('pending migrations', () => {
  it('applies only the missing ones', () => {
    const path = newFile();
    fileStore(path, { migrations: [INIT] }).close();
    const store = fileStore(path, { migrations: [INIT, EXTRA] });
    expect(store.db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(tableNames(store.db)).toContain('extra');
    store.close();
  });

  it('applies nothing when one of them fails', () => {
    const path = newFile();
    fileStore(path, { migrations: [INIT] }).close();
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' };
    expect(() => fileStore(path, { migrations: [INIT, broken] })).toThrow(/no_such_table/);
    const store = fileStore(path, { migrations: [INIT] });
    expect(store.db.prepare('SELECT id FROM schema_migrations').pluck().all()).toEqual([1]);
    expect(tableNames(store.db)).not.toContain('half');
    store.close();
  });
});

describe('files it does not recognise', () => {
  it('refuses a database written by a newer version', () => {
    const path = newFile();
    fileStore(path, { migrations: [...MIGRATIONS, { ...EXTRA, id: MIGRATIONS.length + 1 }] }).close();
    expectStoreError(() => fileStore(path), 'store.newer_version');
  });

  it('refuses a database whose applied migration differs from ours', () => {
    const path = newFile();
    fileStore(path).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("UPDATE schema_migrations SET checksum = 'changed' WHERE id = 1").run();
    raw.close();
    expectStoreError(() => fileStore(path), 'store.unknown_migration');
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const path = newFile();
    writeFileSync(path, 'customer_id,month\n001,2026-09\n'.repeat(200));
    const before = readFileSync(path);
    expectStoreError(() => fileStore(path), 'store.not_a_database');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database without switching it to WAL", () => {
    const path = newFile();
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE accounts (id INTEGER PRIMARY KEY)');
    raw.close();
    expectStoreError(() => fileStore(path), 'store.foreign_database');
    const again = new BetterSqlite3(path);
    expect(again.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(tableNames(again)).toEqual(['accounts']);
    again.close();
  });

  it('refuses a missing file when asked to, instead of creating it', () => {
    expectStoreError(() => openStore(join(dir, 'missing.db'), { now: frozenClock, mustExist: true }), 'store.missing_file');
  });
});
