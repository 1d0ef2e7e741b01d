/**
 * 说明 of a results set's workbook: what a results set is and that its figures were computed
 * elsewhere, the set (name, scenario, month, import), the key figures, the charts and the files
 * it was read from with their SHA-256.
 */
import type { AggregateRow } from '../../engine/aggregates.js';
import type { ResultSet } from '../../model/result-set.js';
import type { ReportStyle } from './report-styles.js';
import { localTimestamp, writeCharts, type ChartImage } from './overview-sheet.js';
import { writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';
import { resultFileKind, type ResultReportTexts } from './result-report-texts.js';

/** How the knowledge base knows the set (a ResultSetRecord fits). */
export interface ResultSetLabel {
  readonly id: number;
  readonly name: string;
  readonly importedAt: string;
  readonly appVersion: string;
}

export interface ResultOverviewFacts {
  readonly set: ResultSet;
  readonly label: ResultSetLabel;
  readonly windowMonths: readonly string[];
  /** The tier rows partition the customers, so their sums are the set's key figures. */
  readonly tierRows: readonly AggregateRow[];
  readonly preset: string;
  readonly reportAt: Date;
  readonly appVersion: string;
  readonly charts: readonly ChartImage[];
}

export async function writeResultOverviewSheet(sheet: ReportSheet, facts: ResultOverviewFacts, texts: ReportTexts, resultTexts: ResultReportTexts): Promise<void> {
  const { set, label, tierRows } = facts;
  const l = texts.overviewLabels;
  const r = resultTexts.labels;
  const pair = (name: string, value: ReportCell): Promise<void> => sheet.addRow([{ value: name, style: 'label' }, value]);
  const money = (x: number): ReportCell => ({ value: x, style: 'money' as ReportStyle });
  const count = (x: number): ReportCell => ({ value: x, style: 'count' as ReportStyle });
  const sum = (pick: (row: AggregateRow) => number): number => tierRows.reduce((total, row) => total + pick(row), 0);

  await sheet.addRow([{ value: `${texts.title} — ${resultTexts.kind}（${facts.preset}）`, style: 'title' }], { height: 22 });
  for (const line of resultTexts.about) await sheet.addRow([line]);
  await sheet.addRow([]);
  await pair(r.resultSet, `#${label.id} ${label.name}`);
  await pair(l.scenario, set.scenario.name);
  await pair(l.month, set.month);
  await pair(l.window, facts.windowMonths.join(', '));
  await pair(r.importedAt, label.importedAt);
  await pair(r.importedWith, label.appVersion);
  await pair(r.reportAt, localTimestamp(facts.reportAt));
  await pair(l.appVersion, facts.appVersion);
  await pair(l.preset, facts.preset);
  await sheet.addRow([]);

  await writeTitle(sheet, l.kpis);
  await pair(l.customers, count(sum((row) => row.customers)));
  await pair(l.eligible, count(sum((row) => row.eligible)));
  await pair(l.negativeCount, count(sum((row) => row.negativeCount)));
  await pair(l.loss, money(sum((row) => row.loss)));
  await pair(l.totalProfit, money(sum((row) => row.sumAvgProfit)));
  for (const row of tierRows) await pair(l.tierCount(row.group), count(row.customers));
  await sheet.addRow([]);

  await writeCharts(sheet, l.charts, facts.charts);

  await writeTitle(sheet, r.files);
  await writeHeader(sheet, resultTexts.fileColumns);
  for (const f of set.files) await sheet.addRow([f.name, resultFileKind(f.name, resultTexts, texts.groupTitles), count(f.rows), count(f.bytes), f.sha256]);
}
