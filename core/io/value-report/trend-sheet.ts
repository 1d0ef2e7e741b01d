/**
 * 趋势 (issue 6): the KPIs of every trend month, then one table per plan, branch and channel
 * with the months as columns — an analyst reads a trend left to right — in four blocks
 * (customers, negative count, negative share, loss) and a 合计 row of formulas.
 */
import type { Trend, TrendGrouping } from '../../engine/trend/trend.js';
import { TREND_GROUPINGS } from '../../engine/trend/trend.js';
import { trendGroupSeries, trendMonthKpis, type TrendGroupMonth, type TrendGroupSeries, type TrendKpis } from '../../engine/trend/trend-summary.js';
import { monthKey } from '../../model/month.js';
import { columnLetters } from '../xlsx-writer/cell-address.js';
import type { ColumnSpec } from '../xlsx-writer/workbook-writer.js';
import { styled, type Format, type ReportStyle } from './report-styles.js';
import { writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';

type Measure = keyof TrendGroupMonth;
const MEASURES: readonly (readonly [Measure, Format])[] = [
  ['customers', 'count'],
  ['negativeCount', 'count'],
  ['negativeShare', 'percent'],
  ['loss', 'money'],
];
/** Two lines of header text (measure, month) in a column of normal width. */
const HEADER_HEIGHT = 32;

/** Tier names in the first month's order, then any that only later months have (e.g. 不参与评分). */
function tierColumns(kpis: readonly TrendKpis[]): string[] {
  const names: string[] = [];
  for (const k of kpis) for (const t of k.tiers) if (!names.includes(t.tier)) names.push(t.tier);
  return names;
}

async function writeKpis(sheet: ReportSheet, trend: Trend, texts: ReportTexts): Promise<void> {
  const t = texts.trend.kpiColumns;
  const kpis = trend.months.map((m) => trendMonthKpis(trend, m));
  const tiers = tierColumns(kpis);
  await writeTitle(sheet, texts.trend.kpis);
  await writeHeader(sheet, [t.month, t.customers, t.eligible, t.negativeCount, t.negativeShare, t.loss, t.totalProfit, ...tiers.map(t.tier)], { height: HEADER_HEIGHT });
  for (const [i, k] of kpis.entries()) {
    const r = sheet.rowCount + 1;
    const counts = new Map(k.tiers.map((x) => [x.tier, x.customers]));
    await sheet.addRow([
      monthKey(trend.months[i]?.month ?? 0),
      { value: k.customers, style: 'count' },
      { value: k.eligible, style: 'count' },
      { value: k.negativeCount, style: 'count' },
      { formula: `IF(B${r}=0,"",D${r}/B${r})`, value: k.customers === 0 ? '' : k.negativeCount / k.customers, style: 'percent' },
      { value: k.loss, style: 'money' },
      { value: k.totalProfit, style: 'money' },
      ...tiers.map((tier): ReportCell => ({ value: counts.get(tier) ?? 0, style: 'count' })),
    ]);
  }
}

function groupHeader(grouping: TrendGrouping, months: readonly string[], texts: ReportTexts): Column[] {
  const first = { header: texts.groupTitles[grouping], note: texts.aggregateColumns.group('').note };
  const blocks = MEASURES.flatMap(([measure]) => {
    const m = texts.trend.measures[measure];
    return months.map((month) => ({ header: `${m.header}\n${month}`, note: m.note }));
  });
  return [first, ...blocks];
}

/** Column letter of measure `measure` in month `i` of `k` months (column A holds the group). */
function letterOf(measure: Measure, i: number, k: number): string {
  return columnLetters(2 + MEASURES.findIndex(([m]) => m === measure) * k + i);
}

function totalsRow(series: readonly TrendGroupSeries[], k: number, firstRow: number, lastRow: number, texts: ReportTexts): ReportCell[] {
  const row = lastRow + 1;
  const cells: ReportCell[] = [{ value: texts.total, style: 'text.total' }];
  for (const [measure, format] of MEASURES) {
    const style = styled(format, 'total');
    for (let i = 0; i < k; i++) {
      const present = series.flatMap((s) => s.months[i] ?? []);
      const sum = (f: (x: TrendGroupMonth) => number): number => present.reduce((acc, x) => acc + f(x), 0);
      if (measure === 'negativeShare') {
        // A ratio of the totals, as on the aggregate sheets: the shares themselves do not add up.
        const [n, c] = [letterOf('negativeCount', i, k), letterOf('customers', i, k)];
        const customers = sum((x) => x.customers);
        cells.push({ formula: `IF(${c}${row}=0,"",${n}${row}/${c}${row})`, value: customers === 0 ? '' : sum((x) => x.negativeCount) / customers, style });
      } else {
        const col = letterOf(measure, i, k);
        cells.push({ formula: `SUM(${col}${firstRow}:${col}${lastRow})`, value: sum((x) => x[measure]), style });
      }
    }
  }
  return cells;
}

async function writeGroupTable(sheet: ReportSheet, trend: Trend, grouping: TrendGrouping, texts: ReportTexts): Promise<void> {
  const months = trend.months.map((m) => monthKey(m.month));
  const k = months.length;
  const series = trendGroupSeries(trend, grouping);
  await writeTitle(sheet, texts.trend.groups(texts.groupTitles[grouping]));
  await writeHeader(sheet, groupHeader(grouping, months, texts), { height: HEADER_HEIGHT });
  const firstRow = sheet.rowCount + 1;
  for (const s of series) {
    const cells: ReportCell[] = [s.group];
    for (const [measure, format] of MEASURES) {
      // A month the group had nobody stays empty, so SUM skips it and a chart shows a gap.
      for (const m of s.months) cells.push({ value: m === null ? null : m[measure], style: format as ReportStyle });
    }
    await sheet.addRow(cells);
  }
  if (series.length > 0) await sheet.addRow(totalsRow(series, k, firstRow, sheet.rowCount, texts));
}

export async function writeTrendSheet(sheet: ReportSheet, trend: Trend, texts: ReportTexts): Promise<void> {
  const first = trend.months[0];
  const last = trend.months.at(-1);
  if (first === undefined || last === undefined) return;
  await sheet.addRow([{ value: texts.trend.title(monthKey(first.month), monthKey(last.month), trend.months.length), style: 'title' }], { height: 22 });
  await sheet.addRow([texts.trend.intro]);
  await sheet.addRow([]);
  await writeKpis(sheet, trend, texts);
  for (const grouping of TREND_GROUPINGS) {
    await sheet.addRow([]);
    await writeGroupTable(sheet, trend, grouping, texts);
  }
}

/** Column A holds months and group names; every other column one figure. */
export function trendSheetColumns(trend: Trend): ColumnSpec<ReportStyle>[] {
  const k = trend.months.length;
  const tiers = trend.tierNames.length + 2;
  return [{ width: 22 }, ...Array.from({ length: Math.max(MEASURES.length * k, 6 + tiers) }, () => ({ width: 13 }))];
}
