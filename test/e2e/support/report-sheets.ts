/**
 * Opens a downloaded report with the app's own streaming .xlsx reader: the sheets it would show
 * and any error reading them. A report the reader cannot open would not open in Excel either.
 */
import { readXlsxFile } from '../../../core/io/xlsx/read-xlsx-file.js';

export interface OpenedWorkbook {
  readonly sheets: readonly string[];
  /** Rows per sheet, to tell an empty sheet from a written one. */
  readonly rows: Readonly<Record<string, number>>;
  readonly errors: readonly string[];
}

export async function openWorkbook(path: string): Promise<OpenedWorkbook> {
  const sheets: string[] = [];
  const rows: Record<string, number> = {};
  const errors: string[] = [];
  await readXlsxFile(path, {
    openSheet(source) {
      const name = source.sheet ?? '';
      sheets.push(name);
      rows[name] = 0;
      return () => {
        rows[name] = (rows[name] ?? 0) + 1;
      };
    },
    closeSheet() {},
    problem(severity, problem, at) {
      if (severity === 'error') errors.push(`${at.sheet ?? ''}: ${problem.en}`);
    },
  });
  return { sheets, rows, errors };
}
