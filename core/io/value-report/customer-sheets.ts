/**
 * Customer rows onto one sheet or, past Excel's 1,048,576 rows, onto 客户价值明细(2), (3) …,
 * each with the header, its notes, a frozen header row and a filter.
 */
import type { ColumnSpec, WorkbookWriter } from '../xlsx-writer/workbook-writer.js';
import { MAX_ROWS } from '../xlsx-writer/cell-address.js';
import { customerColumns } from './customer-rows.js';
import type { ReportStyle } from './report-styles.js';
import { writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';

/** Customer c's cells on sheet row r: a run's CustomerRowBuilder, or a results set's rows. */
export interface CustomerRowSource {
  cells(c: number, r: number): ReportCell[];
}

export interface CustomerSheetOptions {
  /** Sheet names: the first, then the continuation n (2, 3 …). */
  readonly name: string;
  readonly continuedName: (n: number) => string;
  /** A line above the header (the list's description), or none. */
  readonly caption?: string;
  /** Data rows per sheet; Excel's limit less the header rows unless a test asks for fewer. */
  readonly maxRowsPerSheet?: number;
  /** Called every so often with the customers written so far. */
  readonly onProgress?: (written: number) => void;
  /** The header and column widths; a run's 客户价值明细 columns unless given. */
  readonly columns?: { readonly headers: readonly Column[]; readonly specs: readonly ColumnSpec<ReportStyle>[] };
}

const PROGRESS_EVERY = 50_000;

export async function writeCustomerSheets(
  book: WorkbookWriter<ReportStyle>,
  customers: Int32Array,
  rows: CustomerRowSource,
  texts: ReportTexts,
  options: CustomerSheetOptions,
): Promise<string[]> {
  const { headers, specs } = options.columns ?? customerColumns(texts);
  const headerRows = options.caption === undefined ? 1 : 2;
  const perSheet = Math.min(options.maxRowsPerSheet ?? Infinity, MAX_ROWS - headerRows);
  const names: string[] = [];
  let sheet: ReportSheet | null = null;
  const open = async (): Promise<ReportSheet> => {
    const name = names.length === 0 ? options.name : options.continuedName(names.length + 1);
    names.push(name);
    const next = book.addSheet(name, { columns: specs, frozenRows: headerRows, frozenColumns: 1, autoFilter: true });
    if (options.caption !== undefined) await writeTitle(next, options.caption);
    await writeHeader(next, headers);
    return next;
  };
  sheet = await open();
  let onSheet = 0;
  for (let i = 0; i < customers.length; i++) {
    if (onSheet === perSheet) {
      await sheet.end();
      sheet = await open();
      onSheet = 0;
    }
    await sheet.addRow(rows.cells(customers[i] as number, sheet.rowCount + 1));
    onSheet++;
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1);
  }
  await sheet.end();
  options.onProgress?.(customers.length);
  return names;
}
