/**
 * The sample workbooks hold exactly the sample CSV's data, typed as a person would enter it.
 * They are read back with exceljs, not with the project's importer, so that these tests say
 * what the files contain independently of how the importer reads them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleCommand } from '../../core/cli/commands/sample-command.js';
import { CliError } from '../../core/cli/cli-error.js';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, type FieldDef } from '../../core/model/fields.js';
import { sheetBackpressure } from '../../core/sample/sheet-backpressure.js';
import { INPUT_KINDS, type InputKind } from '../../core/sample/sheet-layouts.js';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import { writeSampleXlsx, type SampleXlsxSummary } from '../../core/sample/write-sample-xlsx.js';
import { tempDir } from '../support/paths.js';

const SHEETS: Readonly<Record<InputKind, { readonly sheet: string; readonly defs: readonly FieldDef[] }>> = {
  usage: { sheet: '用量账单', defs: FACT_FIELDS },
  settlement: { sheet: '结算明细', defs: FACT_FIELDS },
  individual_costs: { sheet: '个人成本', defs: FACT_FIELDS },
  credit: { sheet: '信用记录', defs: FACT_FIELDS },
  cost_pools: { sheet: '成本池', defs: POOL_FIELDS },
  campaigns: { sheet: '营销活动', defs: CAMPAIGN_FIELDS },
};

async function readSheet(path: string): Promise<{ name: string; rows: CellValue[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const [sheet, ...others] = workbook.worksheets;
  if (sheet === undefined || others.length > 0) throw new Error(`${path}: expected one sheet`);
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value);
    rows.push(values);
  });
  return { name: sheet.name, rows };
}

/** The CSV cell as the workbook should hold it: ids, months and names as text, dates as UTC midnight. */
function expectedCell(field: FieldDef, text: string): CellValue {
  switch (field.type) {
    case 'money':
    case 'number':
      return Number(text);
    case 'date':
      return new Date(`${text}T00:00:00.000Z`);
    default:
      return text === '' ? null : text;
  }
}

describe('writeSampleXlsx', () => {
  const options = { customers: 300, months: 4, seed: 5 } as const;
  const dir = tempDir('sample-xlsx');
  let summary: SampleXlsxSummary;

  afterEach(() => {
    vi.useRealTimers();
  });

  beforeAll(async () => {
    await writeSampleCsv(join(dir, 'csv'), options);
    summary = await writeSampleXlsx(join(dir, 'xlsx'), options);
  });

  it('names one workbook per kind and counts their rows', () => {
    expect(summary.files).toEqual(INPUT_KINDS.map((kind) => join(dir, 'xlsx', `${kind}.xlsx`)));
    expect(summary.customers).toBe(300);
    expect(summary.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    expect(summary.rows.cost_pools).toBe(20);
    expect(summary.bytes).toBe(summary.files.reduce((sum, f) => sum + readFileSync(f).length, 0));
  });

  it.each(INPUT_KINDS)('%s holds every row of the CSV, with Chinese headers and typed cells', async (kind) => {
    const { sheet, defs } = SHEETS[kind];
    const [header = '', ...lines] = readFileSync(join(dir, 'csv', `${kind}.csv`), 'utf8').trimEnd().split('\n');
    const fields = header.split(',').map((name) => {
      const field = defs.find((d) => d.name === name);
      if (field === undefined) throw new Error(`unknown CSV column ${name}`);
      return field;
    });
    const read = await readSheet(join(dir, 'xlsx', `${kind}.xlsx`));
    expect(read.name).toBe(sheet);
    const [headerRow, ...rows] = read.rows;
    expect(headerRow).toEqual(fields.map((f) => f.aliases[0]));
    expect(rows).toHaveLength(lines.length);
    expect(summary.rows[kind]).toBe(lines.length);
    lines.forEach((line, r) => {
      const cells = line.split(',');
      expect(cells).toHaveLength(fields.length);
      const expected = fields.map((field, c) => expectedCell(field, cells[c] ?? ''));
      expect(rows[r], `${kind} row ${r + 2}`).toEqual(expected);
    });
  });

  it('keeps the leading zero of account ids and writes join dates as date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'xlsx', 'usage.xlsx'));
    const sheet = workbook.worksheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    const ids = sheet.getColumn(1).values.slice(2);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(ids.some((id) => typeof id === 'string' && id.startsWith('0'))).toBe(true);
    const joinDate = sheet.getRow(2).getCell(9);
    expect(joinDate.type).toBe(ExcelJS.ValueType.Date);
    expect(joinDate.numFmt).toMatch(/[dy]/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes the same bytes for the same options, whenever it runs', async () => {
    const sha256s = async (out: string, at: string): Promise<string[]> => {
      // Only Date is faked: the zip entries would carry this time, the streams still run on real timers.
      vi.setSystemTime(new Date(at));
      const written = await writeSampleXlsx(out, { customers: 40, months: 2 });
      return written.files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    const first = await sha256s(join(dir, 'again-1'), '2026-03-04T05:06:08Z');
    const second = await sha256s(join(dir, 'again-2'), '2027-11-12T13:14:16Z');
    expect(second).toEqual(first);
  });

  it('reports the customers written after each batch, and stops when the report throws', async () => {
    const reports: [number, number][] = [];
    await writeSampleXlsx(join(dir, 'progress'), { customers: 1_200, months: 1 }, (done, total) => reports.push([done, total]));
    expect(reports).toEqual([
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
    const stop = new Error('stop');
    let reported = 0;
    const stopping = writeSampleXlsx(join(dir, 'stopped'), { customers: 1_200, months: 1 }, () => {
      reported += 1;
      throw stop;
    });
    await expect(stopping).rejects.toBe(stop);
    expect(reported).toBe(1);
  });

  it('fails, rather than hangs, when a workbook cannot be written', async () => {
    const out = join(tempDir('sample-xlsx-fail'), 'out');
    mkdirSync(join(out, 'credit.xlsx'), { recursive: true });
    await expect(writeSampleXlsx(out, options)).rejects.toThrow(/EISDIR/);
  });
});

describe('sheetBackpressure', () => {
  it('holds the writer while the zip output is blocked, and lets it go once it flows', async () => {
    const held: (() => void)[] = [];
    let blocked = true;
    const output = new Writable({
      write(_chunk, _encoding, done) {
        if (blocked) held.push(done);
        else done();
      },
    });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet('s');
    const backpressure = sheetBackpressure(sheet);
    const failure = new Promise<never>(() => undefined);
    // Varied text, so that deflate cannot shrink the sheet into the blocked output's buffers.
    let seed = 1;
    const text = (): string => (seed = (seed * 48271) % 2147483647).toString(36).repeat(3);
    let waited = false;
    for (let i = 0; i < 200_000 && !waited; i++) {
      sheet.addRow([text(), text(), text(), text()]).commit();
      if (i % 1000 === 999) {
        const wait = backpressure.wait(failure).then(() => 'drained');
        const settled = await Promise.race([wait, new Promise((resolve) => setTimeout(resolve, 50, 'pending'))]);
        if (settled === 'pending') {
          waited = true;
          blocked = false;
          for (const done of held.splice(0)) done();
          await expect(wait).resolves.toBe('drained');
        }
      }
    }
    expect(waited).toBe(true);
    sheet.commit();
    await workbook.commit();
  });
});

describe('cvalue sample --format', () => {
  it('writes workbooks with --format xlsx and refuses other formats', async () => {
    const out = join(tempDir('sample-cli'), 'out');
    const lines: string[] = [];
    await sampleCommand(['--customers', '20', '--months', '2', '--format', 'xlsx', '--out-dir', out], (l) => lines.push(l));
    expect(lines.slice(1)).toEqual(INPUT_KINDS.map((kind) => `  ${join(out, `${kind}.xlsx`)}`));
    await expect(sampleCommand(['--format', 'ods', '--out-dir', out], () => undefined)).rejects.toBeInstanceOf(CliError);
  });
});
