/**
 * The value workbook of a results set (issue 7): a run made elsewhere, read from its
 * customers.csv, shown as the run report shows a run of the app's own — 说明 with the charts and
 * the source files' SHA-256, the customers (every one, or the summary's key lists), the
 * aggregates, the cost reconciliation when the set has one, and the scenario. The figures are
 * the source's values: with no monthly details there is nothing for a formula to add up, and no
 * trend, warnings, campaigns or trace. Written by the streaming writer to a temporary file and
 * renamed when complete; text from the files is always a text cell.
 */
import { chartDataOf } from '../../charts/chart-data.js';
import { profitCurve } from '../../charts/data/profit-curve.js';
import type { AggregateRow, Grouping } from '../../engine/aggregates.js';
import { resultAggregates } from '../../engine/results/result-aggregates.js';
import { resultTable } from '../../engine/results/result-query.js';
import type { Lang } from '../../model/messages.js';
import { monthKey, monthNumber, windowMonths } from '../../model/month.js';
import { resultTierNames, type ResultSet } from '../../model/result-set.js';
import { renderReportCharts } from '../chart-images/render-chart.js';
import type { WorkbookWriter } from '../xlsx-writer/workbook-writer.js';
import { aggregateSheetColumns, writeAggregateSheet } from './aggregate-sheets.js';
import { writeCustomerSheets } from './customer-sheets.js';
import { KEY_LIST_SIZE, NEGATIVE_LIST_CAP, REPORT_GROUPINGS, writeReportWorkbook, type ReportPreset, type ReportProgress, type ValueReportOptions } from './export-value-report.js';
import { keyListsOf } from './key-customers.js';
import { CHART_HEIGHT, CHART_WIDTH, OVERVIEW_COLUMNS, type ChartImage } from './overview-sheet.js';
import { scenarioParametersLayout, writeParametersSheet } from './parameters-sheet.js';
import type { ReportStyle } from './report-styles.js';
import { reportTexts } from './report-texts.js';
import { resultCustomerColumns, ResultCustomerRows } from './result-customer-rows.js';
import { writeResultOverviewSheet, type ResultSetLabel } from './result-overview-sheet.js';
import { resultReconciliationColumns, writeResultReconciliationSheet } from './result-reconciliation-sheet.js';
import { resultReportTexts } from './result-report-texts.js';

export type { ResultSetLabel } from './result-overview-sheet.js';

export interface ResultSetReportRequest {
  readonly set: ResultSet;
  /** The set's id, name and import in the knowledge base. */
  readonly label: ResultSetLabel;
  /** resultAggregates of the set, when the caller has them already (computed otherwise). */
  readonly aggregates?: Readonly<Record<Grouping, readonly AggregateRow[]>>;
  readonly preset: ReportPreset;
  readonly lang: Lang;
  readonly appVersion: string;
  readonly reportAt?: Date;
}

export type ResultSetReportOptions = ValueReportOptions;
export type { ReportProgress };

async function writeSheets(book: WorkbookWriter<ReportStyle>, request: ResultSetReportRequest, options: ResultSetReportOptions): Promise<string[]> {
  const { set, lang, preset } = request;
  const texts = reportTexts(lang);
  const resultTexts = resultReportTexts(lang);
  const names = texts.sheets;
  const progress = options.onProgress ?? (() => undefined);
  const customers = set.customers.ids.length;
  const aggregates = request.aggregates ?? resultAggregates(set.customers, set.scenario);
  const table = resultTable(set.customers);

  progress({ stage: 'charts', done: 0, total: customers });
  const chartData = chartDataOf(
    { value: set.customers.scores.value, table, aggregates, tierNames: resultTierNames(set.scenario), profitCurve: profitCurve(set.customers.money.avg_profit, table) },
    lang,
  );
  const charts: ChartImage[] = (await renderReportCharts(chartData, lang, { width: CHART_WIDTH, height: CHART_HEIGHT, scale: 2 })).map((c) => ({ title: c.title, png: c.png }));

  const written: string[] = [];
  const sheetOf = (name: string, sheetOptions: Parameters<typeof book.addSheet>[1]) => {
    written.push(name);
    return book.addSheet(name, sheetOptions);
  };

  const months = windowMonths(monthNumber(set.month), set.scenario.window).map(monthKey);
  const overview = sheetOf(names.overview, { columns: OVERVIEW_COLUMNS });
  await writeResultOverviewSheet(
    overview,
    { set, label: request.label, windowMonths: months, tierRows: aggregates.tier, preset: texts.presets[preset], reportAt: request.reportAt ?? new Date(), appVersion: request.appVersion, charts },
    texts,
    resultTexts,
  );
  await overview.end();

  const rows = new ResultCustomerRows(set, texts);
  const columns = resultCustomerColumns(texts, resultTexts);
  const onCustomers = (done: number): void => progress({ stage: 'customers', done, total: customers });
  if (preset === 'full') {
    written.push(
      ...(await writeCustomerSheets(book, table, rows, texts, {
        name: names.customers,
        continuedName: texts.continued,
        columns,
        ...(options.maxRowsPerSheet === undefined ? {} : { maxRowsPerSheet: options.maxRowsPerSheet }),
        onProgress: onCustomers,
      })),
    );
  } else {
    const lists = keyListsOf(table, set.customers.money.avg_profit, set.customers.scores.value, KEY_LIST_SIZE, NEGATIVE_LIST_CAP);
    for (const [name, list, caption] of [
      [names.negative, lists.negative, texts.lists.negative(lists.negative.length, lists.negativeCount)],
      [names.top, lists.top, texts.lists.top(lists.top.length)],
      [names.bottom, lists.bottom, texts.lists.bottom(lists.bottom.length)],
    ] as const) {
      written.push(...(await writeCustomerSheets(book, list, rows, texts, { name, continuedName: (n) => `${name}(${n})`, caption, columns })));
    }
  }
  progress({ stage: 'sheets', done: customers, total: customers });

  for (const grouping of REPORT_GROUPINGS) {
    const sheet = sheetOf(names[grouping], { columns: aggregateSheetColumns(grouping, texts), frozenRows: 1, frozenColumns: 1, autoFilter: true });
    await writeAggregateSheet(sheet, aggregates[grouping], grouping, texts);
    await sheet.end();
  }

  if (set.reconciliation.length > 0) {
    const reconciliation = sheetOf(names.reconciliation, { columns: resultReconciliationColumns(texts, resultTexts), frozenRows: 1 });
    await writeResultReconciliationSheet(reconciliation, set.reconciliation, texts, resultTexts);
    await reconciliation.end();
  }

  const parameters = scenarioParametersLayout({ scenario: set.scenario, month: set.month, windowMonths: months, derived: { unknown: resultTexts.derivedUnknown } }, texts, names.parameters);
  const parameterSheet = sheetOf(names.parameters, { columns: [{ width: 34 }, { width: 22 }, { width: 60 }], frozenRows: 2 });
  await writeParametersSheet(parameterSheet, parameters, texts);
  await parameterSheet.end();

  progress({ stage: 'done', done: customers, total: customers });
  return written;
}

/** Writes the results set's workbook to `path` (replacing it only when complete); returns the sheet names. */
export async function exportResultSetReport(path: string, request: ResultSetReportRequest, options: ResultSetReportOptions = {}): Promise<string[]> {
  const texts = reportTexts(request.lang);
  const resultTexts = resultReportTexts(request.lang);
  const properties = { title: `${texts.title} — ${request.set.scenario.name}`, subject: `${texts.presets[request.preset]} — ${resultTexts.kind}`, created: request.reportAt ?? new Date() };
  return writeReportWorkbook(path, properties, (book) => writeSheets(book, request, options));
}
