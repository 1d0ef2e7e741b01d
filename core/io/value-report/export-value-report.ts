/**
 * The annotated value workbook (issue 4): 说明, the customers (every one, or the summary's key
 * lists), the aggregates, with a trend of ≥ 2 months 趋势 and 预警 (issue 6), the cost
 * reconciliation, the parameters, campaigns, data problems and the scenario comparison. Written by the streaming writer to a temporary file and renamed when
 * complete; text from input files is always a text cell (the writer never makes one a formula).
 */
import type { Grouping } from '../../engine/aggregates.js';
import { compareRuns } from '../../engine/compare-runs.js';
import { earlyWarnings } from '../../engine/early-warnings/early-warnings.js';
import type { ModelResult } from '../../engine/run-model.js';
import { summarizeRun } from '../../engine/run-summary.js';
import type { Trend } from '../../engine/trend/trend.js';
import type { Lang } from '../../model/messages.js';
import { reportChartData } from '../../charts/chart-data.js';
import { renderReportCharts } from '../chart-images/render-chart.js';
import { createWorkbookWriter, type WorkbookWriter } from '../xlsx-writer/workbook-writer.js';
import { aggregateSheetColumns, writeAggregateSheet } from './aggregate-sheets.js';
import { campaignColumns, writeCampaignSheet } from './campaign-sheet.js';
import { writeComparisonSheet } from './comparison-sheet.js';
import { CustomerRowBuilder, valueFormulaOf } from './customer-rows.js';
import { writeCustomerSheets } from './customer-sheets.js';
import { keyCustomerLists } from './key-customers.js';
import { CHART_HEIGHT, CHART_WIDTH, OVERVIEW_COLUMNS, writeOverviewSheet, type ChartImage, type SourceFile } from './overview-sheet.js';
import { parametersLayout, writeParametersSheet } from './parameters-sheet.js';
import { writeProblemsSheet, type ReportIssue } from './problems-sheet.js';
import { reconciliationColumns, writeReconciliationSheet } from './reconciliation-sheet.js';
import { columnFor } from './report-sheet.js';
import { REPORT_STYLES, type ReportStyle } from './report-styles.js';
import { reportTexts } from './report-texts.js';
import { trendSheetColumns, writeTrendSheet } from './trend-sheet.js';
import { warningsSheetOptions, writeWarningsSheet } from './warnings-sheet.js';

export type { ReportIssue } from './problems-sheet.js';
export type { SourceFile } from './overview-sheet.js';

/** The issue's order: plans first, then the organisation (branch, channel), then the market (brand, segment), then tiers. */
export const REPORT_GROUPINGS: readonly Grouping[] = ['plan', 'branch', 'channel', 'brand', 'segment', 'tier'];

export const REPORT_PRESETS = ['summary', 'full'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** The summary's lists: the highest and lowest value, and at most this many negative-value customers. */
export const KEY_LIST_SIZE = 1000;
export const NEGATIVE_LIST_CAP = 10_000;

export interface ValueReportRequest {
  readonly result: ModelResult;
  /** Run B of a comparison (the result is run A); adds 方案对比. */
  readonly compareWith?: ModelResult;
  readonly preset: ReportPreset;
  readonly lang: Lang;
  /** The input files (or knowledge-base datasets) the run read. */
  readonly sources: readonly SourceFile[];
  /** The import's problems with their locations (reading files); none for a knowledge base. */
  readonly inputProblems?: readonly ReportIssue[];
  readonly inputProblemsOmitted?: number;
  readonly appVersion: string;
  readonly runAt?: Date;
  /**
   * The result's scenario over its last trend months (ending at the result's month); with two
   * months or more it adds 趋势 and 预警, the warnings by the scenario's `warnings` rules.
   */
  readonly trend?: Trend;
}

/** One month is no trend and gives no warnings: the sheets would be empty. */
export const MIN_TREND_MONTHS = 2;

export interface ReportProgress {
  readonly stage: 'charts' | 'customers' | 'sheets' | 'done';
  /** Customers written so far (customers stage). */
  readonly done: number;
  readonly total: number;
}

export interface ValueReportOptions {
  readonly onProgress?: (progress: ReportProgress) => void;
  /** Customer rows per sheet before continuing on the next; Excel's limit unless a test needs fewer. */
  readonly maxRowsPerSheet?: number;
}

/** Run warnings, except those the import's problem list already holds. */
function reportIssues(request: ValueReportRequest): ReportIssue[] {
  const input = request.inputProblems ?? [];
  const known = new Set(input.map((p) => `${p.code}\u0000${p.en}`));
  const run = request.result.warnings.filter((w) => !known.has(`${w.code}\u0000${w.en}`)).map((w): ReportIssue => ({ severity: 'warning', ...w }));
  return [...input, ...run];
}

async function writeSheets(book: WorkbookWriter<ReportStyle>, request: ValueReportRequest, options: ValueReportOptions): Promise<string[]> {
  const { result, lang, preset } = request;
  const texts = reportTexts(lang);
  const names = texts.sheets;
  const progress = options.onProgress ?? (() => undefined);
  const summary = summarizeRun(result);
  const issues = reportIssues(request);

  progress({ stage: 'charts', done: 0, total: summary.customers });
  const charts: ChartImage[] = (await renderReportCharts(reportChartData(result, lang), lang, { width: CHART_WIDTH, height: CHART_HEIGHT, scale: 2 })).map((c) => ({ title: c.title, png: c.png }));

  const written: string[] = [];
  const sheetOf = (name: string, columns: Parameters<typeof book.addSheet>[1]) => {
    written.push(name);
    return book.addSheet(name, columns);
  };

  const overview = sheetOf(names.overview, { columns: OVERVIEW_COLUMNS });
  await writeOverviewSheet(
    overview,
    {
      result,
      summary,
      preset: texts.presets[preset],
      runAt: request.runAt ?? new Date(),
      appVersion: request.appVersion,
      sources: request.sources,
      warnings: issues.map((w) => `[${w.code}] ${w[lang]}`),
      charts,
    },
    texts,
  );
  await overview.end();

  const parameters = parametersLayout(result, texts, names.parameters);
  const rows = new CustomerRowBuilder(result, texts, valueFormulaOf(result, parameters.weightCells));
  const onCustomers = (done: number): void => progress({ stage: 'customers', done, total: summary.customers });
  if (preset === 'full') {
    const customerSheets = await writeCustomerSheets(book, result.window.table, rows, texts, {
      name: names.customers,
      continuedName: texts.continued,
      ...(options.maxRowsPerSheet === undefined ? {} : { maxRowsPerSheet: options.maxRowsPerSheet }),
      onProgress: onCustomers,
    });
    written.push(...customerSheets);
  } else {
    const lists = keyCustomerLists(result, KEY_LIST_SIZE, NEGATIVE_LIST_CAP);
    for (const [name, list, caption] of [
      [names.negative, lists.negative, texts.lists.negative(lists.negative.length, lists.negativeCount)],
      [names.top, lists.top, texts.lists.top(lists.top.length)],
      [names.bottom, lists.bottom, texts.lists.bottom(lists.bottom.length)],
    ] as const) {
      written.push(...(await writeCustomerSheets(book, list, rows, texts, { name, continuedName: (n) => `${name}(${n})`, caption })));
    }
  }
  progress({ stage: 'sheets', done: summary.customers, total: summary.customers });

  for (const grouping of REPORT_GROUPINGS) {
    const sheet = sheetOf(names[grouping], { columns: aggregateSheetColumns(grouping, texts), frozenRows: 1, frozenColumns: 1, autoFilter: true });
    await writeAggregateSheet(sheet, result.aggregates[grouping], grouping, texts);
    await sheet.end();
  }

  const trend = request.trend;
  if (trend !== undefined && trend.months.length >= MIN_TREND_MONTHS) {
    const trendSheet = sheetOf(names.trend, { columns: trendSheetColumns(trend), frozenColumns: 1 });
    await writeTrendSheet(trendSheet, trend, texts);
    await trendSheet.end();
    const warnings = sheetOf(names.warnings, warningsSheetOptions());
    await writeWarningsSheet(warnings, trend, earlyWarnings(trend, result.scenario.warnings), result.scenario.warnings, texts, lang);
    await warnings.end();
  }

  const reconciliation = sheetOf(names.reconciliation, { columns: reconciliationColumns(texts).map((c, i) => columnFor(c.header, undefined, i === 0 ? 18 : i === 2 ? 16 : 12)), frozenRows: 1 });
  await writeReconciliationSheet(reconciliation, result, texts);
  await reconciliation.end();

  const parameterSheet = sheetOf(names.parameters, { columns: [{ width: 34 }, { width: 22 }, { width: 60 }], frozenRows: 2 });
  await writeParametersSheet(parameterSheet, parameters, texts);
  await parameterSheet.end();

  if (result.campaigns.length > 0) {
    const campaigns = sheetOf(names.campaigns, { columns: campaignColumns(texts).map((c) => columnFor(c.header, undefined, 12)), frozenRows: 1, autoFilter: true });
    await writeCampaignSheet(campaigns, result, texts);
    await campaigns.end();
  }

  const problems = sheetOf(names.problems, { columns: [{ width: 8 }, { width: 26 }, { width: 24 }, { width: 14 }, { width: 8 }, { width: 16 }, { width: 16 }, { width: 80 }], frozenRows: 1, autoFilter: true });
  await writeProblemsSheet(problems, issues, request.inputProblemsOmitted ?? 0, texts, lang);
  await problems.end();

  if (request.compareWith !== undefined) {
    const comparison = sheetOf(names.comparison, { columns: [{ width: 16 }, ...Array.from({ length: 8 }, () => ({ width: 14 }))] });
    const cmp = compareRuns(result, request.compareWith);
    await writeComparisonSheet(comparison, result, request.compareWith, cmp, texts, preset === 'full' ? Infinity : KEY_LIST_SIZE);
    await comparison.end();
  }
  progress({ stage: 'done', done: summary.customers, total: summary.customers });
  return written;
}

/**
 * A report workbook at `path` with the report styles: `write` adds the sheets; the file replaces
 * `path` only when complete, and a failure leaves nothing behind. Returns the sheet names.
 */
export async function writeReportWorkbook(
  path: string,
  properties: { readonly title: string; readonly subject: string; readonly created: Date },
  write: (book: WorkbookWriter<ReportStyle>) => Promise<string[]>,
): Promise<string[]> {
  const book = await createWorkbookWriter<ReportStyle>(path, { styles: REPORT_STYLES, properties: { ...properties, creator: 'Customer Value Studio' } });
  try {
    const sheets = await write(book);
    await book.end();
    return sheets;
  } catch (error) {
    await book.abort();
    throw error;
  }
}

/** Writes the report to `path` (replacing it only when complete); returns the sheet names. */
export async function exportValueReport(path: string, request: ValueReportRequest, options: ValueReportOptions = {}): Promise<string[]> {
  const texts = reportTexts(request.lang);
  const properties = { title: `${texts.title} — ${request.result.scenario.name}`, subject: texts.presets[request.preset], created: request.runAt ?? new Date() };
  return writeReportWorkbook(path, properties, (book) => writeSheets(book, request, options));
}
