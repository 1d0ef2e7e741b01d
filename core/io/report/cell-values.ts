/**
 * Raw cells as report cells. Text stays a string cell whatever it starts with — exceljs makes a
 * formula only from a { formula } object, so "=HYPERLINK(…)" from a CSV can never become a live
 * formula in the report. Dates are date cells, numbers and booleans keep their type.
 */
import type { CellValue } from 'exceljs';
import type { RawCell } from '../raw-table.js';
import { cellForReport } from '../validation-report.js';
import { displayWidth } from './text-width.js';

/** Excel's limit for the text of one cell; a longer text makes the workbook unreadable. */
const MAX_CELL_TEXT = 32_767;
/**
 * Dates written as date cells: up to Excel's last day, and from 1900-03-01 on, since exceljs's
 * serial numbers ignore Excel's phantom 1900-02-29 and would show earlier dates a day off.
 */
const FIRST_DATE = Date.UTC(1900, 2, 1);
const LAST_DATE = Date.UTC(9999, 11, 31);

export const DATE_FORMAT = 'yyyy-mm-dd';

function text(value: string): string {
  // Such a cell is reported as too long by the import; the report keeps what Excel can hold.
  return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
}

/** The cell to write; undefined for an empty cell, so no cell is created for it. */
export function reportCellValue(cell: RawCell): CellValue | undefined {
  if (cell === null || cell === '') return undefined;
  if (typeof cell === 'string') return text(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : String(cell);
  if (typeof cell === 'boolean') return cell;
  const time = cell.getTime();
  // Outside Excel's calendar a date cell would show as ####; its text says what was read.
  return time >= FIRST_DATE && time <= LAST_DATE ? cell : cellForReport(cell);
}

/** How wide the cell shows, for fitting its column. */
export function cellWidth(cell: RawCell): number {
  if (cell === null) return 0;
  if (cell instanceof Date) return DATE_FORMAT.length;
  return displayWidth(typeof cell === 'string' ? cell : String(cell));
}
