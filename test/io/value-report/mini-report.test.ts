/**
 * The value report of the worked example (shared/examples/mini), read back by openpyxl and
 * recalculated by LibreOffice: every sheet is there, the figures are the expected files', and
 * every formula recalculates to the value cached with it.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cvalue } from '../../support/cvalue.js';
import { MINI, tempDir } from '../../support/paths.js';
import { compareRecalculated, formatMismatches, recalculateWithLibreOffice } from '../../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook, type WorkbookDump } from '../../support/office/openpyxl-dump.js';
import { AGGREGATE_COLUMNS, AGGREGATE_SHEETS, CUSTOMER_COLUMNS, expectedCsv, sheetTable, tableDifferences } from './report-tables.js';

const FILES = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
const dir = tempDir('mini-report');
const report = join(dir, 'mini.xlsx');
let dump: WorkbookDump;


describe('value report of the worked example', () => {
  beforeAll(async () => {
    const run = await cvalue('run', '--data', FILES.join(','), '--scenario', join(MINI, 'scenario_mini.json'), '--out', report);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    dump = await dumpWorkbook(report);
  });

  it('has every sheet, in order', () => {
    // Three loaded months make a trend, so 趋势 and 预警 follow the aggregates.
    expect(dump.sheets.map((s) => s.name)).toEqual(['说明', '客户价值明细', '资费评估', '分公司', '渠道', '品牌', '细分群', '价值分层', '趋势', '预警', '成本分摊核对', '参数', '营销评估', '数据问题']);
  });

  it('lists every customer with the figures of customers.csv', () => {
    const table = sheetTable(dumpSheet(dump, '客户价值明细'), 1);
    const expected = expectedCsv('customers.csv');
    expect(tableDifferences(table.rows, expected, CUSTOMER_COLUMNS)).toEqual([]);
    // Tiers: the expected file leaves an ineligible customer's tier empty; the report names its group.
    expect(table.rows.map((r) => r['价值分层'])).toEqual(expected.map((e) => (e['tier'] === '' ? '不参与评分' : e['tier'])));
  });

  it('keeps customer ids as text, with their leading zeros', () => {
    const ids = sheetTable(dumpSheet(dump, '客户价值明细'), 1).rows.map((r) => r['客户编号']);
    expect(ids).toEqual(['001', '002', '003', '004']);
  });

  it('makes average profit and value live formulas over the columns and 参数', () => {
    const sheet = dumpSheet(dump, '客户价值明细');
    expect(sheet.cells['N2']?.formula).toBe('=J2-L2-M2');
    expect(sheet.cells['S2']?.formula).toMatch(/^=MIN\(100,MAX\(0,'参数'!\$B\$\d+\*O2\+'参数'!\$B\$\d+\*Q2\+'参数'!\$B\$\d+\*P2\+'参数'!\$B\$\d+\*R2\)\)$/);
    // The ineligible customer has no value, so no formula.
    expect(sheet.cells['S5']).toBeUndefined();
  });

  it.each(AGGREGATE_SHEETS)('%s has the rows of aggregates_%s.csv and a totals row', (sheetName, groupHeader, grouping) => {
    const table = sheetTable(dumpSheet(dump, sheetName), 1);
    const expected = expectedCsv(`aggregates_${grouping}.csv`);
    const columns = { [groupHeader]: 'group', ...AGGREGATE_COLUMNS, ...(grouping === 'plan' ? { 亏损资费: 'loss_making_plan', 结算倒挂: 'settlement_inverted' } : {}) };
    const groups = table.rows.slice(0, -1);
    expect(tableDifferences(groups, expected, columns)).toEqual([]);
    const totals = table.rows.at(-1) ?? {};
    expect(totals[groupHeader]).toBe('合计');
    expect(totals['客户数']).toBe(4);
    expect(totals['月均利润合计']).toBeCloseTo(78.5, 9);
  });

  it('reconciles every pool and month as reconciliation.csv, with balanced checks', () => {
    const table = sheetTable(dumpSheet(dump, '成本分摊核对'), 1);
    const expected = expectedCsv('reconciliation.csv');
    const rows = table.rows.slice(0, expected.length);
    const columns = { 成本池: 'pool', 月份: 'month', 分摊范围: 'scope', 金额: 'amount', 范围内客户数: 'customers_in_scope', 已分摊合计: 'allocated_sum', 差额: 'difference', 权重_users: 'w_users', 权重_minutes: 'w_minutes', 动因合计_minutes: 'X_minutes' };
    expect(tableDifferences(rows, expected, columns)).toEqual([]);
    expect(rows.map((r) => r['状态'])).toEqual(expected.map((e) => (e['status'] === 'allocated' ? '已分摊' : '未分摊')));
    expect(rows.map((r) => r['核对'])).toEqual(expected.map((e) => (e['status'] === 'allocated' ? '平' : '未分摊')));
  });

  it('checks per month that the rounded allocations add up to the allocated pools', () => {
    const sheet = dumpSheet(dump, '成本分摊核对');
    const titleRow = Object.entries(sheet.cells).find(([, c]) => c.value === '按月核对（客户分摊额取整到分）')?.[0];
    expect(titleRow).toBeDefined();
    const table = sheetTable(sheet, Number(titleRow?.slice(1)) + 1);
    const expected = expectedCsv('reconciliation_months.csv');
    expect(table.rows.slice(0, expected.length).map((r) => [r['月份'], r['已分摊成本池合计'], r['客户分摊额合计（取整）'], r['差额']])).toEqual(
      expected.map((e) => [e['month'], Number(e['allocated_pools_total']), Number(e['rounded_customer_sum']), 0]),
    );
    expect(Object.values(sheet.cells).some((c) => typeof c.value === 'string' && c.value.startsWith('取整规则'))).toBe(true);
  });

  it('evaluates the campaigns as campaigns.csv', () => {
    const table = sheetTable(dumpSheet(dump, '营销评估'), 1);
    const columns = { 营销活动: 'campaign', 参与客户数: 'participants', 可评估客户数: 'evaluated', 排除客户数: 'excluded', '活动成本（全部）': 'cost_all', '活动成本（可评估）': 'cost_evaluated', 增量利润: 'incremental_profit', ROI: 'roi', 资源浪费占比: 'negative_before_share' };
    expect(tableDifferences(table.rows, expectedCsv('campaigns.csv'), columns)).toEqual([]);
  });

  it('states the KPIs, the run and the inputs on 说明', () => {
    const sheet = dumpSheet(dump, '说明');
    const pairs = new Map<string, unknown>();
    for (let r = 1; r <= sheet.maxRow; r++) {
      const label = sheet.cells[`A${r}`]?.value;
      if (typeof label === 'string') pairs.set(label, sheet.cells[`B${r}`]?.value ?? null);
    }
    expect(pairs.get('方案')).toBe('mini');
    expect(pairs.get('评估月')).toBe('2026-03');
    expect(pairs.get('客户数')).toBe(4);
    expect(pairs.get('参与评分客户数')).toBe(3);
    expect(pairs.get('负价值客户数')).toBe(1);
    expect(pairs.get('负价值客户亏损合计（元/月）')).toBe(-3);
    expect(pairs.get('分层 A 客户数')).toBe(1);
    expect(pairs.get('分层 不参与评分 客户数')).toBe(1);
    const shas = Object.values(sheet.cells).filter((c) => typeof c.value === 'string' && /^[0-9a-f]{64}$/.test(c.value));
    expect(shas).toHaveLength(FILES.length);
    expect(sheet.images).toBe(5);
  });

  it('gives the last trend month the KPIs of 说明 on 趋势', () => {
    const sheet = dumpSheet(dump, '趋势');
    const header = Object.entries(sheet.cells).find(([, c]) => c.value === '每月关键指标')?.[0];
    const table = sheetTable(sheet, Number(header?.slice(1)) + 1);
    expect(table.rows.map((r) => r['评估月'])).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(table.rows.at(-1)).toMatchObject({ 客户数: 4, 参与评分客户数: 3, 负价值客户数: 1, 负价值客户亏损合计: -3, 负价值占比: 0.25 });
    expect(table.rows.at(-1)?.['月均利润合计']).toBeCloseTo(78.5, 9);
  });

  it('lists the weights on 参数 where the value formulas find them, and the scenario JSON', () => {
    const sheet = dumpSheet(dump, '参数');
    const formula = dumpSheet(dump, '客户价值明细').cells['S2']?.formula ?? '';
    const refs = [...formula.matchAll(/\$B\$(\d+)/g)].map((m) => sheet.cells[`B${m[1]}`]?.value);
    expect(refs).toEqual([0.7, 0.1, 0.1, 0.1]);
    expect(Object.values(sheet.cells).some((c) => c.value === '  "name": "mini",')).toBe(true);
  });

  it('formats money, freezes headers and explains columns in notes', () => {
    const sheet = dumpSheet(dump, '客户价值明细');
    expect(sheet.cells['J2']?.numberFormat).toBe('¥#,##0.00;[Red]-¥#,##0.00');
    expect(sheet.frozen).toBe('B2');
    expect(sheet.autoFilter).toMatch(/^A1:U5$/);
    expect(sheet.cells['N1']?.comment).toContain('月均收入 − 月均个体成本 − 月均分摊成本');
  });

  it('recalculates in LibreOffice to every cached value', async () => {
    const recalculated = await dumpWorkbook(await recalculateWithLibreOffice(report, join(dir, 'recalc')), { dataOnly: true });
    const mismatches = compareRecalculated(dump, recalculated);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    const formulas = dump.sheets.reduce((n, s) => n + Object.values(s.cells).filter((c) => c.formula !== undefined).length, 0);
    expect(formulas).toBeGreaterThan(40);
    // The trend sheets' formulas were among those compared.
    expect(Object.values(dumpSheet(dump, '趋势').cells).filter((c) => c.formula !== undefined).length).toBeGreaterThan(0);
  });
});
