/**
 * Writes a generated sample as workbooks, one per input kind, laid out like the import
 * templates (Chinese headers, so the import's alias matching is exercised). The data are those
 * of writeSampleCsv. exceljs's streaming writer is used with shared strings and without its
 * style engine, which triples the writing time (PERF-BASELINES §3); its style stub still gives
 * date cells the built-in date format 14, so join dates are real dates. Ids and months are
 * text cells, money and counts number cells.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import {
  DEFAULT_CUSTOMERS_PER_BATCH,
  generateSample,
  type CampaignRow,
  type CostPoolRow,
  type CreditRow,
  type IndividualCostRow,
  type SampleOptions,
  type SettlementRow,
  type UsageRow,
} from './generate-sample.js';
import { sheetBackpressure, type SheetBackpressure } from './sheet-backpressure.js';
import { INPUT_KINDS, SHEET_LAYOUTS, type ColumnLayout, type FlatRow, type InputKind, type SheetLayout } from './sheet-layouts.js';
import { setZipEntryDates } from './zip-entry-dates.js';

export interface SampleXlsxSummary {
  /** Paths of the written workbooks, in INPUT_KINDS order. */
  readonly files: readonly string[];
  /** Data rows per kind (the header not counted). */
  readonly rows: Readonly<Record<InputKind, number>>;
  readonly bytes: number;
  readonly customers: number;
  readonly months: readonly string[];
}

/**
 * Customers written so far, after each batch. Throwing from it stops the writing (what was
 * written is left for the caller to remove): that is how a job cancels it.
 */
export type SampleWriteProgress = (customersDone: number, customersTotal: number) => void;

/** Fixed document and zip entry dates, so the same options give the same bytes. */
const WORKBOOK_DATE = new Date(Date.UTC(2026, 0, 1));
const CREATOR = 'Customer Value Studio';

/** 'YYYY-MM-DD' → midnight UTC, which exceljs stores as a whole serial day number. */
function dateCell(text: string): Date {
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${text}`);
  return date;
}

function cellConverter<R extends FlatRow<R>>(column: ColumnLayout<R>): (value: string | number) => CellValue {
  if (column.field.type === 'date') return (value) => dateCell(String(value));
  // An empty text (an unscoped pool) is no cell at all, as in a hand-made sheet.
  return (value) => (value === '' ? null : value);
}

/** One workbook with one sheet; rows are committed as they come and wait for the deflater. */
class WorkbookSink<R extends FlatRow<R>> {
  rows = 0;
  private readonly output: WriteStream;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: Worksheet;
  private readonly backpressure: SheetBackpressure;
  private readonly failure: Promise<never>;
  private error: Error | null = null;
  private readonly toCells: (row: R) => CellValue[];

  constructor(
    readonly path: string,
    layout: SheetLayout<R>,
  ) {
    this.output = createWriteStream(path);
    this.failure = new Promise<never>((_resolve, reject) =>
      this.output.on('error', (error) => {
        this.error = error;
        reject(error);
      }),
    );
    // Observed through write() and close(); without this a failure between them would be reported as unhandled.
    this.failure.catch(() => undefined);
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.output, useSharedStrings: true, useStyles: false });
    this.workbook.creator = CREATOR;
    this.workbook.lastModifiedBy = CREATOR;
    this.workbook.created = WORKBOOK_DATE;
    this.workbook.modified = WORKBOOK_DATE;
    this.sheet = this.workbook.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.sheet.columns = layout.columns.map((c) => ({ width: c.width }));
    this.backpressure = sheetBackpressure(this.sheet);
    const converters = layout.columns.map((c) => [c.key, cellConverter(c)] as const);
    this.toCells = (row) => converters.map(([key, convert]) => convert(row[key]));
    this.sheet.addRow(layout.columns.map((c) => c.header)).commit();
  }

  async write(rows: readonly R[]): Promise<void> {
    // Stop generating at the first failure rather than at the end of a long run.
    if (this.error !== null) throw this.error;
    for (const row of rows) this.sheet.addRow(this.toCells(row)).commit();
    this.rows += rows.length;
    await this.backpressure.wait(this.failure);
  }

  /** Finishes the workbook; resolves with the file's size once it is on disk. */
  async close(): Promise<number> {
    this.sheet.commit();
    await Promise.race([this.workbook.commit(), this.failure]);
    await setZipEntryDates(this.path, WORKBOOK_DATE);
    return this.output.bytesWritten;
  }

  /** After a failure elsewhere: releases the file without finishing it. */
  abandon(): void {
    this.output.destroy();
  }
}

interface Sinks {
  readonly usage: WorkbookSink<UsageRow>;
  readonly settlement: WorkbookSink<SettlementRow>;
  readonly individual_costs: WorkbookSink<IndividualCostRow>;
  readonly credit: WorkbookSink<CreditRow>;
  readonly cost_pools: WorkbookSink<CostPoolRow>;
  readonly campaigns: WorkbookSink<CampaignRow>;
}

function openSinks(outDir: string): Sinks {
  const open = <R extends FlatRow<R>>(layout: SheetLayout<R>): WorkbookSink<R> => new WorkbookSink(join(outDir, layout.fileName), layout);
  return {
    usage: open(SHEET_LAYOUTS.usage),
    settlement: open(SHEET_LAYOUTS.settlement),
    individual_costs: open(SHEET_LAYOUTS.individual_costs),
    credit: open(SHEET_LAYOUTS.credit),
    cost_pools: open(SHEET_LAYOUTS.cost_pools),
    campaigns: open(SHEET_LAYOUTS.campaigns),
  };
}

/** Generates a sample and writes its six workbooks into outDir (created if missing). */
export async function writeSampleXlsx(outDir: string, options: SampleOptions, onProgress?: SampleWriteProgress): Promise<SampleXlsxSummary> {
  const sample = generateSample(options);
  await mkdir(outDir, { recursive: true });
  const sinks = openSinks(outDir);
  let bytes = 0;
  try {
    await sinks.cost_pools.write(sample.costPools);
    let done = 0;
    for (const batch of sample.batches(DEFAULT_CUSTOMERS_PER_BATCH)) {
      await sinks.usage.write(batch.usage);
      await sinks.settlement.write(batch.settlement);
      await sinks.individual_costs.write(batch.individualCosts);
      await sinks.credit.write(batch.credit);
      await sinks.campaigns.write(batch.campaigns);
      done = Math.min(done + DEFAULT_CUSTOMERS_PER_BATCH, sample.customers);
      onProgress?.(done, sample.customers);
    }
    // One at a time: finishing a workbook builds its whole shared-string table (every customer
    // id) as one XML text; all at once took the peak from 543 to 713 MB at 300k customers.
    for (const kind of INPUT_KINDS) bytes += await sinks[kind].close();
  } catch (error) {
    for (const kind of INPUT_KINDS) sinks[kind].abandon();
    throw error;
  }
  return {
    files: INPUT_KINDS.map((kind) => sinks[kind].path),
    rows: Object.fromEntries(INPUT_KINDS.map((kind) => [kind, sinks[kind].rows])) as Record<InputKind, number>,
    bytes,
    customers: sample.customers,
    months: sample.months,
  };
}
