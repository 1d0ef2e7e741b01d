/**
 * 资费评估, 分公司, 渠道, 品牌, 细分群 and 价值分层: the aggregates of SPEC §10, one row per
 * group and a totals row of formulas. Loss-making plans are red, settlement-inverted ones amber.
 */
import type { AggregateRow, Grouping } from '../../engine/aggregates.js';
import { columnLetters } from '../xlsx-writer/cell-address.js';
import { styled, type Format, type Highlight } from './report-styles.js';
import { columnFor, numberOrEmpty, writeHeader, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';

type Figure = Exclude<keyof ReportTexts['aggregateColumns'], 'group' | 'lossMakingPlan' | 'settlementInverted'>;

const FIGURES: readonly (readonly [Figure, Format])[] = [
  ['customers', 'count'],
  ['eligible', 'count'],
  ['sumAvgRevenue', 'money'],
  ['sumAvgSettlementCost', 'money'],
  ['sumAvgIndividualCost', 'money'],
  ['sumAvgAllocated', 'money'],
  ['sumAvgProfit', 'money'],
  ['margin', 'percent'],
  ['negativeCount', 'count'],
  ['negativeShare', 'percent'],
  ['loss', 'money'],
  ['meanValue', 'score'],
];
/** Columns whose total is a plain SUM; the ratios get their own formulas. */
const SUMMED = new Set<Figure>(['customers', 'eligible', 'sumAvgRevenue', 'sumAvgSettlementCost', 'sumAvgIndividualCost', 'sumAvgAllocated', 'sumAvgProfit', 'negativeCount', 'loss']);
const letter = (f: Figure): string => columnLetters(FIGURES.findIndex(([x]) => x === f) + 2);

function headers(grouping: Grouping, texts: ReportTexts): Column[] {
  const t = texts.aggregateColumns;
  const columns = [t.group(texts.groupTitles[grouping]), ...FIGURES.map(([f]) => t[f])];
  return grouping === 'plan' ? [...columns, t.lossMakingPlan, t.settlementInverted] : columns;
}

function highlightOf(row: AggregateRow, grouping: Grouping): Highlight | undefined {
  if (grouping !== 'plan') return undefined;
  if (row.lossMakingPlan) return 'loss';
  if (row.settlementInverted) return 'inverted';
  return undefined;
}

function totalsRow(rows: readonly AggregateRow[], last: number, texts: ReportTexts): ReportCell[] {
  const sum = (f: (r: AggregateRow) => number): number => rows.reduce((acc, r) => acc + f(r), 0);
  const revenue = sum((r) => r.sumAvgRevenue);
  const profit = sum((r) => r.sumAvgProfit);
  const customers = sum((r) => r.customers);
  const cells: ReportCell[] = [{ value: texts.total, style: 'text.total' }];
  for (const [figure, format] of FIGURES) {
    const style = styled(format, 'total');
    const col = letter(figure);
    if (SUMMED.has(figure)) {
      cells.push({ formula: `SUM(${col}2:${col}${last})`, value: sum((r) => r[figure]), style });
    } else if (figure === 'margin') {
      const [p, v] = [letter('sumAvgProfit'), letter('sumAvgRevenue')];
      cells.push({ formula: `IF(${v}${last + 1}=0,"",${p}${last + 1}/${v}${last + 1})`, value: revenue === 0 ? '' : profit / revenue, style });
    } else if (figure === 'negativeShare') {
      const [n, c] = [letter('negativeCount'), letter('customers')];
      cells.push({ formula: `IF(${c}${last + 1}=0,"",${n}${last + 1}/${c}${last + 1})`, value: customers === 0 ? '' : sum((r) => r.negativeCount) / customers, style });
    } else {
      cells.push({ value: null, style });
    }
  }
  return cells;
}

export async function writeAggregateSheet(sheet: ReportSheet, rows: readonly AggregateRow[], grouping: Grouping, texts: ReportTexts): Promise<void> {
  await writeHeader(sheet, headers(grouping, texts));
  for (const row of rows) {
    const highlight = highlightOf(row, grouping);
    const cells: ReportCell[] = [{ value: row.group, style: styled('text', highlight) }];
    for (const [figure, format] of FIGURES) cells.push({ value: numberOrEmpty(row[figure]), style: styled(format, highlight) });
    if (grouping === 'plan') {
      cells.push(
        { value: row.lossMakingPlan ? texts.yes : null, style: row.lossMakingPlan ? 'bad' : styled('text', highlight) },
        { value: row.settlementInverted ? texts.yes : null, style: row.settlementInverted ? 'bad' : styled('text', highlight) },
      );
    }
    await sheet.addRow(cells);
  }
  if (rows.length > 0) await sheet.addRow(totalsRow(rows, rows.length + 1, texts));
}

export function aggregateSheetColumns(grouping: Grouping, texts: ReportTexts): ReturnType<typeof columnFor>[] {
  return headers(grouping, texts).map((h, i) => columnFor(h.header, undefined, i === 0 ? 20 : 12));
}
