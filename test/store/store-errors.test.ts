/** SQLite failures a user can act on become bilingual store errors; anything else stays a bug. */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { storeErrorFromSqlite } from '../../core/store/store-errors.js';

describe('storeErrorFromSqlite', () => {
  it.each([
    ['SQLITE_BUSY', 'store.busy'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'store.busy'],
    ['SQLITE_FULL', 'store.disk_full'],
    ['SQLITE_READONLY_DBMOVED', 'store.cannot_write'],
    ['SQLITE_CANTOPEN', 'store.cannot_write'],
    ['SQLITE_CORRUPT', 'store.corrupt'],
    ['SQLITE_NOTADB', 'store.not_a_database'],
  ])('%s → %s', (sqliteCode, code) => {
    const error = storeErrorFromSqlite(new BetterSqlite3.SqliteError('failed', sqliteCode), 'kb.db');
    expect(error).toMatchObject({ code, zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
  });

  it('leaves constraint failures and other errors alone (they are bugs)', () => {
    expect(storeErrorFromSqlite(new BetterSqlite3.SqliteError('x', 'SQLITE_CONSTRAINT_PRIMARYKEY'), 'kb.db')).toBeNull();
    expect(storeErrorFromSqlite(new Error('x'), 'kb.db')).toBeNull();
  });
});
