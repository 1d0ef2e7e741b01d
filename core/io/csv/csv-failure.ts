/** Why a CSV file could not be read, as the import reports it. */
import type { CsvError } from 'csv-parse';
import type { Problem } from '../../model/messages.js';
import { csvSyntaxReasons, fileIssues, rowIssues } from '../input-messages.js';

/** Why a file could not be read; row and column are given for syntax errors. */
export interface CsvFailure {
  readonly problem: Problem;
  readonly row?: number;
  readonly columnNumber?: number;
}

/** A file system error (ENOENT, EACCES, EISDIR…) while opening or reading the file. */
export function readFailure(error: unknown): CsvFailure {
  const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
  return { problem: code === 'ENOENT' ? fileIssues.notFound : fileIssues.readFailed(code) };
}

/** csv-parse's error → the record (Excel row), field and text line it points at. */
export function syntaxFailure(error: CsvError): CsvFailure {
  const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  const records = num(error.records);
  const index = num(error.index);
  const reason = csvSyntaxReasons[error.code] ?? { zh: error.message, en: error.message };
  return {
    problem: rowIssues.csvSyntax(num(error.lines) ?? 0, reason),
    ...(records === undefined ? {} : { row: records + 1 }),
    ...(index === undefined ? {} : { columnNumber: index + 1 }),
  };
}
