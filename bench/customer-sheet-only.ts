/**
 * The full report's customer sheet alone, for a like-for-like comparison with exceljs: the same
 * rows (CustomerRowBuilder with the value formula pointing at 参数's weight cells, wired as
 * export-value-report does) written by our streaming writer with the report's styles.
 */
import type { ModelResult } from '../core/engine/run-model.js';
import { createWorkbookWriter } from '../core/io/xlsx-writer/workbook-writer.js';
import { CustomerRowBuilder, valueFormulaOf } from '../core/io/value-report/customer-rows.js';
import { writeCustomerSheets } from '../core/io/value-report/customer-sheets.js';
import { parametersLayout } from '../core/io/value-report/parameters-sheet.js';
import { REPORT_STYLES, type ReportStyle } from '../core/io/value-report/report-styles.js';
import { reportTexts, type ReportTexts } from '../core/io/value-report/report-texts.js';

export interface CustomerSheetSource {
  readonly texts: ReportTexts;
  readonly rows: CustomerRowBuilder;
  /** Customer indices in sheet order (the customer table). */
  readonly customers: Int32Array;
}

/** The rows exactly as the full preset builds them (Chinese texts). */
export function customerSheetSource(result: ModelResult): CustomerSheetSource {
  const texts = reportTexts('zh');
  const parameters = parametersLayout(result, texts, texts.sheets.parameters);
  return { texts, rows: new CustomerRowBuilder(result, texts, valueFormulaOf(result, parameters.weightCells)), customers: result.window.table };
}

/** Our writer, the customer sheet(s) only. */
export async function writeOurCustomerSheet(path: string, source: CustomerSheetSource, onProgress: (written: number) => void): Promise<void> {
  const book = await createWorkbookWriter<ReportStyle>(path, { styles: REPORT_STYLES });
  try {
    await writeCustomerSheets(book, source.customers, source.rows, source.texts, { name: source.texts.sheets.customers, continuedName: source.texts.continued, onProgress });
    await book.end();
  } catch (error) {
    await book.abort();
    throw error;
  }
}
