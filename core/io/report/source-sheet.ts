/**
 * The second read of a table: its original rows copied into a sheet of their own, the original
 * row number in column A, the cells as read from B on, and an added column listing each row's
 * problems; the cells with a problem are filled light red (light orange for a warning). Rows
 * are committed as they stream in; a capped table is not read again but written from the rows
 * its survey kept. The readers hand rows to a synchronous callback, which cannot pause them to
 * wait for the deflater as core/sample/sheet-backpressure.ts does for the sample writer; the
 * row cap bounds the sheet XML that can pile up instead (measured: about 50 MB more RSS for
 * 100,000 rows of 7 columns, written in 2.4 s).
 */
import type { CellValue, Row } from 'exceljs';
import type { Lang } from '../../model/messages.js';
import type { RawCell } from '../raw-table.js';
import type { ReportProblem, Severity } from '../validation-report.js';
import { columnLetters } from '../xlsx/cell-ref.js';
import { DATE_FORMAT, reportCellValue } from './cell-values.js';
import { rowProblemsText } from './problem-groups.js';
import type { ReportFile } from './report-file.js';
import { HEADER_FILL, HEADER_FONT, SEVERITY_FILL, SEVERITY_FONT, styleCells } from './report-styles.js';
import { pick, reportTexts } from './report-texts.js';
import { readSourceRows, type SourceOutcome } from './source-rows.js';
import type { SourcePlan } from './source-survey.js';
import { displayWidth, fitWidth, wrappedLines } from './text-width.js';

const NO_CELLS: readonly RawCell[] = [];
const MAX_CELL_COLUMN_WIDTH = 50;
const MAX_PROBLEMS_COLUMN_WIDTH = 100;
/** Points per line of the default 11-point font. */
const LINE_HEIGHT = 15;

function worstSeverity(problems: readonly ReportProblem[]): Severity {
  return problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
}

/** Fills each cell named by a problem; an error's colour wins over a warning's. */
function highlight(row: Row, problems: readonly ReportProblem[], width: number): void {
  const columns = new Map<number, Severity>();
  for (const p of problems) {
    if (p.columnNumber === undefined || p.columnNumber > width) continue;
    if (columns.get(p.columnNumber) !== 'error') columns.set(p.columnNumber, p.severity);
  }
  for (const [column, severity] of columns) row.getCell(column + 1).fill = SEVERITY_FILL[severity];
}

export async function writeSourceSheet(file: ReportFile, name: string, plan: SourcePlan, lang: Lang): Promise<void> {
  const { group, width } = plan;
  const header = group.entry?.header?.cells;
  const problemsColumn = width + 2;
  const rowLabel = pick(reportTexts.originalRow, lang);
  const texts = new Map(Array.from(group.rows, ([row, problems]) => [row, rowProblemsText(problems, header, lang)]));
  const longestLine = Math.max(0, ...Array.from(texts.values(), (text) => Math.max(...text.split('\n').map(displayWidth))));
  const problemsWidth = fitWidth(longestLine, 10, MAX_PROBLEMS_COLUMN_WIDTH);
  const sheet = file.addSheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 + plan.rowsThroughHeader }] });
  sheet.columns = [
    { width: fitWidth(displayWidth(rowLabel), 8, MAX_CELL_COLUMN_WIDTH) },
    ...Array.from({ length: width }, (_, i) => ({ width: fitWidth(plan.columnWidths[i] ?? 0, 4, MAX_CELL_COLUMN_WIDTH) })),
    { width: problemsWidth },
  ];
  const head = sheet.addRow([rowLabel, ...Array.from({ length: width }, (_, i) => columnLetters(i + 1)), pick(reportTexts.rowProblems, lang)]);
  styleCells(head, HEADER_FONT, HEADER_FILL);
  head.commit();
  let lastRow = 1;

  const write = (rowNumber: number, cells: readonly RawCell[]): void => {
    const problems = group.rows.get(rowNumber);
    const text = texts.get(rowNumber);
    // Index 0 is column A; holes (empty cells) create no cell.
    const values: (CellValue | undefined)[] = [rowNumber];
    const copied = Math.min(cells.length, width);
    for (let i = 0; i < copied; i++) values[i + 1] = reportCellValue(cells[i] ?? null);
    if (text !== undefined) values[problemsColumn - 1] = text;
    const row = sheet.addRow(values);
    for (let i = 1; i <= copied; i++) if (values[i] instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    if (problems !== undefined && text !== undefined) {
      highlight(row, problems, width);
      const cell = row.getCell(problemsColumn);
      cell.font = SEVERITY_FONT[worstSeverity(problems)];
      cell.alignment = { wrapText: true, vertical: 'top' };
      // Readers do not reliably grow a row for wrapped text on opening a file (LibreOffice does not).
      const lines = wrappedLines(text, problemsWidth);
      if (lines > 1) row.height = lines * LINE_HEIGHT;
    }
    row.commit();
    lastRow++;
  };

  // A problem's row the reader does not hand over (past where a malformed CSV stops) still gets its row.
  const pending = Array.from(group.rows.keys()).sort((a, b) => a - b);
  let next = 0;
  const writePendingBefore = (limit: number): void => {
    for (let row = pending[next]; row !== undefined && row < limit; row = pending[++next]) write(row, NO_CELLS);
  };
  const copy = (cells: readonly RawCell[], row: number): void => {
    writePendingBefore(row);
    if (pending[next] === row) next++;
    write(row, cells);
  };
  let outcome: SourceOutcome = 'read';
  if (plan.capped) for (const { row, cells } of plan.keptRows) copy(cells, row);
  else outcome = await readSourceRows({ file: group.file, sheet: group.sheet, sha256: group.entry?.sha256 }, copy);
  writePendingBefore(Infinity);
  // The survey read the file a moment ago; should it have changed since, the sheet says so.
  if (outcome !== 'read') {
    const note = outcome === 'changed' ? reportTexts.notes.changed(group.file) : reportTexts.notes.unreadable(group.file);
    sheet.addRow([pick(note, lang)]).commit();
    lastRow++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: problemsColumn } };
  sheet.commit();
}
