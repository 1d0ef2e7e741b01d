/**
 * 趋势 and 预警 in the value report (issue 6) on a generated six-month province: the figures are
 * the engine's trend and warnings, the 合计 rows are formulas that LibreOffice recalculates to
 * them, the rules state the scenario's thresholds, and the English report names everything in
 * English. The CLI adds both sheets by default and leaves them out with --no-trend.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { earlyWarnings } from '../../../core/engine/early-warnings/early-warnings.js';
import type { Warning } from '../../../core/engine/early-warnings/warning.js';
import { ModelSession, type ModelResult } from '../../../core/engine/run-model.js';
import { computeTrend, TREND_GROUPINGS, type Trend } from '../../../core/engine/trend/trend.js';
import { trendMonths } from '../../../core/engine/trend/trend-months.js';
import { trendGroupSeries, trendMonthKpis } from '../../../core/engine/trend/trend-summary.js';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import { exportValueReport } from '../../../core/io/value-report/export-value-report.js';
import { columnLetters } from '../../../core/io/xlsx-writer/cell-address.js';
import { monthKey } from '../../../core/model/month.js';
import { parseScenario, type Scenario } from '../../../core/model/scenario.js';
import { WARNING_RULE_NAMES, WARNING_SUBJECT_NAMES } from '../../../core/model/warning-rule-names.js';
import { cvalue } from '../../support/cvalue.js';
import { tempDir } from '../../support/paths.js';
import { compareRecalculated, formatMismatches, recalculateWithLibreOffice } from '../../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook, type DumpSheet, type DumpValue, type WorkbookDump } from '../../support/office/openpyxl-dump.js';
import { sheetTable, type SheetTable } from './report-tables.js';

const dir = tempDir('trend-sheets');
const data = join(dir, 'data');
/** Thresholds away from the defaults, and one rule off, so the texts must come from the scenario. */
const SCENARIO = { name: '趋势测试', warnings: { value_drop: { points: 15, tiers: 2 }, share_rise: { points: 2 }, credit_arrears: { credit_below: 90 }, plan_flags: { enabled: false } } };

let scenario: Scenario;
let result: ModelResult;
let trend: Trend;
let warnings: Warning[];
let zh: WorkbookDump;
let en: WorkbookDump;
const zhPath = join(dir, 'zh.xlsx');

function parsed(raw: unknown): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.scenario;
}

/** The row (1-based) whose column A holds `text`. */
function rowOf(sheet: DumpSheet, text: string): number {
  for (let r = 1; r <= sheet.maxRow; r++) if (sheet.cells[`A${r}`]?.value === text) return r;
  throw new Error(`"${text}" is not in column A of ${sheet.name}`);
}

/** The table under the title `title` (its header is the next row). */
function tableUnder(sheet: DumpSheet, title: string): SheetTable {
  return sheetTable(sheet, rowOf(sheet, title) + 1);
}

function close(actual: DumpValue | undefined, expected: number): boolean {
  return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe('趋势 and 预警 sheets over six trend months (an eight-month sample: the first two lack a full window)', () => {
  beforeAll(async () => {
    expect((await cvalue('sample', '--customers', '1500', '--months', '8', '--out-dir', data)).code).toBe(0);
    const read = await readInputFiles([data]);
    if (!read.ok) throw new Error('sample data did not read');
    scenario = parsed(SCENARIO);
    result = new ModelSession(read.input).run(scenario);
    trend = computeTrend(read.input, scenario, trendMonths(read.input, scenario));
    warnings = earlyWarnings(trend, scenario.warnings);
    const request = { result, trend, preset: 'summary', sources: [], appVersion: 'test' } as const;
    await exportValueReport(zhPath, { ...request, lang: 'zh' });
    await exportValueReport(join(dir, 'en.xlsx'), { ...request, lang: 'en' });
    zh = await dumpWorkbook(zhPath);
    en = await dumpWorkbook(join(dir, 'en.xlsx'));
  }, 120_000);

  it('places 趋势 and 预警 after the aggregate sheets', () => {
    const names = zh.sheets.map((s) => s.name);
    expect(trend.months.map((m) => monthKey(m.month))).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(names.slice(names.indexOf('价值分层'), names.indexOf('价值分层') + 4)).toEqual(['价值分层', '趋势', '预警', '成本分摊核对']);
  });

  it('gives every trend month its KPIs as the engine computes them', () => {
    const sheet = dumpSheet(zh, '趋势');
    expect(sheet.cells['A1']?.value).toBe('价值趋势：2026-04 至 2026-09（6 个评估月）');
    const table = tableUnder(sheet, '每月关键指标');
    expect(table.rows.map((r) => r['评估月'])).toEqual(trend.months.map((m) => monthKey(m.month)));
    trend.months.forEach((m, i) => {
      const k = trendMonthKpis(trend, m);
      const row = table.rows[i] ?? {};
      expect([row['客户数'], row['参与评分客户数'], row['负价值客户数']]).toEqual([k.customers, k.eligible, k.negativeCount]);
      expect(close(row['负价值客户亏损合计'], k.loss)).toBe(true);
      expect(close(row['月均利润合计'], k.totalProfit)).toBe(true);
      expect(close(row['负价值占比'], k.negativeCount / k.customers)).toBe(true);
      for (const t of k.tiers) expect(row[`分层 ${t.tier}`], `${monthKey(m.month)} ${t.tier}`).toBe(t.customers);
    });
    // The last trend month is the report's own month: its KPIs are the run's.
    const last = table.rows.at(-1) ?? {};
    expect(last['客户数']).toBe(result.window.table.length);
    expect(last['参与评分客户数']).toBe(result.eligibility.eligibleList.length);
  });

  it.each(TREND_GROUPINGS)('lists each %s by month, months as columns, with a 合计 row of formulas', (grouping) => {
    const sheet = dumpSheet(zh, '趋势');
    const title = { plan: '资费', branch: '分公司', channel: '渠道' }[grouping];
    const headerRow = rowOf(sheet, `${title}：各月负价值`) + 1;
    const table = sheetTable(sheet, headerRow);
    const months = trend.months.map((m) => monthKey(m.month));
    expect(table.header).toEqual([title, ...['客户数', '负价值客户数', '负价值占比', '亏损额'].flatMap((measure) => months.map((m) => `${measure}\n${m}`))]);
    const series = trendGroupSeries(trend, grouping);
    expect(table.rows.map((r) => r[title])).toEqual([...series.map((s) => s.group), '合计']);
    const problems: string[] = [];
    series.forEach((s, g) => {
      s.months.forEach((m, i) => {
        const row = table.rows[g] ?? {};
        const cell = (measure: string): DumpValue => row[`${measure}\n${months[i] ?? ''}`] ?? null;
        if (m === null) {
          if (cell('客户数') !== null) problems.push(`${s.group} ${months[i]} should be empty`);
          return;
        }
        if (cell('客户数') !== m.customers || cell('负价值客户数') !== m.negativeCount) problems.push(`${s.group} ${months[i]} counts`);
        if (!close(cell('负价值占比'), m.negativeShare) || !close(cell('亏损额'), m.loss)) problems.push(`${s.group} ${months[i]} share/loss`);
      });
    });
    expect(problems).toEqual([]);
    // 合计: SUM over the group rows, the share as a ratio of the totals; cached values are the month's KPIs.
    const totalRow = headerRow + series.length + 1;
    trend.months.forEach((m, i) => {
      const k = trendMonthKpis(trend, m);
      const [customers, negative, share, loss] = [0, 1, 2, 3].map((block) => columnLetters(2 + block * months.length + i));
      expect(sheet.cells[`${customers}${totalRow}`]?.formula).toBe(`=SUM(${customers}${headerRow + 1}:${customers}${totalRow - 1})`);
      expect(sheet.cells[`${customers}${totalRow}`]?.value).toBe(k.customers);
      expect(sheet.cells[`${negative}${totalRow}`]?.value).toBe(k.negativeCount);
      expect(sheet.cells[`${share}${totalRow}`]?.formula).toBe(`=IF(${customers}${totalRow}=0,"",${negative}${totalRow}/${customers}${totalRow})`);
      expect(close(sheet.cells[`${share}${totalRow}`]?.value, k.negativeCount / k.customers)).toBe(true);
      expect(sheet.cells[`${loss}${totalRow}`]?.formula).toBe(`=SUM(${loss}${headerRow + 1}:${loss}${totalRow - 1})`);
      expect(close(sheet.cells[`${loss}${totalRow}`]?.value, k.loss)).toBe(true);
    });
    expect(sheet.cells[`C${headerRow + 1}`]?.numberFormat).toBe('#,##0');
    expect(sheet.cells[`${columnLetters(2 + 3 * months.length)}${headerRow + 1}`]?.numberFormat).toBe('¥#,##0.00;[Red]-¥#,##0.00');
    expect(sheet.cells[`${columnLetters(2 + 2 * months.length)}${headerRow + 1}`]?.numberFormat).toBe('0.00%;[Red]-0.00%');
  });

  it('lists every early warning in the engine order, with live changes', () => {
    expect(warnings.length).toBeGreaterThan(0);
    const sheet = dumpSheet(zh, '预警');
    const headerRow = rowOf(sheet, '月份');
    const table = sheetTable(sheet, headerRow);
    expect(table.header).toEqual(['月份', '规则', '对象类型', '对象', '上月', '本月', '变化', '说明']);
    expect(table.rows).toHaveLength(warnings.length);
    const problems: string[] = [];
    warnings.forEach((w, i) => {
      const row = table.rows[i] ?? {};
      const expected = [monthKey(w.month), WARNING_RULE_NAMES[w.rule].zh, WARNING_SUBJECT_NAMES[w.subjectKind].zh, w.subject];
      if (JSON.stringify([row['月份'], row['规则'], row['对象类型'], row['对象']]) !== JSON.stringify(expected)) problems.push(`row ${i + 1}: ${JSON.stringify(row)}`);
      if (!close(row['本月'], w.after)) problems.push(`row ${i + 1} after`);
      if (Number.isNaN(w.before) ? row['上月'] !== null || row['变化'] !== null : !close(row['上月'], w.before) || !close(row['变化'], w.after - w.before)) problems.push(`row ${i + 1} before/change`);
      const r = headerRow + 1 + i;
      if (sheet.cells[`G${r}`]?.formula !== `=IF(OR(E${r}="",F${r}=""),"",F${r}-E${r})`) problems.push(`row ${i + 1} change formula`);
    });
    expect(problems).toEqual([]);
    // Customer ids stay text (the sample's are phone numbers, which a number cell would mangle).
    expect(table.rows.filter((r) => r['对象类型'] === '客户').every((r) => typeof r['对象'] === 'string')).toBe(true);
    const valueDrop = warnings.findIndex((w) => w.rule === 'value_drop');
    expect(valueDrop).toBeGreaterThanOrEqual(0);
    expect(table.rows[valueDrop]?.['说明']).toBe(warnings[valueDrop]?.detail);
    expect(sheet.cells[`E${headerRow + 1 + valueDrop}`]?.numberFormat).toBe('0.00');
    // Arrears read as words in the report; the engine's detail keeps its machine form for the CSV.
    const arrears = warnings.findIndex((w) => w.rule === 'credit_arrears');
    expect(arrears).toBeGreaterThanOrEqual(0);
    expect(table.rows[arrears]?.['说明']).toBe(warnings[arrears]?.detail?.replace('arrears=', '欠费 '));
    const share = warnings.findIndex((w) => w.rule === 'share_rise');
    expect(table.rows[share]?.['说明']).toMatch(/^上升 \d+\.\d\d 个百分点$/);
  });

  it('names each rule with its count and the scenario threshold above a frozen, filtered header', () => {
    const sheet = dumpSheet(zh, '预警');
    expect(sheet.cells['A1']?.value).toBe(`预警：2026-05 至 2026-09，共 ${warnings.length} 条（按相邻两个评估月比较）`);
    // The rule block sits under the table's 规则 column: B name, C count, D condition.
    expect([2, 3, 4].map((r) => sheet.cells[`${columnLetters(r)}2`]?.value)).toEqual(['规则', '条数', '触发条件（方案门槛）']);
    const rules = [3, 4, 5, 6, 7].map((r) => ({ 规则: sheet.cells[`B${r}`]?.value, 条数: sheet.cells[`C${r}`]?.value, '触发条件（方案门槛）': sheet.cells[`D${r}`]?.value }));
    const byName = new Map(rules.map((r) => [r['规则'], r]));
    for (const [rule, name] of Object.entries(WARNING_RULE_NAMES)) {
      expect(byName.get(name.zh)?.['条数'], rule).toBe(warnings.filter((w) => w.rule === rule).length);
    }
    const text = (rule: keyof typeof WARNING_RULE_NAMES): string => String(byName.get(WARNING_RULE_NAMES[rule].zh)?.['触发条件（方案门槛）']);
    expect(text('value_drop')).toContain('价值得分下降 ≥ 15 分，或分层下降 ≥ 2 层');
    expect(text('share_rise')).toContain('≥ 2 个百分点');
    expect(text('credit_arrears')).toContain('信用度 < 90');
    expect(text('plan_flags')).toMatch(/^（未启用）/);
    expect(text('negative_turn')).not.toMatch(/未启用/);
    const headerRow = rowOf(sheet, '月份');
    expect(sheet.frozen).toBe(`A${headerRow + 1}`);
    expect(sheet.autoFilter).toBe(`A${headerRow}:H${headerRow + warnings.length}`);
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) expect(sheet.cells[`${col}${headerRow}`]?.comment, col).toBeTruthy();
    expect(sheet.cells[`G${headerRow}`]?.comment).toContain('本月 − 上月');
  });

  it('mentions the two sheets on 说明', () => {
    const texts = Object.values(dumpSheet(zh, '说明').cells).map((c) => c.value);
    expect(texts.some((t) => typeof t === 'string' && t.includes('“趋势”') && t.includes('“预警”'))).toBe(true);
  });

  it('is English in the English report', () => {
    const names = en.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Trend', 'Warnings']));
    expect(names).not.toContain('趋势');
    const trendSheet = dumpSheet(en, 'Trend');
    expect(trendSheet.cells['A1']?.value).toBe('Value over time: 2026-04 to 2026-09 (6 evaluation months)');
    expect(tableUnder(trendSheet, 'Key figures by month').header.slice(0, 4)).toEqual(['Month', 'Customers', 'Scored customers', 'Negative-value customers']);
    const plans = tableUnder(trendSheet, 'Plan: negative value by month');
    expect(plans.header[1]).toBe('Customers\n2026-04');
    expect(plans.rows.at(-1)?.['Plan']).toBe('Total');
    const sheet = dumpSheet(en, 'Warnings');
    const table = sheetTable(sheet, rowOf(sheet, 'Month'));
    expect(table.header).toEqual(['Month', 'Rule', 'Subject kind', 'Subject', 'Before', 'After', 'Change', 'Detail']);
    expect(table.rows.map((r) => r['Rule'])).toEqual(warnings.map((w) => WARNING_RULE_NAMES[w.rule].en));
    expect(table.rows.map((r) => r['Subject kind'])).toEqual(warnings.map((w) => WARNING_SUBJECT_NAMES[w.subjectKind].en));
    expect(sheet.cells['B4']?.value).toBe('Value drop');
    expect(String(sheet.cells['D4']?.value)).toContain('Value fell by ≥ 15 points');
    expect(String(sheet.cells['D7']?.value)).toMatch(/^\(switched off\)/);
    const arrears = table.rows.find((r) => r['Rule'] === 'Low credit with arrears');
    expect(String(arrears?.['Detail'])).toMatch(/^Arrears \d/);
  });

  it('recalculates in LibreOffice to the cached trend and warning figures', async () => {
    const recalculated = await dumpWorkbook(await recalculateWithLibreOffice(zhPath, join(dir, 'recalc')), { dataOnly: true });
    const mismatches = compareRecalculated(zh, recalculated);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    for (const name of ['趋势', '预警']) {
      const formulas = Object.values(dumpSheet(zh, name).cells).filter((c) => c.formula !== undefined);
      expect(formulas.length, name).toBeGreaterThan(name === '预警' ? warnings.length - 1 : 3 * 4 * trend.months.length);
      expect(recalculated.sheets.some((s) => s.name === name)).toBe(true);
    }
  });

  it('leaves both sheets out without a trend, or with a single month', async () => {
    const none = join(dir, 'none.xlsx');
    const sheets = await exportValueReport(none, { result, preset: 'summary', lang: 'zh', sources: [], appVersion: 'test' });
    expect(sheets).not.toContain('趋势');
    const one = join(dir, 'one.xlsx');
    const single = { ...trend, months: trend.months.slice(-1) };
    expect(await exportValueReport(one, { result, trend: single, preset: 'summary', lang: 'zh', sources: [], appVersion: 'test' })).not.toContain('预警');
  });

  it('cvalue run --out adds them from the data, and --no-trend leaves them out', async () => {
    const scenarioFile = join(dir, 'trend.scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(SCENARIO));
    const withTrend = join(dir, 'cli.xlsx');
    const run = await cvalue('run', '--data', data, '--scenario', scenarioFile, '--out', withTrend, '--preset', 'summary');
    expect(run.err).toBe('');
    expect(run.out).toContain('2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09');
    const dump = await dumpWorkbook(withTrend);
    // The same warnings as the engine's, row for row.
    const sheet = dumpSheet(dump, '预警');
    expect(sheetTable(sheet, rowOf(sheet, '月份')).rows.map((r) => r['对象'])).toEqual(warnings.map((w) => w.subject));
    const noTrend = join(dir, 'cli-no-trend.xlsx');
    expect((await cvalue('run', '--data', data, '--out', noTrend, '--preset', 'summary', '--no-trend')).code).toBe(0);
    const names = (await dumpWorkbook(noTrend, { maxRows: 1 })).sheets.map((s) => s.name);
    expect(names).not.toContain('趋势');
    expect(names).not.toContain('预警');
    expect(names).toContain('价值分层');
  });
});
