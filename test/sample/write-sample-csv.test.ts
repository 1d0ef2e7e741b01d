import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../core/sample/generate-sample.js';
import { SAMPLE_CSV_FILES, writeSampleCsv, type SampleCsvFile } from '../../core/sample/write-sample-csv.js';

/** The headers of the CSV inputs (SPEC §1 field names, as in examples/mini). */
const HEADERS: Record<SampleCsvFile, string> = {
  'usage.csv': 'customer_id,month,billed_revenue,branch,channel,brand,plan,segment,join_date,minutes,data_mb,sms,vas_count',
  'settlement.csv': 'customer_id,month,settlement_income,settlement_cost_inter,settlement_cost_intra',
  'individual_costs.csv': 'customer_id,month,commission,marketing_discount,handset_subsidy,points_cost',
  'credit.csv': 'customer_id,month,suspension_count,suspension_days,arrears',
  'cost_pools.csv': 'pool,month,amount,scope',
  'campaigns.csv': 'customer_id,campaign,start_month,cost',
};
const MONEY_COLUMNS = new Set([
  'billed_revenue',
  'settlement_income',
  'settlement_cost_inter',
  'settlement_cost_intra',
  'commission',
  'marketing_discount',
  'handset_subsidy',
  'points_cost',
  'arrears',
  'amount',
  'cost',
]);

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cvalue-sample-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function readAll(dir: string): Promise<Record<SampleCsvFile, string>> {
  const entries = await Promise.all(SAMPLE_CSV_FILES.map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const));
  return Object.fromEntries(entries) as Record<SampleCsvFile, string>;
}

describe('writeSampleCsv', () => {
  const options = { customers: 2000, months: 3, seed: 11 } as const;

  it('writes the same bytes for the same seed and different bytes for another', async () => {
    const [a, b, c] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    await writeSampleCsv(a, options);
    await writeSampleCsv(b, options);
    await writeSampleCsv(c, { ...options, seed: 12 });
    for (const file of SAMPLE_CSV_FILES) {
      const bytes = await readFile(join(a, file));
      expect(bytes.equals(await readFile(join(b, file))), file).toBe(true);
    }
    expect((await readFile(join(a, 'usage.csv'))).equals(await readFile(join(c, 'usage.csv')))).toBe(false);
  });

  it('writes the expected headers, formats and row counts', async () => {
    const dir = await tempDir();
    const summary = await writeSampleCsv(dir, options);
    const files = await readAll(dir);
    expect(summary.files).toEqual(SAMPLE_CSV_FILES.map((f) => join(dir, f)));
    expect(summary.customers).toBe(options.customers);
    expect(summary.months).toEqual(['2026-07', '2026-08', '2026-09']);

    let bytes = 0;
    for (const file of SAMPLE_CSV_FILES) {
      const text = files[file];
      bytes += Buffer.byteLength(text);
      expect(text.endsWith('\n')).toBe(true);
      const [header, ...lines] = text.slice(0, -1).split('\n');
      expect(header).toBe(HEADERS[file]);
      expect(lines, file).toHaveLength(summary.rows[file]);
      const columns = HEADERS[file].split(',');
      for (const line of lines) {
        const cells = line.split(',');
        expect(cells).toHaveLength(columns.length);
        cells.forEach((cell, i) => {
          const column = columns[i] ?? '';
          if (MONEY_COLUMNS.has(column)) expect(cell).toMatch(/^-?\d+\.\d\d$/);
          else if (column === 'month' || column === 'start_month') expect(cell).toMatch(/^\d{4}-\d\d$/);
          else if (column === 'join_date') expect(cell).toMatch(/^\d{4}-\d\d-\d\d$/);
        });
      }
    }
    expect(summary.bytes).toBe(bytes);

    const sample = generateSample(options);
    expect(summary.rows['cost_pools.csv']).toBe(15);
    expect(summary.rows['usage.csv']).toBe([...sample.rows('usage')].length);
    expect(summary.rows['credit.csv']).toBe([...sample.rows('credit')].length);
    expect(files['cost_pools.csv']).toContain(',branch=郑州\n');
    expect(files['usage.csv']).toMatch(/\n0\d{11},/);
  });
});
