/**
 * The report's problems arranged for the export: by input table (file + sheet), by row, with
 * each problem's column named by letter and header text.
 */
import type { Lang } from '../../model/messages.js';
import type { FileEntry, ProblemLocation, ReportProblem, ValidationReport } from '../validation-report.js';
import { columnLetters } from '../xlsx/cell-ref.js';
import { pick, reportTexts } from './report-texts.js';

/** The problems of one input table that name a row. */
export interface SourceProblems {
  readonly file: string;
  readonly sheet: string | undefined;
  /** The import's entry for the table, when it got as far as reading it. */
  readonly entry: FileEntry | undefined;
  /** Row number → that row's problems, in the report's order. */
  readonly rows: ReadonlyMap<number, readonly ReportProblem[]>;
}

export function findEntry(files: readonly FileEntry[], file: string, sheet: string | undefined): FileEntry | undefined {
  return files.find((f) => f.file === file && f.sheet === sheet);
}

/** One group per table with row problems, in the order the tables were read. */
export function groupRowProblems(report: ValidationReport): SourceProblems[] {
  const groups = new Map<string, { file: string; sheet: string | undefined; rows: Map<number, ReportProblem[]> }>();
  for (const p of report.problems) {
    if (p.file === undefined || p.row === undefined) continue;
    const key = `${p.file}\u0000${p.sheet ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { file: p.file, sheet: p.sheet, rows: new Map() };
      groups.set(key, group);
    }
    const list = group.rows.get(p.row);
    if (list === undefined) group.rows.set(p.row, [p]);
    else list.push(p);
  }
  const order = (g: { file: string; sheet: string | undefined }): number => {
    const i = report.files.findIndex((f) => f.file === g.file && f.sheet === g.sheet);
    return i === -1 ? report.files.length : i;
  };
  // Array.prototype.sort is stable: tables the import never entered keep the order of their first problem.
  return Array.from(groups.values())
    .sort((a, b) => order(a) - order(b))
    .map((g) => ({ ...g, entry: findEntry(report.files, g.file, g.sheet) }));
}

/**
 * "C 应收费用": the column's letter and its header text. The mapper names a column by its header
 * text and the workbook reader by its letter, so the header text is taken from the table's
 * header row when the problem carries only the letter.
 */
export function columnLabel(at: ProblemLocation, header: readonly string[] | undefined): string {
  if (at.columnNumber === undefined) return at.column ?? '';
  const letters = columnLetters(at.columnNumber);
  const name = at.column !== undefined && at.column !== letters ? at.column : (header?.[at.columnNumber - 1] ?? '');
  return name === '' ? letters : `${letters} ${name}`;
}

/** A row's problems for the added column, one per line: "列 C 应收费用：不是数字…". */
export function rowProblemsText(problems: readonly ReportProblem[], header: readonly string[] | undefined, lang: Lang): string {
  return problems
    .map((p) => {
      const label = columnLabel(p, header);
      const warning = p.severity === 'warning' ? pick(reportTexts.warningPrefix, lang) : '';
      const column = label === '' ? '' : pick(reportTexts.columnPrefix(label), lang);
      return `${warning}${column}${pick(p, lang)}`;
    })
    .join('\n');
}
