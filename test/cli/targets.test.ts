/** `cvalue targets` end to end on a generated sample, and the uplift columns of campaigns.csv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TARGET_COLUMNS } from '../../core/io/targets/target-rows.js';
import { cvalue } from '../support/cvalue.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('targets');
const data = join(dir, 'sample');

/** The sample's CSV has no quoted cells with commas in the columns read here. */
function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
}

beforeAll(async () => {
  const sample = await cvalue('sample', '--customers', '500', '--months', '8', '--out-dir', data);
  expect(sample.code).toBe(0);
}, 120_000);

describe('cvalue targets', () => {
  it('writes the filtered list as CSV and prints the comparison with an ARPU-only list', async () => {
    const out = join(dir, 'targets.csv');
    const saved = join(dir, 'ab.targets.json');
    const run = await cvalue('targets', '--data', data, '--filter', 'tier=A,B;exclude_negative;tenure=3..', '--out', out, '--save', saved);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const [header, ...rows] = csvRows(out);
    expect(header).toEqual([...TARGET_COLUMNS]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(['A', 'B']).toContain(r[5]);
      expect(Number(r[7])).toBeGreaterThanOrEqual(0);
      expect(Number(r[9])).toBeGreaterThanOrEqual(3);
    }
    const ids = rows.map((r) => r[0] as string);
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(run.out).toContain(`Target list: ${rows.length} customers`);
    expect(run.out).toMatch(/ARPU-only list of the same size has \d+, so -?\d+ avoided/);

    // The saved definition gives the same list back.
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ tiers: ['A', 'B'], excludeNegative: true, tenure: { min: 3 } });
    const again = join(dir, 'again.csv');
    expect((await cvalue('targets', '--data', data, '--filter', `@${saved}`, '--out', again)).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 120_000);

  it('writes the same rows as xlsx, with a 说明 sheet', async () => {
    const csv = join(dir, 'zz.csv');
    const xlsx = join(dir, 'zz.xlsx');
    const filter = 'branch=郑州;value=40..';
    expect((await cvalue('targets', '--data', data, '--filter', filter, '--out', csv)).code).toBe(0);
    expect((await cvalue('targets', '--data', data, '--filter', filter, '--out', xlsx)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('营销目标');
    const csvIds = csvRows(csv).map((r) => r[0]);
    const xlsxIds: unknown[] = [];
    sheet?.eachRow((row) => xlsxIds.push(row.getCell(1).value));
    expect(xlsxIds).toEqual(csvIds);
    expect(sheet?.getRow(2).getCell(2).value).toBe('郑州');
    expect(sheet?.getCell('H2').numFmt).toBe('¥#,##0.00;[Red]-¥#,##0.00');
    const notes = book.getWorksheet('说明');
    expect(notes?.getCell('B4').value).toBe(filter);
    expect(notes?.getCell('B6').value).toBe(csvIds.length - 1);
  }, 120_000);

  it('refuses an unknown clause and a bad output name', async () => {
    expect((await cvalue('targets', '--data', data, '--filter', 'colour=red', '--out', join(dir, 'x.csv'))).code).toBe(2);
    expect((await cvalue('targets', '--data', data, '--filter', 'tier=A', '--out', join(dir, 'x.txt'))).code).toBe(2);
  }, 120_000);
});

describe('campaigns.csv and campaign_uplift_tiers.csv', () => {
  it('adds uplift, control_size and uplift_note after the contract columns, and the uplift per tier', async () => {
    const outDir = join(dir, 'run');
    expect((await cvalue('run', '--data', data, '--out-dir', outDir)).code).toBe(0);
    const [header, ...rows] = csvRows(join(outDir, 'campaigns.csv'));
    expect(header?.slice(-3)).toEqual(['uplift', 'control_size', 'uplift_note']);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const [uplift, size, note] = r.slice(-3);
      expect(Number(size)).toBeGreaterThanOrEqual(0);
      if (Number(size) < 30) expect([uplift, note]).toEqual(['', 'control<30']);
      else expect([Number.isFinite(Number(uplift)), note]).toEqual([true, '']);
    }
    // Per tier: the rows of each campaign, each with its own control and the same withholding rule.
    const [tierHeader, ...tierRows] = csvRows(join(outDir, 'campaign_uplift_tiers.csv'));
    expect(tierHeader).toEqual(['campaign', 'tier', 'compared', 'without_control', 'control_size', 'uplift', 'uplift_note']);
    expect(tierRows.length).toBeGreaterThan(0);
    const campaigns = new Set(rows.map((r) => r[0]));
    for (const [campaign, , compared, , size, uplift, note] of tierRows) {
      expect(campaigns.has(campaign)).toBe(true);
      expect(Number(compared)).toBeGreaterThan(0);
      if (Number(size) < 30) expect([uplift, note]).toEqual(['', 'control<30']);
      else expect([Number.isFinite(Number(uplift)), note]).toEqual([true, '']);
    }
  }, 120_000);
});
