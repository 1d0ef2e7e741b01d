/**
 * 方案对比 (SPEC §12): negative-value change, the tier migration matrix with totals, per-plan and
 * per-branch changes, and the customers whose tier changed. Changes and totals are formulas.
 */
import type { GroupChange, RunComparison, TierChange } from '../../engine/compare-runs.js';
import type { ModelResult } from '../../engine/run-model.js';
import { columnLetters, MAX_ROWS } from '../xlsx-writer/cell-address.js';
import { smallestK } from './key-customers.js';
import { numberOrEmpty, writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

async function writeMigration(sheet: ReportSheet, cmp: RunComparison, texts: ReportTexts): Promise<void> {
  const last = columnLetters(cmp.tiersB.length + 1);
  const total = columnLetters(cmp.tiersB.length + 2);
  await writeHeader(sheet, ['A \\ B', ...cmp.tiersB, texts.total]);
  const first = sheet.rowCount + 1;
  for (let i = 0; i < cmp.tiersA.length; i++) {
    const n = sheet.rowCount + 1;
    const counts = cmp.migration[i] as readonly number[];
    await sheet.addRow([
      { value: cmp.tiersA[i] as string, style: 'label' },
      ...counts.map((x) => ({ value: x, style: 'count' as const })),
      { formula: `SUM(B${n}:${last}${n})`, value: counts.reduce((a, b) => a + b, 0), style: 'count.total' },
    ]);
  }
  const end = sheet.rowCount;
  const column = (j: number): number => cmp.migration.reduce((acc, row) => acc + (row[j] as number), 0);
  const sums: ReportCell[] = cmp.tiersB.map((_, j) => {
    const col = columnLetters(j + 2);
    return { formula: `SUM(${col}${first}:${col}${end})`, value: column(j), style: 'count.total' };
  });
  const all = cmp.migration.reduce((acc, row) => acc + row.reduce((a, b) => a + b, 0), 0);
  await sheet.addRow([{ value: texts.total, style: 'text.total' }, ...sums, { formula: `SUM(${total}${first}:${total}${end})`, value: all, style: 'count.total' }]);
}

async function writeGroupChanges(sheet: ReportSheet, changes: readonly GroupChange[], texts: ReportTexts): Promise<void> {
  await writeHeader(sheet, texts.comparison.changeColumns);
  for (const g of changes) {
    const n = sheet.rowCount + 1;
    await sheet.addRow([
      g.group,
      { value: g.allocatedA, style: 'money' },
      { value: g.allocatedB, style: 'money' },
      { formula: `C${n}-B${n}`, value: g.allocatedB - g.allocatedA, style: 'money' },
      { value: g.profitA, style: 'money' },
      { value: g.profitB, style: 'money' },
      { formula: `F${n}-E${n}`, value: g.profitB - g.profitA, style: 'money' },
    ]);
  }
}

export async function writeComparisonSheet(
  sheet: ReportSheet,
  a: ModelResult,
  b: ModelResult,
  cmp: RunComparison,
  texts: ReportTexts,
  tierChangeCap: number,
): Promise<void> {
  const t = texts.comparison;
  await writeTitle(sheet, t.title(a.scenario.name, b.scenario.name));
  await sheet.addRow([]);
  await writeTitle(sheet, t.headline);
  await writeHeader(sheet, t.headlineColumns);
  for (const [label, x, y, style] of [
    [t.negativeCount, cmp.negativeCountA, cmp.negativeCountB, 'count'],
    [t.loss, cmp.lossA, cmp.lossB, 'money'],
  ] as const) {
    const n = sheet.rowCount + 1;
    await sheet.addRow([label, { value: x, style }, { value: y, style }, { formula: `C${n}-B${n}`, value: y - x, style }]);
  }
  await sheet.addRow([]);
  await writeTitle(sheet, t.migration);
  await writeMigration(sheet, cmp, texts);
  await sheet.addRow([]);
  await writeTitle(sheet, t.plans);
  await writeGroupChanges(sheet, cmp.plans, texts);
  await sheet.addRow([]);
  await writeTitle(sheet, t.branches);
  await writeGroupChanges(sheet, cmp.branches, texts);
  await sheet.addRow([]);

  // Largest moves first; a move into or out of 不参与评分 (no value on one side) counts as largest.
  const room = MAX_ROWS - sheet.rowCount - 3;
  const cap = Math.min(tierChangeCap, room);
  const changes = cmp.tierChanges;
  const move = (i: number): number => {
    const change = changes[i] as TierChange;
    const d = Math.abs(change.valueB - change.valueA);
    return Number.isNaN(d) ? -Infinity : -d;
  };
  const shown = smallestK(Int32Array.from(changes.keys()), move, cap);
  await writeTitle(sheet, t.tierChanges);
  await sheet.addRow([t.listed(shown.length, changes.length)]);
  await writeHeader(sheet, t.tierChangeColumns);
  const ids = a.input.facts.customerIds;
  for (const i of shown) {
    const change = changes[i];
    if (change === undefined) continue;
    await sheet.addRow([ids.at(change.customer), change.tierA, change.tierB, { value: numberOrEmpty(change.valueA), style: 'score' }, { value: numberOrEmpty(change.valueB), style: 'score' }]);
  }
}
