/** Reads tables back out of an openpyxl dump of the value report, and the worked example's expected CSVs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { columnLetters } from '../../../core/io/xlsx-writer/cell-address.js';
import { MINI } from '../../support/paths.js';
import type { DumpSheet, DumpValue } from '../../support/office/openpyxl-dump.js';

export interface SheetTable {
  readonly header: string[];
  /** Row objects keyed by header text. */
  readonly rows: Record<string, DumpValue>[];
}

/** The table whose header is on `headerRow`, down to the first row without a first cell. */
export function sheetTable(sheet: DumpSheet, headerRow: number): SheetTable {
  const header: string[] = [];
  for (let c = 1; ; c++) {
    const cell = sheet.cells[`${columnLetters(c)}${headerRow}`];
    if (cell === undefined || typeof cell.value !== 'string') break;
    header.push(cell.value);
  }
  const rows: Record<string, DumpValue>[] = [];
  for (let r = headerRow + 1; sheet.cells[`A${r}`] !== undefined; r++) {
    rows.push(Object.fromEntries(header.map((h, i) => [h, sheet.cells[`${columnLetters(i + 1)}${r}`]?.value ?? null])));
  }
  return { header, rows };
}

export function expectedCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(join(MINI, 'expected', name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/**
 * Compares a report cell with an expected CSV cell: numbers within 1e-6, empty with empty,
 * 1/0 flags with the report's 是/否 (or a blank cell for "no" where the report leaves it blank).
 */
export function agrees(actual: DumpValue, expected: string): boolean {
  if (expected === '') return actual === null || actual === '';
  if (expected === '1' && (actual === '是' || actual === 'Yes')) return true;
  if (expected === '0' && (actual === '否' || actual === 'No' || actual === null)) return true;
  const x = Number(expected);
  if (typeof actual === 'number' && Number.isFinite(x)) return Math.abs(actual - x) <= 1e-6;
  return actual === expected;
}

/** The differences between report rows and expected rows, column by column as the mapping says. */
export function tableDifferences(
  actual: readonly Record<string, DumpValue>[],
  expected: readonly Record<string, string>[],
  columns: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} rows, expected ${expected.length}`);
  expected.forEach((want, i) => {
    const got = actual[i] ?? {};
    for (const [header, csvColumn] of Object.entries(columns)) {
      const a = got[header] ?? null;
      const e = want[csvColumn] ?? '';
      if (!agrees(a, e)) problems.push(`row ${i + 1} ${header}: ${JSON.stringify(a)} ≠ ${csvColumn}=${JSON.stringify(e)}`);
    }
  });
  return problems;
}

/** The customer sheet's headers and the customers.csv columns they show, as both workbooks name them. */
export const CUSTOMER_COLUMNS = {
  客户编号: 'customer_id',
  分公司: 'branch',
  渠道: 'channel',
  品牌: 'brand',
  资费: 'plan',
  细分群: 'segment',
  在网月数: 'tenure_months',
  参与评分: 'eligible',
  不参与原因: 'reason',
  月均收入: 'avg_revenue',
  月均结算成本: 'avg_settlement_cost',
  月均个体成本: 'avg_individual_cost',
  月均分摊成本: 'avg_allocated',
  月均利润: 'avg_profit',
  利润得分: 'profit_score',
  信用度: 'credit',
  忠诚度: 'loyalty',
  行为测度: 'behaviour',
  价值得分: 'value',
  负价值: 'negative',
};
/** An aggregate sheet's headers and the aggregates_<group>.csv columns they show. */
export const AGGREGATE_COLUMNS = {
  客户数: 'customers',
  参与评分: 'eligible',
  月均收入合计: 'sum_avg_revenue',
  月均结算成本合计: 'sum_avg_settlement_cost',
  月均个体成本合计: 'sum_avg_individual_cost',
  月均分摊成本合计: 'sum_avg_allocated',
  月均利润合计: 'sum_avg_profit',
  利润率: 'margin',
  负价值客户数: 'negative_count',
  负价值占比: 'negative_share',
  亏损额: 'loss',
  平均价值得分: 'mean_value',
};
/** Each aggregate sheet: its name, its group column's header, and the grouping. */
export const AGGREGATE_SHEETS = [
  ['资费评估', '资费', 'plan'],
  ['分公司', '分公司', 'branch'],
  ['渠道', '渠道', 'channel'],
  ['品牌', '品牌', 'brand'],
  ['细分群', '细分群', 'segment'],
  ['价值分层', '价值分层', 'tier'],
] as const;
