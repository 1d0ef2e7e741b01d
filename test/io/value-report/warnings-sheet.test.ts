/**
 * 预警 for the cases a sample seldom shows: a plan new this month that starts flagged (no figure
 * before, so no change), every kind of detail in each language (worded as the 预警 screen words
 * them), and text from input files that looks like a formula.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../../core/engine/early-warnings/warning.js';
import type { Trend } from '../../../core/engine/trend/trend.js';
import { REPORT_STYLES, type ReportStyle } from '../../../core/io/value-report/report-styles.js';
import { reportTexts } from '../../../core/io/value-report/report-texts.js';
import { warningsSheetOptions, writeWarningsSheet } from '../../../core/io/value-report/warnings-sheet.js';
import { createWorkbookWriter } from '../../../core/io/xlsx-writer/workbook-writer.js';
import type { Lang } from '../../../core/model/messages.js';
import { monthNumber } from '../../../core/model/month.js';
import { parseScenario } from '../../../core/model/scenario.js';
import { tempDir } from '../../support/paths.js';
import { compareRecalculated, formatMismatches, recalculateWithLibreOffice } from '../../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook } from '../../support/office/openpyxl-dump.js';
import { sheetTable } from './report-tables.js';

const dir = tempDir('warnings-sheet');
const [m1, m2] = [monthNumber('2026-08'), monthNumber('2026-09')];
/** Only the months matter to the sheet (its title); the rules already ran. */
const trend = { months: [{ month: m1 }, { month: m2 }] } as unknown as Trend;
const WARNINGS: Warning[] = [
  { rule: 'credit_arrears', subjectKind: 'customer', subject: '007', month: m2, before: NaN, after: 31.5, detail: 'arrears=12.5' },
  { rule: 'plan_flags', subjectKind: 'plan', subject: '=新资费', month: m2, before: NaN, after: -250, detail: '亏损资费' },
  { rule: 'plan_flags', subjectKind: 'plan', subject: 'GPRS流量包', month: m2, before: -10, after: 40, detail: '结算倒挂' },
  { rule: 'share_rise', subjectKind: 'branch', subject: '郑州', month: m2, before: 0.1, after: 0.13, detail: '+3.00pp' },
];

async function written(lang: Lang) {
  const parsed = parseScenario({});
  if (!parsed.ok) throw new Error('default scenario');
  const path = join(dir, `${lang}.xlsx`);
  const book = await createWorkbookWriter<ReportStyle>(path, { styles: REPORT_STYLES });
  const sheet = book.addSheet('预警', warningsSheetOptions());
  await writeWarningsSheet(sheet, trend, WARNINGS, parsed.scenario.warnings, reportTexts(lang), lang);
  await sheet.end();
  await book.end();
  const dump = await dumpWorkbook(path);
  const dumped = dumpSheet(dump, '预警');
  return { path, dump, sheet: dumped, rows: sheetTable(dumped, 8).rows };
}

describe('预警 sheet', () => {
  it('leaves before and change empty for a plan new this month, and money-formats plan figures', async () => {
    const { path, dump, sheet, rows } = await written('zh');
    expect(rows.map((r) => [r['规则'], r['对象类型'], r['对象'], r['上月'], r['本月'], r['变化'], r['说明']])).toEqual([
      ['低信用欠费', '客户', '007', null, 31.5, null, '欠费 12.5'],
      ['资费异常', '资费', '=新资费', null, -250, null, '亏损资费'],
      ['资费异常', '资费', 'GPRS流量包', -10, 40, 50, '结算倒挂'],
      ['负值占比上升', '分公司', '郑州', 0.1, 0.13, 0.13 - 0.1, '上升 3.00 个百分点'],
    ]);
    expect(sheet.cells['G12']?.numberFormat).toBe('0.00%;[Red]-0.00%');
    // The change is still a formula (empty cached text, which openpyxl reads as None).
    expect(sheet.cells['G10']?.formula).toBe('=IF(OR(E10="",F10=""),"",F10-E10)');
    expect(sheet.cells['D10']?.formula).toBeUndefined();
    expect(sheet.cells['F10']?.numberFormat).toBe('¥#,##0.00;[Red]-¥#,##0.00');
    expect(sheet.cells['F9']?.numberFormat).toBe('0.00');
    expect(sheet.cells['A1']?.value).toBe('预警：2026-09，共 4 条（按相邻两个评估月比较）');
    // LibreOffice agrees: an empty before gives an empty change, not 0 or an error.
    const recalculated = await dumpWorkbook(await recalculateWithLibreOffice(path, join(dir, 'recalc')), { dataOnly: true });
    const mismatches = compareRecalculated(dump, recalculated);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    expect(dumpSheet(recalculated, '预警').cells['G11']?.value).toBe(50);
  });

  it('translates the plan flags and arrears in English', async () => {
    const { rows } = await written('en');
    expect(rows.map((r) => [r['Rule'], r['Subject kind'], r['Detail']])).toEqual([
      ['Low credit with arrears', 'Customer', 'Arrears 12.5'],
      ['Plan flagged', 'Plan', 'Loss-making plan'],
      ['Plan flagged', 'Plan', 'Settlement inverted'],
      ['Negative share rise', 'Branch', 'Up 3.00 percentage points'],
    ]);
  });
});
