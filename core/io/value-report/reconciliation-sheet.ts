/**
 * 成本分摊核对 (SPEC §10): per pool and month the amount, scope, weights and driver totals, the
 * allocated sum, the difference and a check, both formulas; then per month the check that the
 * customers' allocations rounded to the fen add up exactly to the allocated pools, and the rule.
 */
import { DRIVERS } from '../../model/scenario.js';
import { reconcileMonths } from '../../engine/month-reconciliation.js';
import type { ModelResult } from '../../engine/run-model.js';
import { writeHeader, writeTitle, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

/** A text inside an Excel formula's double quotes. */
const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function reconciliationColumns(texts: ReportTexts): { header: string; note: string }[] {
  const t = texts.reconciliationColumns;
  return [
    t.pool, t.month, t.scope, t.amount, t.customersInScope, t.status, t.moved, t.allocatedSum, t.difference, t.check,
    ...DRIVERS.map(t.weight), ...DRIVERS.map(t.total),
  ];
}

export async function writeReconciliationSheet(sheet: ReportSheet, result: ModelResult, texts: ReportTexts): Promise<void> {
  await writeHeader(sheet, reconciliationColumns(texts));
  for (const r of result.allocation.reconciliation) {
    const n = sheet.rowCount + 1;
    const amount = r.amountFen / 100;
    const difference = amount - r.allocatedSum;
    const balanced = Math.round(difference * 100) === 0;
    await sheet.addRow([
      r.pool,
      r.month,
      r.scope,
      { value: amount, style: 'money' },
      { value: r.customersInScope, style: 'count' },
      r.allocated ? texts.allocated : { value: texts.unallocated, style: 'warning' },
      r.movedDrivers.length > 0 ? `${texts.yes}（${r.movedDrivers.join('、')}）` : texts.no,
      { value: r.allocatedSum, style: 'money' },
      { formula: `D${n}-H${n}`, value: difference, style: 'money' },
      {
        formula: `IF(F${n}=${quoted(texts.unallocated)},${quoted(texts.unallocated)},IF(ROUND(I${n},2)=0,${quoted(texts.balanced)},${quoted(texts.unbalanced)}))`,
        value: r.allocated ? (balanced ? texts.balanced : texts.unbalanced) : texts.unallocated,
        style: r.allocated && balanced ? 'good' : 'bad',
      },
      ...r.weights,
      ...r.totals.map((x) => ({ value: x, style: 'number' as const })),
    ]);
  }

  await sheet.addRow([]);
  await writeTitle(sheet, texts.monthCheckTitle);
  const m = texts.monthColumns;
  await writeHeader(sheet, [m.month, m.poolsTotal, m.allocatedPools, m.roundedSum, m.difference]);
  for (const month of reconcileMonths(result)) {
    const n = sheet.rowCount + 1;
    await sheet.addRow([
      month.month,
      { value: month.poolsFen / 100, style: 'money' },
      { value: month.allocatedPoolsFen / 100, style: 'money' },
      { value: month.roundedFen / 100, style: 'money' },
      { formula: `C${n}-D${n}`, value: (month.allocatedPoolsFen - month.roundedFen) / 100, style: 'money' },
    ]);
  }
  await sheet.addRow([]);
  // Not wrapped: the rule spills across the empty cells to its right rather than making one tall row.
  await sheet.addRow([texts.roundingRule]);
}
