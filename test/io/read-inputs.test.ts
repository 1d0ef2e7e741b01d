import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { RawCell, RawTable } from '../../core/io/raw-table.js';
import { readInputFiles, readInputTables, type ReadInputsResult, type ReportProblem } from '../../core/io/read-inputs.js';
import { formatProblem } from '../../core/io/validation-report.js';
import { rowCount } from '../../core/model/dataset.js';
import { monthNumber } from '../../core/model/month.js';
import { MINI, tempDir } from '../support/paths.js';
import { decodeNumbers } from '../../core/model/number-column.js';

const USAGE_HEADER = ['customer_id', 'month', 'billed_revenue', 'plan'];

/** A table whose rows are numbered 1, 2, … as in a sheet. */
function table(file: string, rows: readonly (readonly RawCell[])[], sheet?: string): RawTable {
  return {
    source: { file, sha256: `sha-of-${file}`, ...(sheet === undefined ? {} : { sheet }) },
    rows,
    rowNumbers: rows.map((_, i) => i + 1),
  };
}

const usage = table('usage.csv', [USAGE_HEADER, ['001', '2026-01', '10', 'X'], ['002', '2026-01', '20', 'Y']]);

function problems(result: ReadInputsResult, severity: 'error' | 'warning' = 'error'): ReportProblem[] {
  return result.report.problems.filter((p) => p.severity === severity);
}

function codes(result: ReadInputsResult, severity: 'error' | 'warning' = 'error'): string[] {
  return problems(result, severity).map((p) => p.code);
}

function input(result: ReadInputsResult) {
  if (!result.ok) throw new Error(result.report.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  return result.input;
}

describe('readInputFiles', () => {
  it('reads the worked example', async () => {
    const result = await readInputFiles([MINI]);
    expect(result.report.problems).toEqual([]);
    const { facts, pools, campaigns, warnings } = input(result);
    expect(Array.from({ length: facts.customerIds.length }, (_, i) => facts.customerIds.at(i))).toEqual(['001', '002', '003', '004']);
    expect(Array.from(facts.months)).toEqual(['2026-01', '2026-02', '2026-03'].map(monthNumber));
    expect(rowCount(facts)).toBe(11);
    expect(pools).toHaveLength(8);
    expect(campaigns).toHaveLength(3);
    expect(warnings).toEqual([]);
    expect(result.report.files.map((f) => [f.file.slice(MINI.length + 1), f.kind, f.rows])).toEqual([
      ['campaigns.csv', 'campaigns', 3],
      ['cost_pools.csv', 'pools', 8],
      ['credit.csv', 'credit', 1],
      ['individual_costs.csv', 'individual_costs', 3],
      ['settlement.csv', 'settlement', 6],
      ['usage.csv', 'usage', 11],
    ]);
  });

  it('reads GBK and UTF-8-with-BOM files from one folder', async () => {
    const dir = tempDir('encodings');
    const usageText = '用户编号,账期,应收费用,分公司,入网日期\r\n001,2026年1月,"1,234.50",郑州,2020/1/15\r\n';
    writeFileSync(join(dir, 'usage.csv'), iconv.encode(usageText, 'gbk'));
    const poolsText = '成本池,月份,金额,分摊范围\n网络成本,2026-01,1.005,分公司=郑州\n';
    writeFileSync(join(dir, 'pools.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(poolsText)]));
    writeFileSync(join(dir, 'notes.txt'), 'not read');
    const { facts, pools } = input(await readInputFiles([dir]));
    expect(facts.customerIds.at(0)).toBe('001');
    expect(Array.from(decodeNumbers(facts.numbers.billed_revenue))).toEqual([1234.5]);
    expect(facts.dictionaries.branch).toEqual(['郑州']);
    expect(Array.from(facts.joinMonth)).toEqual([monthNumber('2020-01')]);
    expect(pools).toEqual([{ pool: '网络成本', month: monthNumber('2026-01'), amountFen: 101, scope: { field: 'branch', value: '郑州' } }]);
  });

  it('names file, row and column of a malformed CSV', async () => {
    const dir = tempDir('malformed');
    const path = join(dir, 'usage.csv');
    writeFileSync(path, 'customer_id,month,billed_revenue\n001,2026-01,5\n002,2026-01,"5"0\n');
    const result = await readInputFiles([path]);
    expect(result.ok).toBe(false);
    expect(problems(result)).toMatchObject([{ code: 'row.csv_syntax', file: path, row: 3, columnNumber: 3 }]);
  });

  it('reports missing paths, other file types and empty files', async () => {
    const dir = tempDir('paths');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const other = join(dir, 'data.txt');
    writeFileSync(other, 'x');
    mkdirSync(join(dir, 'nothing'));
    const result = await readInputFiles([join(dir, 'missing.csv'), other, empty, join(dir, 'nothing')]);
    expect(problems(result).map((p) => [p.code, p.file?.slice(dir.length + 1)])).toEqual([
      ['file.not_found', 'missing.csv'],
      ['file.unsupported_type', 'data.txt'],
      ['file.no_csv_in_folder', 'nothing'],
      ['file.empty', 'empty.csv'],
    ]);
  });

  it('skips a second file with the same content, with a warning', async () => {
    const dir = tempDir('twice');
    const text = 'customer_id,month,billed_revenue\n001,2026-01,5\n';
    writeFileSync(join(dir, 'a.csv'), text);
    writeFileSync(join(dir, 'b.csv'), text);
    const result = await readInputFiles([dir]);
    expect(rowCount(input(result).facts)).toBe(1);
    expect(problems(result, 'warning').map((p) => [p.code, p.en])).toEqual([['file.duplicate', `same content as ${join(dir, 'a.csv')}; skipped`]]);
  });
});

describe('readInputTables', () => {
  it('finds the header below title rows, with a warning', () => {
    const titled = table('usage.xlsx', [['2026年1月 用户账单'], [], ['导出时间', '2026-02-03'], ...usage.rows], 'Billing');
    const result = readInputTables([titled]);
    expect(rowCount(input(result).facts)).toBe(2);
    expect(problems(result, 'warning')).toMatchObject([{ code: 'header.below_title', file: 'usage.xlsx', sheet: 'Billing', row: 4 }]);
    expect(result.report.files).toMatchObject([{ file: 'usage.xlsx', sheet: 'Billing', kind: 'usage', rows: 2, sha256: 'sha-of-usage.xlsx', header: { row: 4 }, mappedByTemplate: false }]);
  });

  it('gives up on a header after 20 rows', () => {
    const rows: (readonly RawCell[])[] = [...Array.from({ length: 20 }, () => ['title']), ...usage.rows];
    const result = readInputTables([table('late.csv', rows)]);
    expect(codes(result)).toEqual(['header.not_found', 'input.no_usage']);
  });

  it('reads typed cells as the xlsx reader gives them', () => {
    const typed = table('typed.xlsx', [USAGE_HEADER, [13812345678, new Date(Date.UTC(2026, 0, 1)), 12.5, 4]]);
    const { facts } = input(readInputTables([typed]));
    expect(facts.customerIds.at(0)).toBe('13812345678');
    expect(Array.from(facts.months)).toEqual([monthNumber('2026-01')]);
    expect(facts.dictionaries.plan).toEqual(['4']);
  });

  it('names the cell of each coercion error, with the header text as in the file', () => {
    const bad = table('usage.csv', [
      ['用户编号', ' 账期 ', '应收费用'],
      ['001', '2026-01', 'abc'],
      ['', '2026-13', ''],
    ]);
    const result = readInputTables([bad]);
    expect(result.ok).toBe(false);
    expect(problems(result).map((p) => [p.code, p.row, p.column, p.columnNumber, p.value])).toEqual([
      ['cell.not_a_number', 2, '应收费用', 3, 'abc'],
      ['cell.required_empty', 3, '用户编号', 1, ''],
      ['cell.bad_month', 3, ' 账期 ', 2, '2026-13'],
      ['cell.required_empty', 3, '应收费用', 3, ''],
    ]);
    expect(formatProblem(problems(result)[0] as ReportProblem, 'zh')).toBe(
      'usage.csv 第2行 第3列「应收费用」：不是数字（可写作 1234.56、1,234.56 或会计负数 (1,234.56)）（值："abc"）',
    );
  });

  it('refuses a field supplied by two tables for the same key, naming both files', () => {
    const second = table('usage-fix.csv', [USAGE_HEADER, ['002', '2026-01', '25', '']]);
    const result = readInputTables([usage, second]);
    expect(problems(result)).toMatchObject([
      {
        code: 'row.field_conflict',
        file: 'usage-fix.csv',
        row: 2,
        column: 'billed_revenue',
        en: 'billed_revenue for this customer-month is also supplied by usage.csv; a field may come from one table only',
      },
    ]);
  });

  it('lets an empty cell leave a field to the other table', () => {
    const plans = table('plans.csv', [['customer_id', 'month', 'plan', 'minutes'], ['001', '2026-01', '', '7']]);
    const { facts } = input(readInputTables([usage, plans]));
    expect(Array.from(decodeNumbers(facts.numbers.minutes))).toEqual([7, 0]);
  });

  it('refuses the same key twice in one table unless asked to sum', () => {
    const doubled = table('usage.csv', [...usage.rows, ['001', '2026/1', '(2.5)', 'X']]);
    const refused = readInputTables([doubled]);
    expect(problems(refused)).toMatchObject([{ code: 'row.duplicate_key', row: 4, column: 'customer_id', value: '001' }]);
    const summed = input(readInputTables([doubled], { sumDuplicateKeys: true }));
    expect(Array.from(decodeNumbers(summed.facts.numbers.billed_revenue))).toEqual([7.5, 20]);
  });

  it('with sumDuplicateKeys refuses text that disagrees', () => {
    const doubled = table('usage.csv', [...usage.rows, ['001', '2026-01', '1', 'Z']]);
    expect(codes(readInputTables([doubled], { sumDuplicateKeys: true }))).toEqual(['row.values_disagree']);
  });

  it('drops rows without a usage row and warns once with their count', () => {
    const settlement = table('settlement.csv', [
      ['customer_id', 'month', 'settlement_income'],
      ['001', '2026-01', '1'],
      ['003', '2026-01', '1'],
      ['001', '2026-02', '1'],
    ]);
    const result = readInputTables([usage, settlement]);
    const { facts, warnings } = input(result);
    expect(rowCount(facts)).toBe(2);
    expect(warnings.map((w) => w.code)).toEqual(['input.rows_without_usage']);
    expect(problems(result, 'warning')).toMatchObject([{ code: 'input.rows_without_usage', en: expect.stringContaining('2 rows') }]);
  });

  it('reports header problems: duplicate fields (both columns), unknown columns, kind', () => {
    const result = readInputTables([
      table('dup.csv', [['customer_id', 'month', 'billed_revenue', '应收费用', '备注']]),
      table('odd.csv', [['customer_id', 'month', 'remark']]),
    ]);
    expect(problems(result)).toMatchObject([
      { code: 'header.duplicate_field', file: 'dup.csv', row: 1, column: '应收费用', columnNumber: 4, en: expect.stringContaining('column 3 "billed_revenue"') },
      { code: 'kind.unknown', file: 'odd.csv', row: 1 },
    ]);
    expect(problems(result, 'warning').map((p) => [p.code, p.column])).toEqual([
      ['header.unknown_column', '备注'],
      ['table.no_data_rows', undefined],
      ['header.unknown_column', 'remark'],
    ]);
  });

  it('refuses values right of the header (an unquoted comma), and warns about blank rows inside the data', () => {
    const shifted = table('usage.csv', [USAGE_HEADER, ['001', '2026-01', '1', '234.5', 'X'], [], ['', null], ['002', '2026-01', '3', 'Y'], []]);
    const result = readInputTables([shifted]);
    expect(problems(result)).toMatchObject([{ code: 'row.extra_cells', row: 2, columnNumber: 5, value: 'X' }]);
    expect(problems(result, 'warning')).toMatchObject([{ code: 'table.blank_rows', row: 3, en: expect.stringContaining('2 blank rows') }]);
  });

  it('checks pools and campaigns', () => {
    const pools = table('pools.csv', [
      ['pool', 'month', 'amount', 'scope'],
      ['P', '2026-01', '-1', ''],
      ['Q', '2026-01', '1', 'segment=x'],
      ['R', '2026-01', '1', ''],
      ['R', '2026-01', '2', ''],
    ]);
    const campaigns = table('campaigns.csv', [
      ['customer_id', 'campaign', 'start_month', 'cost'],
      ['001', 'A', '2026-01', '-5'],
      ['001', 'B', '2026-01', ''],
      ['002', 'B', '2026-01', '1'],
      ['002', 'B', '2026-02', '1'],
    ]);
    const result = readInputTables([usage, pools, campaigns]);
    expect(problems(result).map((p) => [p.code, p.file, p.row, p.column])).toEqual([
      ['cell.negative', 'pools.csv', 2, 'amount'],
      ['cell.unknown_scope_field', 'pools.csv', 3, 'scope'],
      ['row.duplicate_pool', 'pools.csv', 5, 'pool'],
      ['cell.negative', 'campaigns.csv', 2, 'cost'],
      ['cell.required_empty', 'campaigns.csv', 3, 'cost'],
      ['row.duplicate_participant', 'campaigns.csv', 5, 'customer_id'],
    ]);
  });

  it('requires a usage sheet with rows', () => {
    const settlement = table('settlement.csv', [['customer_id', 'month', 'settlement_income'], ['001', '2026-01', '1']]);
    expect(codes(readInputTables([settlement]))).toEqual(['input.no_usage']);
    expect(codes(readInputTables([table('usage.csv', [USAGE_HEADER])]))).toEqual(['input.no_usage_rows']);
    expect(codes(readInputTables([]))).toEqual(['input.no_inputs']);
  });

  it('keeps the first problems only, and counts the rest', () => {
    const rows = [USAGE_HEADER, ...Array.from({ length: 10 }, (_, i) => [`c${i}`, '2026-01', 'bad', 'X'])];
    const result = readInputTables([table('usage.csv', rows)], { maxProblems: 4 });
    expect(result.report.problems).toHaveLength(4);
    expect(result.report.problemsOmitted).toBe(6);
    expect(result.report.errorCount).toBe(10);
  });

  it('treats __proto__ as ordinary text', () => {
    const odd = table('usage.csv', [[...USAGE_HEADER, '__proto__'], ['__proto__', '2026-01', '1', 'constructor', 'x']]);
    const { facts } = input(readInputTables([odd]));
    expect(facts.customerIds.at(0)).toBe('__proto__');
    expect(facts.dictionaries.plan).toEqual(['constructor']);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
