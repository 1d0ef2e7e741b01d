/** `cvalue import`, `cvalue datasets` and `cvalue run --db` end to end, with their exit codes. */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cvalue } from '../support/cvalue.js';
import { MINI, tempDir } from '../support/paths.js';


const dir = tempDir('cli-db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let dbs = 0;
const newDb = (): string => join(dir, `kb-${++dbs}.db`);
const SCENARIO = join(MINI, 'scenario_mini.json');

describe('cvalue run --db', () => {
  it('writes the same files, byte for byte, as cvalue run --data on the same files', async () => {
    const db = newDb();
    expect((await cvalue('import', MINI, '--db', db)).code).toBe(0);
    const fromDb = join(dir, 'out-db');
    const fromData = join(dir, 'out-data');
    const compare = join(dir, 'b.scenario.json');
    writeFileSync(compare, JSON.stringify({ name: 'B', month: '2026-03', value_weights: { profit: 0.4, loyalty: 0.2, credit: 0.2, behaviour: 0.2 } }));
    expect(await cvalue('run', '--db', db, '--scenario', SCENARIO, '--compare', compare, '--out-dir', fromDb)).toMatchObject({ code: 0, err: '' });
    expect(await cvalue('run', '--data', MINI, '--scenario', SCENARIO, '--compare', compare, '--out-dir', fromData)).toMatchObject({ code: 0, err: '' });
    const files = readdirSync(fromData).sort();
    // SPEC §13's files with the comparison's, scenario.json and campaign_uplift_tiers.csv.
    expect(files.length).toBe(22);
    expect(readdirSync(fromDb).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(fromDb, file)).equals(readFileSync(join(fromData, file))), file).toBe(true);
  });

  it.each([
    ['a missing knowledge base', () => join(dir, 'none.db'), /not found/],
    ['a file that is not a database', () => join(MINI, 'usage.csv'), /not a knowledge base/],
  ])('refuses %s with exit 1', async (_, path, message) => {
    const r = await cvalue('run', '--db', path(), '--out-dir', join(dir, 'never'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});

describe('cvalue import', () => {
  it('skips files already imported and says when they were', async () => {
    const db = newDb();
    await cvalue('import', MINI, '--db', db);
    const again = await cvalue('import', MINI, '--db', db);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already imported on \d{4}-\d\d-\d\dT.* \(import #1\)/);
    const replaced = await cvalue('import', MINI, '--db', db, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('replaced: 导入 import #1');
    expect(replaced.out).toContain('imported: 导入 import #2');
  });

  it('writes nothing and names file, row and column when a file has errors', async () => {
    const db = newDb();
    const usage = join(dir, 'bad-usage.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n002,2026-09,abc\n');
    const r = await cvalue('import', usage, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain(usage);
    expect(r.err).toMatch(/row 3/);
    expect(r.err).toContain('billed_revenue');
    expect(existsSync(db)).toBe(false);
  });

  it('refuses data an earlier import holds, with exit 1, and keeps the knowledge base as it was', async () => {
    const db = newDb();
    await cvalue('import', MINI, '--db', db);
    const usage = join(dir, 'restated.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-03,99\n');
    const r = await cvalue('import', usage, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('customer 001, 2026-03: usage data is already in import #1');
    expect((await cvalue('datasets', '--db', db)).out.match(/dataset #/g)).toHaveLength(6);
  });
});

describe('cvalue datasets', () => {
  it('lists imports with their datasets and deletes an import', async () => {
    const db = newDb();
    await cvalue('import', MINI, '--db', db);
    const list = await cvalue('datasets', '--db', db);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/import #1 .* months 2026-01…2026-03 · 11 用户月 customer-months · 4 用户 customers · 8 成本池 pools · 3 活动参与 participants/);
    expect(list.out).toContain(`dataset #6 ${join(MINI, 'usage.csv')} · usage · 11 行 rows · sha256 `);
    const deleted = await cvalue('datasets', '--db', db, '--delete', '1');
    expect(deleted.code).toBe(0);
    expect(deleted.out).toContain('deleted: 导入 import #1');
    expect((await cvalue('datasets', '--db', db)).out).toContain('holds no imports');
    expect((await cvalue('run', '--db', db, '--out-dir', join(dir, 'empty-out'))).err).toContain('holds no data');
  });

  it('refuses to delete an import that does not exist (exit 1)', async () => {
    const db = newDb();
    await cvalue('import', MINI, '--db', db);
    const r = await cvalue('datasets', '--db', db, '--delete', '9');
    expect(r.code).toBe(1);
    expect(r.err).toContain('There is no import #9');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['import', '--db', 'x.db']],
    [['import', MINI]],
    [['import', MINI, '--db', 'x.db', '--bogus']],
    [['datasets']],
    [['datasets', '--db', 'x.db', '--delete', 'first']],
    [['run', '--data', MINI, '--db', 'x.db', '--out-dir', 'y']],
    [['run', '--db', '', '--out-dir', 'y']],
  ])('%j', async (args) => {
    expect((await cvalue(...args)).code).toBe(2);
  });
});
