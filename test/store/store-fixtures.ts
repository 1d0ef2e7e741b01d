/** Shared by the store tests: a frozen clock, fresh databases, and a snapshot to compare a database's state. */
import { readInputFiles, type ReadInputsResult } from '../../core/io/read-inputs.js';
import { IN_MEMORY, openStore, type OpenStoreOptions, type Store } from '../../core/store/open-store.js';

export const FROZEN_AT = '2026-10-01T08:00:00.000Z';
export const frozenClock = (): Date => new Date(FROZEN_AT);
export const TEST_VERSION = '9.9.9-test';

/** A fresh in-memory knowledge base, migrated from scratch, with the frozen clock. */
export function memoryStore(options: OpenStoreOptions = {}): Store {
  return openStore(IN_MEMORY, { now: frozenClock, appVersion: TEST_VERSION, ...options });
}

export function fileStore(path: string, options: OpenStoreOptions = {}): Store {
  return openStore(path, { now: frozenClock, appVersion: TEST_VERSION, ...options });
}

export async function readOk(paths: readonly string[]): Promise<Extract<ReadInputsResult, { ok: true }>> {
  const read = await readInputFiles(paths);
  if (!read.ok) throw new Error(`test input does not read: ${JSON.stringify(read.report.problems.slice(0, 3))}`);
  return read;
}

/**
 * Everything a database holds, in comparable form: every table's rows in rowid (or key) order,
 * BLOBs by length and a checksum of their bytes.
 */
export function snapshot(store: Store): Record<string, unknown[]> {
  const tables = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const rows = store.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).raw().all() as unknown[][];
      return [table, rows.map((row) => row.map((cell) => (cell instanceof Uint8Array ? `blob:${cell.byteLength}:${checksum(cell)}` : cell)))];
    }),
  );
}

function checksum(bytes: Uint8Array): number {
  let h = 0;
  for (const b of bytes) h = (Math.imul(h, 31) + b) | 0;
  return h;
}
