/**
 * The report's first sheet: a title, a summary line and notes on top, then one row per problem
 * with a frozen, filterable header; errors in red, warnings in orange.
 */
import type { CellValue } from 'exceljs';
import type { Bilingual, Lang } from '../../model/messages.js';
import type { ReportProblem, ValidationReport } from '../validation-report.js';
import { columnLabel, findEntry } from './problem-groups.js';
import type { ReportFile } from './report-file.js';
import { HEADER_FILL, HEADER_FONT, SEVERITY_FONT, styleCells, TITLE_FONT } from './report-styles.js';
import { pick, reportTexts } from './report-texts.js';
import { displayWidth, fitWidth } from './text-width.js';

const COLUMN_KEYS = ['severity', 'file', 'sheet', 'row', 'column', 'code', 'message', 'otherMessage', 'value'] as const;
/** Widest column, in characters: messages and paths beyond it stay readable in the cell. */
const MAX_COLUMN_WIDTH = 80;
const MIN_COLUMN_WIDTH = 6;

function problemCells(p: ReportProblem, header: readonly string[] | undefined, lang: Lang): CellValue[] {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const label = columnLabel(p, header);
  return [
    pick(reportTexts.severity[p.severity], lang),
    p.file ?? null,
    p.sheet ?? null,
    p.row ?? null,
    label === '' ? null : label,
    p.code,
    pick(p, lang),
    pick(p, other),
    p.value ?? null,
  ];
}

function columnWidths(rows: readonly (readonly CellValue[])[]): number[] {
  const widths = COLUMN_KEYS.map(() => 0);
  for (const cells of rows) {
    cells.forEach((cell, i) => {
      if (cell !== null && cell !== undefined) widths[i] = Math.max(widths[i] ?? 0, displayWidth(String(cell)));
    });
  }
  return widths.map((w) => fitWidth(w, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH));
}

/** Writes and commits the sheet; `notes` say what the sheets of original rows leave out. */
export function writeProblemsSheet(file: ReportFile, name: string, report: ValidationReport, notes: readonly Bilingual[], lang: Lang): void {
  const headerOf = (p: ReportProblem): readonly string[] | undefined => (p.file === undefined ? undefined : findEntry(report.files, p.file, p.sheet)?.header?.cells);
  const header = COLUMN_KEYS.map((key) => pick(reportTexts.columns[key], lang));
  const rows = report.problems.map((p) => problemCells(p, headerOf(p), lang));
  // Title, summary line, the notes and a blank line come before the table's header.
  const headerRow = notes.length + 4;
  const sheet = file.addSheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = columnWidths([header, ...rows]).map((width) => ({ width }));

  styleCells(sheet.addRow([pick(reportTexts.title, lang)]), TITLE_FONT);
  const rowCount = report.files.reduce((sum, f) => sum + f.rows, 0);
  sheet.addRow([pick(reportTexts.summary(report.files.length, rowCount, report.errorCount, report.warningCount, report.problemsOmitted), lang)]);
  for (const note of notes) sheet.addRow([pick(note, lang)]);
  sheet.addRow([]);
  const head = sheet.addRow(header);
  styleCells(head, HEADER_FONT, HEADER_FILL);
  head.commit();

  report.problems.forEach((p, i) => {
    const row = sheet.addRow(rows[i] ?? []);
    styleCells(row, SEVERITY_FONT[p.severity]);
    row.commit();
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + report.problems.length, column: COLUMN_KEYS.length } };
  sheet.commit();
}
