/**
 * THE KILL TEST: a process importing 300k customer-months is killed with SIGKILL inside the
 * transaction (with all but the last fact column written, or just before the commit). Reopened, the
 * database passes PRAGMA integrity_check and holds exactly what it held before the import.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import { importFiles } from '../../core/store/import-files.js';
import { listImports } from '../../core/store/imports-catalog.js';
import { loadModelInput } from '../../core/store/load-model-input.js';
import { MINI, REPO_ROOT, tempDir } from '../support/paths.js';
import { fileStore, snapshot } from './store-fixtures.js';

const CHILD = join(REPO_ROOT, 'test/store/kill-import-child.ts');
const dir = tempDir('store-kill');
const large = join(dir, 'large');

beforeAll(async () => {
  // 100,000 customers × 3 months: about 290k customer-months, 46 MB in the database.
  await writeSampleCsv(large, { customers: 100_000, months: 3, endMonth: '2026-09' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it reports being inside the transaction, then kills it. */
async function importAndKill(db: string, stopAt: 'commit' | 'facts'): Promise<{ signal: NodeJS.Signals | null; lines: string[]; walBytes: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, large, stopAt], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
  const lines: string[] = [];
  let walBytes = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    lines.push(line);
    if (line === 'INSIDE_TRANSACTION') {
      walBytes = statSync(`${db}-wal`).size;
      child.kill('SIGKILL');
    }
  }
  return { signal: await exited, lines, walBytes };
}

describe.each(['facts', 'commit'] as const)('an import killed inside its transaction (at %s)', (stopAt) => {
  it('leaves the database as it was before the import, and usable', async () => {
    const db = join(dir, `kb-${stopAt}.db`);
    const before = fileStore(db);
    await importFiles(before, [MINI]);
    const state = snapshot(before);
    const input = loadModelInput(before);
    before.close();

    const { signal, lines, walBytes } = await importAndKill(db, stopAt);
    expect(lines).toEqual(['INSIDE_TRANSACTION']);
    expect(signal).toBe('SIGKILL');
    // The WAL held megabytes of the import's uncommitted pages when it died: a real torn import.
    expect(walBytes).toBeGreaterThan(1 << 20);

    const after = fileStore(db);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(after)).toEqual(state);
    expect(listImports(after).map((i) => i.id)).toEqual([1]);
    expect(loadModelInput(after)).toEqual(input);
    // And it takes the next import.
    const next = join(dir, `next-${stopAt}`);
    mkdirSync(next);
    writeFileSync(join(next, 'usage.csv'), 'customer_id,month,billed_revenue\n001,2026-04,90\n');
    expect((await importFiles(after, [next])).status).toBe('imported');
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
