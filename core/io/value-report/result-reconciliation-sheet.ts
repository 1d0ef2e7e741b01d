/**
 * 成本分摊核对 of a results set: reconciliation.csv's contract columns per pool and month, as the
 * source wrote them, with the run report's check formula over the amount and the allocated sum.
 * The set holds no customer's monthly allocation, so the per-month rounding check is not there.
 */
import type { ResultReconciliationRow } from '../../model/result-set.js';
import { columnFor, writeHeader, type ReportSheet } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';
import { withNote, type ResultReportTexts } from './result-report-texts.js';
import type { ColumnSpec } from '../xlsx-writer/workbook-writer.js';
import type { ReportStyle } from './report-styles.js';

/** A text inside an Excel formula's double quotes. */
const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function headers(texts: ReportTexts, resultTexts: ResultReportTexts): Column[] {
  const t = texts.reconciliationColumns;
  const n = resultTexts.reconciliationNotes;
  return [t.pool, t.month, t.scope, t.amount, t.customersInScope, t.status, t.moved, t.allocatedSum, withNote(t.difference, n.difference), withNote(t.check, n.check)];
}

export function resultReconciliationColumns(texts: ReportTexts, resultTexts: ResultReportTexts): ColumnSpec<ReportStyle>[] {
  return headers(texts, resultTexts).map((c, i) => columnFor(c.header, undefined, i === 0 ? 18 : i === 2 ? 16 : 12));
}

export async function writeResultReconciliationSheet(sheet: ReportSheet, rows: readonly ResultReconciliationRow[], texts: ReportTexts, resultTexts: ResultReportTexts): Promise<void> {
  await writeHeader(sheet, headers(texts, resultTexts));
  for (const r of rows) {
    const n = sheet.rowCount + 1;
    const allocated = r.status === 'allocated';
    // As Excel's ROUND(D−H, 2) = 0: half a fen either way rounds away from zero.
    const balanced = Math.round(Math.abs(r.amount - r.allocatedSum) * 100) === 0;
    await sheet.addRow([
      r.pool,
      r.month,
      r.scope,
      { value: r.amount, style: 'money' },
      { value: r.customersInScope, style: 'count' },
      allocated ? texts.allocated : { value: texts.unallocated, style: 'warning' },
      r.movedToUsers ? texts.yes : texts.no,
      { value: r.allocatedSum, style: 'money' },
      { value: r.difference, style: 'money' },
      {
        formula: `IF(F${n}=${quoted(texts.unallocated)},${quoted(texts.unallocated)},IF(ROUND(D${n}-H${n},2)=0,${quoted(texts.balanced)},${quoted(texts.unbalanced)}))`,
        value: allocated ? (balanced ? texts.balanced : texts.unbalanced) : texts.unallocated,
        style: allocated && balanced ? 'good' : 'bad',
      },
    ]);
  }
  await sheet.addRow([]);
  await sheet.addRow([resultTexts.noMonthCheck]);
}
