/**
 * 说明: what the report is, the run (scenario, month, window, time, version), the key figures,
 * the charts, the input files with their SHA-256 and the warnings.
 */
import { monthKey } from '../../model/month.js';
import type { ModelResult } from '../../engine/run-model.js';
import type { RunSummary } from '../../engine/run-summary.js';
import type { ReportStyle } from './report-styles.js';
import { writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

export interface SourceFile {
  readonly file: string;
  readonly sheet?: string | null;
  readonly kind: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface ChartImage {
  readonly title: string;
  readonly png: Buffer;
}

export interface OverviewFacts {
  readonly result: ModelResult;
  readonly summary: RunSummary;
  readonly preset: string;
  readonly runAt: Date;
  readonly appVersion: string;
  readonly sources: readonly SourceFile[];
  /** Warning lines in the report's language. */
  readonly warnings: readonly string[];
  readonly charts: readonly ChartImage[];
}

/** Charts sit two to a row over columns A–C and D onwards, each this size in pixels. */
export const CHART_WIDTH = 470;
export const CHART_HEIGHT = 290;
const ROWS_PER_CHART = 16;
const RIGHT_COLUMN = 4;
export const OVERVIEW_COLUMNS = [{ width: 30 }, { width: 22 }, { width: 14 }, { width: 12 }, { width: 66 }];
const MAX_WARNINGS = 1000;

/** The run time as the analyst's clock showed it; a date cell would carry no time zone either way. */
export function localTimestamp(at: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}:${p(at.getSeconds())}`;
}

export async function writeOverviewSheet(sheet: ReportSheet, facts: OverviewFacts, texts: ReportTexts): Promise<void> {
  const { result, summary: s } = facts;
  const l = texts.overviewLabels;
  const pair = (label: string, value: ReportCell): Promise<void> => sheet.addRow([{ value: label, style: 'label' }, value]);
  const money = (x: number): ReportCell => ({ value: x, style: 'money' as ReportStyle });
  const count = (x: number): ReportCell => ({ value: x, style: 'count' as ReportStyle });

  await sheet.addRow([{ value: `${texts.title}（${facts.preset}）`, style: 'title' }], { height: 22 });
  for (const line of texts.about) await sheet.addRow([line]);
  await sheet.addRow([]);
  await pair(l.scenario, result.scenario.name);
  await pair(l.month, monthKey(result.window.evaluationMonth));
  await pair(l.window, result.window.windowMonths.map(monthKey).join(', '));
  await pair(l.runAt, localTimestamp(facts.runAt));
  await pair(l.appVersion, facts.appVersion);
  await pair(l.preset, facts.preset);
  await sheet.addRow([]);

  await writeTitle(sheet, l.kpis);
  await pair(l.customers, count(s.customers));
  await pair(l.eligible, count(s.eligible));
  await pair(l.negativeCount, count(s.negativeCount));
  await pair(l.loss, money(s.loss));
  await pair(l.totalProfit, money(s.totalProfit));
  for (const [tier, n] of s.tiers) if (n > 0) await pair(l.tierCount(tier), count(n));
  await sheet.addRow([]);

  await writeCharts(sheet, l.charts, facts.charts);

  await writeTitle(sheet, l.inputs);
  await writeHeader(sheet, texts.inputColumns);
  for (const f of facts.sources) await sheet.addRow([f.file, f.sheet ?? '', f.kind, count(f.rows), f.sha256]);
  await sheet.addRow([]);

  await writeTitle(sheet, l.warnings);
  if (facts.warnings.length === 0) await sheet.addRow([l.noWarnings]);
  for (const w of facts.warnings.slice(0, MAX_WARNINGS)) await sheet.addRow([{ value: w, style: 'warning' }]);
  if (facts.warnings.length > MAX_WARNINGS) await sheet.addRow([l.omitted(facts.warnings.length - MAX_WARNINGS)]);
}

/** The charts under a title, two to a row, with empty rows beneath them (nothing without charts). */
export async function writeCharts(sheet: ReportSheet, title: string, charts: readonly ChartImage[]): Promise<void> {
  if (charts.length === 0) return;
  await writeTitle(sheet, title);
  const top = sheet.rowCount + 1;
  charts.forEach((chart, i) => {
    sheet.addImage({
      png: chart.png,
      row: top + Math.floor(i / 2) * ROWS_PER_CHART,
      column: i % 2 === 0 ? 1 : RIGHT_COLUMN,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      name: chart.title,
      description: chart.title,
    });
  });
  // Empty rows under the images, so the tables below start after them.
  for (let r = 0; r < Math.ceil(charts.length / 2) * ROWS_PER_CHART; r++) await sheet.addRow([]);
}
