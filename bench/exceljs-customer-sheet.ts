/**
 * The baseline: exceljs's plain streaming writer (shared strings, styles) writing the same cells
 * as the report's customer sheet — same values, the two formulas with their cached results, each
 * cell's effective style (its own, else its column's, as our writer resolves it) mapped to an
 * exceljs style, header notes, frozen panes and the filter.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellStyle } from '../core/io/xlsx-writer/workbook-writer.js';
import { MAX_ROWS } from '../core/io/xlsx-writer/cell-address.js';
import { customerColumns } from '../core/io/value-report/customer-rows.js';
import { REPORT_STYLES, type ReportStyle } from '../core/io/value-report/report-styles.js';
import type { CustomerSheetSource } from './customer-sheet-only.js';

const PROGRESS_EVERY = 10_000;

function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.numFmt !== undefined) style.numFmt = s.numFmt;
  if (s.bold === true || s.italic === true || s.fontColor !== undefined) {
    style.font = { ...(s.bold === true ? { bold: true } : {}), ...(s.italic === true ? { italic: true } : {}), ...(s.fontColor === undefined ? {} : { color: { argb: argb(s.fontColor) } }) };
  }
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.horizontal !== undefined || s.wrapText === true) style.alignment = { ...(s.horizontal === undefined ? {} : { horizontal: s.horizontal }), ...(s.wrapText === true ? { wrapText: true } : {}) };
  return style;
}

/** One exceljs style object per report style, shared by every cell that uses it (as an app would). */
const EXCEL_STYLES = new Map<ReportStyle, Partial<ExcelJS.Style>>(Object.entries(REPORT_STYLES).map(([name, s]) => [name as ReportStyle, excelStyle(s)]));

function excelValue(cell: Exclude<Cell<ReportStyle>, null>): ExcelJS.CellValue {
  if (typeof cell !== 'object' || cell instanceof Date) return cell;
  if ('formula' in cell) return cell.value === null ? { formula: cell.formula } : { formula: cell.formula, result: cell.value };
  return cell.value;
}

export async function writeExceljsCustomerSheet(path: string, source: CustomerSheetSource, onProgress: (written: number) => void): Promise<void> {
  const { headers, specs } = customerColumns(source.texts);
  if (source.customers.length > MAX_ROWS - 1) throw new RangeError('the exceljs baseline writes one sheet: at most 1,048,575 customers');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet(source.texts.sheets.customers, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: source.customers.length + 1, column: headers.length } };
  sheet.columns = specs.map((spec) => ({ width: spec.width ?? 10 }));
  const columnStyles = specs.map((spec) => spec.style);
  const header = sheet.addRow(headers.map((h) => h.header));
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.style = EXCEL_STYLES.get('header') ?? {};
    if (h.note !== '') cell.note = h.note;
  });
  header.commit();
  for (let i = 0; i < source.customers.length; i++) {
    const cells = source.rows.cells(source.customers[i] as number, i + 2);
    const row = sheet.addRow(cells.map((cell) => (cell === null ? undefined : excelValue(cell))));
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (cell === null || cell === undefined) continue;
      const own = typeof cell === 'object' && !(cell instanceof Date) ? cell.style : undefined;
      const style = own ?? columnStyles[k];
      if (style !== undefined) row.getCell(k + 1).style = EXCEL_STYLES.get(style) ?? {};
    }
    row.commit();
    if ((i + 1) % PROGRESS_EVERY === 0) onProgress(i + 1);
  }
  sheet.commit();
  await book.commit();
}
