/** --mapping and --sum-duplicates on run and import; a saved mapping is re-applied by the knowledge base. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main.js';
import { tempDir } from '../support/paths.js';

async function cvalue(...args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(args, () => {}, (l) => err.push(l));
  return { code, err: err.join('\n') };
}

const dir = tempDir('input-flags');
const HEADERS = ['Cust No', 'Period', 'Amount Billed', 'Notes'];

function usageFile(folder: string, name: string, rows: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, `${HEADERS.join(',')}\n${rows}`);
  return path;
}

const mappingFile = join(dir, 'mapping.json');
writeFileSync(mappingFile, JSON.stringify({ headers: HEADERS, fields: { 'Cust No': 'customer_id', Period: 'month', 'Amount Billed': 'billed_revenue', Notes: null } }));

describe('--mapping', () => {
  it('maps headers the aliases do not know; without it the file is refused', async () => {
    const usage = usageFile(join(dir, 'a'), 'usage.csv', '001,2026-09,10\n002,2026-09,20\n');
    expect((await cvalue('run', '--data', usage, '--out-dir', join(dir, 'out-a0'))).code).toBe(1);
    const r = await cvalue('run', '--data', usage, '--mapping', mappingFile, '--out-dir', join(dir, 'out-a'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('import saves it as a template, so next month imports without it', async () => {
    const db = join(dir, 'kb.db');
    expect((await cvalue('import', usageFile(join(dir, 'm08'), 'usage.csv', '001,2026-08,10\n'), '--db', db, '--mapping', mappingFile)).code).toBe(0);
    const next = await cvalue('import', usageFile(join(dir, 'm09'), 'usage.csv', '001,2026-09,12\n'), '--db', db);
    expect(next.err).toBe('');
    expect(next.code).toBe(0);
  });

  it('refuses a mapping naming an unknown field', async () => {
    const bad = join(dir, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ headers: HEADERS, fields: { 'Cust No': 'colour' } }));
    const r = await cvalue('run', '--data', join(dir, 'a'), '--mapping', bad, '--out-dir', join(dir, 'out-b'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('colour');
  });
});

describe('--sum-duplicates', () => {
  it('adds up rows with the same key instead of refusing them', async () => {
    const usage = join(dir, 'dupes.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,5\n001,2026-09,6\n');
    expect((await cvalue('run', '--data', usage, '--out-dir', join(dir, 'out-d0'))).code).toBe(1);
    expect((await cvalue('run', '--data', usage, '--sum-duplicates', '--out-dir', join(dir, 'out-d'))).code).toBe(0);
    expect(existsSync(join(dir, 'out-d', 'scenario.json'))).toBe(true);
  });
});

describe('scenario JSON errors', () => {
  it('name the line and column', async () => {
    const scenario = join(dir, 'broken.scenario.json');
    writeFileSync(scenario, '{\n  "window": 3,\n}');
    const r = await cvalue('run', '--data', join(dir, 'a'), '--scenario', scenario, '--out-dir', join(dir, 'out-s'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 3, column 1/);
  });
});
