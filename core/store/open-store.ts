/**
 * Opens (or creates) a knowledge base file: checks that it is ours, sets the pragmas, brings
 * its schema up to date. Every other store function takes the Store this returns.
 */
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { APP_VERSION } from './app-version.js';
import { checkDatabaseIdentity, migrate } from './migrate.js';
import { MIGRATIONS, type Migration } from './migrations/migrations.js';
import { StoreError, storeErrorFromSqlite, storeIssues } from './store-errors.js';

export interface Store {
  readonly db: Database;
  readonly path: string;
  /** The clock for every timestamp the store writes (injected, so tests freeze it). */
  readonly now: () => Date;
  /** Recorded with every import. */
  readonly appVersion: string;
  close(): void;
}

export interface OpenStoreOptions {
  readonly now?: () => Date;
  readonly appVersion?: string;
  /** Refuse a missing file instead of creating it (commands that only read). */
  readonly mustExist?: boolean;
  /** The migrations to apply; tests pass their own lists to exercise the runner. */
  readonly migrations?: readonly Migration[];
}

export const IN_MEMORY = ':memory:';

// After a checkpoint the WAL file is cut back to this size, so one large import does not leave
// hundreds of megabytes of WAL on disk for good.
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  if (options.mustExist === true && path !== IN_MEMORY && !existsSync(path)) throw new StoreError(storeIssues.missingFile(path));
  const now = options.now ?? (() => new Date());
  let db: Database;
  try {
    db = new BetterSqlite3(path);
  } catch (e) {
    throw storeErrorFromSqlite(e, path) ?? e;
  }
  try {
    checkDatabaseIdentity(db, path);
    // WAL: readers never block the single writer, and a commit is one append (PERF-BASELINES §5
    // measured the insert rates with it). NORMAL is durable against a process kill, and a power
    // loss can only lose the last commits, never corrupt the file.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    migrate(db, path, options.migrations ?? MIGRATIONS, now);
  } catch (e) {
    db.close();
    throw storeErrorFromSqlite(e, path) ?? e;
  }
  return {
    db,
    path,
    now,
    appVersion: options.appVersion ?? APP_VERSION,
    close: () => db.close(),
  };
}
