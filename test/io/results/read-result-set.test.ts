/**
 * Reading a results set (issue 7): the worked example's run files, the same files as a warehouse
 * writes them (part-file directories, Java doubles, true/false, \N), files picked one by one, and
 * every way a folder can be wrong — each refused with its file, row and column, nothing returned.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultAggregates } from '../../../core/engine/results/result-aggregates.js';
import { resultCustomerRecord } from '../../../core/engine/results/result-query.js';
import { readResultSet, type ResultRead } from '../../../core/io/results/read-result-set.js';
import { RESULT_TIER_INELIGIBLE } from '../../../core/model/result-set.js';
import { MINI, tempDir } from '../../support/paths.js';
import { cvalue } from '../../support/cvalue.js';

const dir = tempDir('read-results');
const mini = join(dir, 'mini');
const EXPECTED = join(MINI, 'expected');

function copyMini(name: string): string {
  const to = join(dir, name);
  cpSync(mini, to, { recursive: true });
  return to;
}

function edit(path: string, change: (lines: string[]) => string[]): void {
  writeFileSync(path, change(readFileSync(path, 'utf8').split('\n')).join('\n'));
}

/** Row `row` (1 = header) of a CSV with cell `column` replaced. */
function setCell(path: string, row: number, column: string, value: string): void {
  edit(path, (lines) => {
    const header = (lines[0] ?? '').split(',');
    const cells = (lines[row - 1] ?? '').split(',');
    cells[header.indexOf(column)] = value;
    lines[row - 1] = cells.join(',');
    return lines;
  });
}

function problemsOf(read: ResultRead): { code: string; file?: string; row?: number; column?: string }[] {
  if (read.ok) throw new Error('expected the set to be refused');
  return read.report.problems.map((p) => ({ code: p.code, ...(p.file === undefined ? {} : { file: p.file }), ...(p.row === undefined ? {} : { row: p.row }), ...(p.column === undefined ? {} : { column: p.column }) }));
}

beforeAll(async () => {
  const out = await cvalue('run', '--data', MINI, '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', mini);
  expect(out.code).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a results folder as cvalue run writes it', () => {
  it('reads the worked example: every customer column and the aggregates equal the expected files', async () => {
    const read = await readResultSet([mini]);
    if (!read.ok) throw new Error(JSON.stringify(read.report.problems));
    const { customers, scenario, month } = read.set;
    expect(month).toBe('2026-03');
    expect(Array.from({ length: customers.ids.length }, (_, i) => customers.ids.at(i))).toEqual(['001', '002', '003', '004']);
    expect(Array.from(customers.money.avg_profit)).toEqual([60, 16, -3, 5.5]);
    expect(Array.from(customers.scores.value).map((v) => (Number.isNaN(v) ? null : v))).toEqual([95, 48.6, 13.533333333333333, null]);
    expect(customers.tier[3]).toBe(RESULT_TIER_INELIGIBLE);
    expect(customers.reasons[customers.reason[3] as number]).toBe('在网不足3个月');
    expect(customers.categories.branch.names[customers.categories.branch.codes[0] as number]).toBe('郑州');
    expect(read.set.reconciliation).toHaveLength(8);
    expect(read.set.reconciliation[4]).toEqual({ pool: 'R', month: '2026-01', scope: 'branch=济源', amount: 7, customersInScope: 0, status: 'unallocated', movedToUsers: false, allocatedSum: 0, difference: 7 });
    // The aggregates summed from customers.csv are the worked example's expected tier file.
    const tiers = resultAggregates(customers, scenario).tier;
    const expected = readFileSync(join(EXPECTED, 'aggregates_tier.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(tiers.map((r) => [r.group, r.customers, r.sumAvgProfit, r.loss])).toEqual(expected.map((c) => [c[0], Number(c[1]), Number(c[7]), Number(c[11])]));
  });

  it('reads the same set written as a warehouse exports it', async () => {
    const spark = join(dir, 'spark');
    mkdirSync(join(spark, 'customers'), { recursive: true });
    cpSync(join(mini, 'scenario.json'), join(spark, 'scenario.json'));
    const lines = readFileSync(join(mini, 'customers.csv'), 'utf8').trim().split('\n');
    const header = lines[0] as string;
    // Two parts, rows out of id order, booleans and Java doubles, Hive's \N for "no value".
    const warehouse = (line: string): string =>
      line
        .split(',')
        .map((cell, i) => (i === 1 ? (cell === '1' ? 'true' : 'false') : cell === '105.0' ? '1.05E2' : cell === '' && i >= 9 && i <= 14 ? '\\N' : cell))
        .join(',');
    writeFileSync(join(spark, 'customers', 'part-00000-a.csv'), `${header}\n${[lines[4], lines[2]].map((l) => warehouse(l as string)).join('\n')}\n`);
    writeFileSync(join(spark, 'customers', 'part-00001-a.csv'), `${header}\n${[lines[3], lines[1]].map((l) => warehouse(l as string)).join('\n')}\n`);
    writeFileSync(join(spark, 'customers', '_SUCCESS'), '');
    writeFileSync(join(spark, 'customers', '.part-00000-a.csv.crc'), 'crc');
    mkdirSync(join(spark, 'aggregates_plan'));
    cpSync(join(mini, 'aggregates_plan.csv'), join(spark, 'aggregates_plan', 'part-00000-b.csv'));
    const read = await readResultSet([spark]);
    const reference = await readResultSet([mini]);
    if (!read.ok || !reference.ok) throw new Error('not read');
    // Dictionary codes follow the order rows arrive in; the customers' values do not.
    const records = (r: typeof read): unknown[] => (r.ok ? Array.from({ length: r.set.customers.ids.length }, (_, c) => resultCustomerRecord(r.set, c)) : []);
    expect(records(read)).toEqual(records(reference));
    expect(records(read)).toHaveLength(4);
    expect(read.set.files.map((f) => [f.name, f.rows])).toEqual([
      ['scenario.json', 0],
      ['customers/part-00000-a.csv', 2],
      ['customers/part-00001-a.csv', 2],
      ['aggregates_plan/part-00000-b.csv', 3],
    ]);
  });

  it('reads files picked one by one, and names a file it does not read', async () => {
    const picked = ['customers.csv', 'scenario.json', 'aggregates_tier.csv', 'summary.json', 'customer_months.csv'].map((f) => join(mini, f));
    const read = await readResultSet(picked);
    if (!read.ok) throw new Error(JSON.stringify(read.report.problems));
    expect(read.set.files.map((f) => f.name)).toEqual(['scenario.json', 'customers.csv', 'aggregates_tier.csv']);
    // summary.json was taken as the scenario? No: the first .json picked is, and it must parse as one.
    expect(read.report.problems.map((p) => [p.code, p.file])).toEqual([
      ['results.file_ignored', 'summary.json'],
      ['results.file_ignored', 'customer_months.csv'],
    ]);
  });

  it('streams: tiny chunks read the same set', async () => {
    const small = await readResultSet([mini], { csv: { chunkSize: 7 } });
    const whole = await readResultSet([mini]);
    if (!small.ok || !whole.ok) throw new Error('not read');
    expect(small.set.customers).toEqual(whole.set.customers);
  });
});

describe('a results folder that is wrong is refused with where and why', () => {
  it('names every bad cell of customers.csv', async () => {
    const bad = copyMini('bad-cells');
    const csv = join(bad, 'customers.csv');
    setCell(csv, 2, 'avg_revenue', 'abc');
    setCell(csv, 3, 'eligible', 'yes');
    setCell(csv, 4, 'tier', 'Z');
    setCell(csv, 5, 'negative', '1');
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.not_a_number', file: 'customers.csv', row: 2, column: 'avg_revenue' },
      { code: 'results.not_a_flag', file: 'customers.csv', row: 3, column: 'eligible' },
      { code: 'results.unknown_tier', file: 'customers.csv', row: 4, column: 'tier' },
      { code: 'results.negative_disagrees', file: 'customers.csv', row: 5, column: 'negative' },
    ]);
  });

  it('refuses tiers that contradict eligibility and value', async () => {
    const bad = copyMini('bad-tiers');
    const csv = join(bad, 'customers.csv');
    setCell(csv, 5, 'tier', 'A'); // customer 004 is ineligible
    setCell(csv, 2, 'value', ''); // customer 001 has tier A
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.tier_without_value', file: 'customers.csv', row: 2, column: 'value' },
      { code: 'results.tier_when_ineligible', file: 'customers.csv', row: 5, column: 'tier' },
    ]);
  });

  it('refuses rows whose cells do not line up with the header', async () => {
    const bad = copyMini('cell-count');
    // Customer 004 cut off after negative; an unquoted comma in 002's plan name.
    edit(join(bad, 'customers.csv'), (lines) => lines.map((l, i) => (i === 4 ? l.split(',').slice(0, 16).join(',') : i === 2 ? l.replace(',Z,', ',Z,5G,') : l)));
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.cell_count', file: 'customers.csv', row: 3 },
      { code: 'results.cell_count', file: 'customers.csv', row: 5 },
    ]);
  });

  it('refuses columns that contradict each other as the engine writes them', async () => {
    const bad = copyMini('contradictions');
    const csv = join(bad, 'customers.csv');
    setCell(csv, 2, 'tier', 'D'); // value 95 is tier A
    setCell(csv, 3, 'reason', '在网不足3个月'); // 002 is scored
    setCell(csv, 4, 'avg_profit', '-4.0'); // 10 − 0 − 13 = −3
    setCell(csv, 5, 'value', '99'); // 004 is not scored
    setCell(csv, 5, 'tenure_months', '');
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.tier_disagrees', file: 'customers.csv', row: 2, column: 'tier' },
      { code: 'results.reason_when_eligible', file: 'customers.csv', row: 3, column: 'reason' },
      { code: 'results.profit_disagrees', file: 'customers.csv', row: 4, column: 'avg_profit' },
      { code: 'results.required_empty', file: 'customers.csv', row: 5, column: 'tenure_months' },
      { code: 'results.score_when_ineligible', file: 'customers.csv', row: 5, column: 'value' },
    ]);
  });

  it('refuses a customer that appears twice, naming the second', async () => {
    const bad = copyMini('duplicate');
    edit(join(bad, 'customers.csv'), (lines) => [...lines.slice(0, -1), lines[1] as string, '']);
    expect(problemsOf(await readResultSet([bad]))).toEqual([{ code: 'results.duplicate_customer', file: 'customers.csv', row: 6, column: 'customer_id' }]);
  });

  it('refuses a missing column, a missing scenario, a scenario without month, and an empty folder', async () => {
    const noColumn = copyMini('no-column');
    edit(join(noColumn, 'customers.csv'), (lines) => lines.map((l) => l.split(',').filter((_, i) => i !== 13).join(',')));
    expect(problemsOf(await readResultSet([noColumn]))).toEqual([{ code: 'results.column_missing', file: 'customers.csv', row: 1 }]);

    const noScenario = copyMini('no-scenario');
    rmSync(join(noScenario, 'scenario.json'));
    expect(problemsOf(await readResultSet([noScenario])).map((p) => p.code)).toEqual(['results.no_scenario']);
    // --scenario supplies it.
    expect((await readResultSet([noScenario], { scenarioPath: join(MINI, 'scenario_mini.json') })).ok).toBe(true);

    const noMonth = copyMini('no-month');
    edit(join(noMonth, 'scenario.json'), (lines) => [JSON.stringify({ ...JSON.parse(lines.join('\n')), month: null })]);
    expect(problemsOf(await readResultSet([noMonth])).map((p) => p.code)).toEqual(['results.scenario_no_month']);
    const monthGiven = await readResultSet([noMonth], { month: '2026-03' });
    expect(monthGiven.ok && monthGiven.set.month).toBe('2026-03');
    expect(problemsOf(await readResultSet([noMonth], { month: '2026-3' })).map((p) => p.code)).toEqual(['results.bad_month']);
    // A month given never overrides the scenario's own.
    expect(problemsOf(await readResultSet([mini], { month: '2026-02' })).map((p) => p.code)).toEqual(['results.month_conflict']);
    expect((await readResultSet([mini], { month: '2026-03' })).ok).toBe(true);

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(problemsOf(await readResultSet([empty])).map((p) => p.code)).toEqual(['results.no_scenario', 'results.no_customers']);
    expect(problemsOf(await readResultSet([join(dir, 'missing')])).map((p) => p.code)).toEqual(['file.not_found']);
  });

  it('checks counts exactly and refuses a group written twice', async () => {
    const bad = copyMini('counts');
    setCell(join(bad, 'aggregates_tier.csv'), 2, 'customers', '1.0000001');
    edit(join(bad, 'aggregates_brand.csv'), (lines) => [...lines.slice(0, 2), lines[1] as string, ...lines.slice(2)]);
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.group_twice', file: 'aggregates_brand.csv', row: 3, column: 'group' },
      { code: 'results.aggregate_differs', file: 'aggregates_tier.csv', row: 2, column: 'customers' },
    ]);
  });

  it('refuses reconciliation rows after the set\'s month, repeated, or with a fractional count', async () => {
    const bad = copyMini('reconciliation');
    const csv = join(bad, 'reconciliation.csv');
    setCell(csv, 2, 'month', '2026-04');
    setCell(csv, 4, 'month', '2026-02');
    setCell(csv, 5, 'customers_in_scope', '1.5');
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.month_after_set', file: 'reconciliation.csv', row: 2, column: 'month' },
      { code: 'results.pool_month_twice', file: 'reconciliation.csv', row: 4, column: 'pool' },
      { code: 'results.not_a_count', file: 'reconciliation.csv', row: 5, column: 'customers_in_scope' },
    ]);
  });

  it('reads an empty part as no rows, refuses a compressed one, and warns when _SUCCESS is missing', async () => {
    const parts = join(dir, 'parts');
    mkdirSync(join(parts, 'customers'), { recursive: true });
    cpSync(join(mini, 'scenario.json'), join(parts, 'scenario.json'));
    cpSync(join(mini, 'customers.csv'), join(parts, 'customers', 'part-00000.csv'));
    writeFileSync(join(parts, 'customers', 'part-00001.csv'), '');
    const read = await readResultSet([parts]);
    if (!read.ok) throw new Error(JSON.stringify(read.report.problems));
    expect(read.set.files.map((f) => [f.name, f.rows])).toEqual([['scenario.json', 0], ['customers/part-00000.csv', 4], ['customers/part-00001.csv', 0]]);
    expect(read.report.problems.map((p) => [p.code, p.file])).toEqual([['results.no_success_marker', 'customers/']]);
    writeFileSync(join(parts, 'customers', '_SUCCESS'), '');
    writeFileSync(join(parts, 'customers', 'part-00002.csv.gz'), 'gz');
    expect(problemsOf(await readResultSet([parts]))).toEqual([{ code: 'results.compressed_part', file: 'customers/part-00002.csv.gz' }]);
  });

  it('takes scenario.json among picked files, never the run\'s own JSON files', async () => {
    const picked = ['breakpoints.json', 'summary.json', 'customers.csv', 'scenario.json', 'warnings.json'].map((f) => join(mini, f));
    const read = await readResultSet(picked);
    if (!read.ok) throw new Error(JSON.stringify(read.report.problems));
    expect(read.set.files.map((f) => f.name)).toEqual(['scenario.json', 'customers.csv']);
    expect(problemsOf(await readResultSet(picked.filter((p) => !p.endsWith('scenario.json'))))).toEqual([
      { code: 'results.file_ignored', file: 'breakpoints.json' },
      { code: 'results.file_ignored', file: 'summary.json' },
      { code: 'results.file_ignored', file: 'warnings.json' },
      { code: 'results.no_scenario' },
    ]);
  });

  it('refuses aggregates and reconciliation files that do not fit', async () => {
    const bad = copyMini('bad-aggregates');
    setCell(join(bad, 'aggregates_branch.csv'), 2, 'negative_count', '7');
    edit(join(bad, 'aggregates_plan.csv'), (lines) => lines.filter((_, i) => i !== 1));
    setCell(join(bad, 'reconciliation.csv'), 3, 'status', 'done');
    expect(problemsOf(await readResultSet([bad]))).toEqual([
      { code: 'results.aggregate_group_missing', file: 'aggregates_plan.csv' },
      { code: 'results.aggregate_differs', file: 'aggregates_branch.csv', row: 2, column: 'negative_count' },
      { code: 'results.bad_status', file: 'reconciliation.csv', row: 3, column: 'status' },
    ]);
  });
});
