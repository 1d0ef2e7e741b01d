/** Writing helpers every report sheet uses: a header row whose cells carry explanatory notes. */
import type { Cell, ColumnSpec, RowOptions, WorksheetWriter } from '../xlsx-writer/workbook-writer.js';
import type { ReportStyle } from './report-styles.js';
import type { Column } from './report-texts.js';
import { displayWidth, fitWidth } from '../report/text-width.js';

export type ReportSheet = WorksheetWriter<ReportStyle>;
export type ReportCell = Cell<ReportStyle>;

/** A header row: bold cells, each with its note (an empty note adds none). */
export async function writeHeader(sheet: ReportSheet, columns: readonly (Column | string)[], options?: RowOptions): Promise<void> {
  await sheet.addRow(
    columns.map((c) => ({ value: typeof c === 'string' ? c : c.header, style: 'header' as const })),
    options,
  );
  const row = sheet.rowCount;
  columns.forEach((c, i) => {
    if (typeof c !== 'string' && c.note !== '') sheet.addNote(row, i + 1, c.note);
  });
}

/** A column as wide as its header or its widest expected content, whichever is wider. */
export function columnFor(header: string, style?: ReportStyle, widest = 12): ColumnSpec<ReportStyle> {
  const width = fitWidth(Math.max(displayWidth(header), widest), 8, 60);
  return style === undefined ? { width } : { width, style };
}

/** A title cell on a row of its own. */
export async function writeTitle(sheet: ReportSheet, text: string): Promise<void> {
  await sheet.addRow([{ value: text, style: 'title' }]);
}

/** NaN (the engine's "no value") as an empty cell. */
export function numberOrEmpty(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
