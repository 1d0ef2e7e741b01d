/** The sample province as workbooks and as CSV files gives byte-identical run files. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelSession } from '../../core/engine/run-model.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { writeRunFiles } from '../../core/io/run-files/write-run-files.js';
import { defaultScenario } from '../../core/model/scenario.js';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import { writeSampleXlsx } from '../../core/sample/write-sample-xlsx.js';
import { tempDir } from '../support/paths.js';

const SIZE = { customers: 2500, months: 6 };

describe('sample workbooks import to exactly the results of the same data as CSV', () => {
  const dir = tempDir('xlsx-csv');
  const out = { csv: join(dir, 'out-csv'), xlsx: join(dir, 'out-xlsx') };

  beforeAll(async () => {
    await writeSampleCsv(join(dir, 'csv'), SIZE);
    await writeSampleXlsx(join(dir, 'xlsx'), SIZE);
    for (const format of ['csv', 'xlsx'] as const) {
      const read = await readInputFiles([join(dir, format)]);
      expect(read.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      if (!read.ok) throw new Error(`${format} did not import`);
      await writeRunFiles(out[format], new ModelSession(read.input).run(defaultScenario()));
    }
  }, 120_000);

  it('writes the same files', () => {
    expect(readdirSync(out.xlsx).sort()).toEqual(readdirSync(out.csv).sort());
  });

  it.each(['customers.csv', 'customer_months.csv', 'aggregates_plan.csv', 'aggregates_tier.csv', 'reconciliation.csv', 'campaigns.csv', 'summary.json', 'warnings.json'])(
    '%s is byte-identical',
    (file) => {
      expect(readFileSync(join(out.xlsx, file), 'utf8')).toBe(readFileSync(join(out.csv, file), 'utf8'));
    },
  );
});
