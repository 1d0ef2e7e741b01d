/** Every schema migration, in order. Append only: a released migration is never edited or removed. */
import { INIT_SQL } from './0001-init.js';
import { TREND_CACHE_SQL } from './0002-trend-cache.js';
import { RESULT_SETS_SQL } from './0003-result-sets.js';

export interface Migration {
  /** 1, 2, 3, … without gaps. */
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

// SQL lives in TS modules rather than .sql files: tsx, vitest and a bundled Electron app all
// resolve an import, whereas a file read at run time needs its path fixed up in every packaging.
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'init', sql: INIT_SQL },
  { id: 2, name: 'trend-cache', sql: TREND_CACHE_SQL },
  { id: 3, name: 'result-sets', sql: RESULT_SETS_SQL },
];
