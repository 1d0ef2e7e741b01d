/**
 * One table of a results folder read row by row: its part files in order, each with its own
 * header row (a warehouse writes one per part), columns found by name as SPEC §13 lets readers
 * do. Rows stream, so a customers.csv of ten million rows is never whole in memory.
 */
import { stat } from 'node:fs/promises';
import { scanCsvFile, streamCsvRows, type CsvStreamOptions } from '../csv/stream-csv-file.js';
import type { ProblemLog } from '../validation-report.js';
import type { ResultSourceFile } from '../../model/result-set.js';
import { resultIssues } from './result-messages.js';
import type { TableFiles } from './result-files.js';

/** A data row: its cells, where it is, and the column numbers by name. */
export interface ResultRow {
  readonly cells: readonly string[];
  readonly file: string;
  /** The row number in its file, the header being row 1. */
  readonly row: number;
}

export interface ReadTableRequest<C extends string> {
  readonly files: TableFiles;
  /** Columns the table must have. */
  readonly columns: readonly C[];
  readonly log: ProblemLog;
  readonly csv?: CsvStreamOptions;
  /** Called for each data row, with the column positions its part's header gave. */
  readonly onRow: (row: ResultRow, at: Readonly<Record<C, number>>) => void;
}

/** Header text as matched: trimmed, case-insensitive, backquotes a SQL export may keep removed. */
function headerKey(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/`/g, '').trim().toLowerCase();
}

/**
 * Reads every part; a part whose header lacks a column is reported and skipped. Returns the
 * parts read, for provenance, or null when a file could not be read at all.
 */
export async function readResultTable<C extends string>(request: ReadTableRequest<C>): Promise<ResultSourceFile[] | null> {
  const { files, columns, log, onRow } = request;
  const read: ResultSourceFile[] = [];
  let failed = false;
  let firstHeader: string | null = null;
  for (let p = 0; p < files.paths.length; p++) {
    const path = files.paths[p] as string;
    const file = files.names[p] as string;
    if (/\.(gz|bz2|zst|snappy|lz4|deflate)$/i.test(file)) {
      log.error(resultIssues.compressedPart, { file });
      failed = true;
      continue;
    }
    const scanned = await scanCsvFile(path, request.csv);
    // An empty part is an empty partition (Spark 2 writes one): zero rows, not a broken file.
    if (!scanned.ok && scanned.failure.problem.code === 'file.empty' && files.paths.length > 1) {
      read.push({ name: file, sha256: EMPTY_SHA256, bytes: 0, rows: 0 });
      continue;
    }
    if (!scanned.ok) {
      log.error(scanned.failure.problem, { file, ...(scanned.failure.row === undefined ? {} : { row: scanned.failure.row }) });
      failed = true;
      continue;
    }
    let at: Record<C, number> | null = null;
    let width = 0;
    let rows = 0;
    let headerOk = true;
    const failure = await streamCsvRows(
      path,
      scanned.scan,
      (cells, row) => {
        if (row === 1) {
          const keys = cells.map(headerKey);
          const joined = keys.join(',');
          if (firstHeader !== null && joined !== firstHeader) log.warning(resultIssues.headerDiffers, { file, row });
          firstHeader ??= joined;
          const found = {} as Record<C, number>;
          for (const name of columns) {
            const i = keys.indexOf(name);
            if (i < 0) {
              log.error(resultIssues.columnMissing(name), { file, row });
              headerOk = false;
            } else if (keys.indexOf(name, i + 1) >= 0) {
              log.error(resultIssues.columnTwice(name), { file, row, column: name });
              headerOk = false;
            }
            found[name] = i;
          }
          at = found;
          width = cells.length;
          return;
        }
        // A blank line (a trailing newline the export added) is no row.
        if (cells.length === 1 && cells[0] === '') return;
        rows++;
        // A row of another width has its cells under the wrong columns (an unquoted comma, a cut line).
        if (cells.length !== width) {
          log.error(resultIssues.cellCount(width, cells.length), { file, row });
          return;
        }
        if (headerOk && at !== null) onRow({ cells, file, row }, at);
      },
      request.csv,
    );
    if (failure !== null) {
      log.error(failure.problem, { file, ...(failure.row === undefined ? {} : { row: failure.row }), ...(failure.columnNumber === undefined ? {} : { columnNumber: failure.columnNumber }) });
      failed = true;
      continue;
    }
    if (!headerOk) failed = true;
    read.push({ name: file, sha256: scanned.scan.sha256, bytes: (await stat(path)).size, rows });
  }
  return failed ? null : read;
}

/** SHA-256 of no bytes. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Cells a warehouse writes for "no value": empty, Hive's \N, null and NaN. */
export function isNoValue(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '\\N' || t.toLowerCase() === 'null' || t === 'NaN';
}

/**
 * A number as any writer of SPEC §13 files gives it: plain decimals, or Java's
 * Double.toString (1.2345678E7); null when the text is not a finite number.
 */
export function numberCell(text: string): number | null {
  const t = text.trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** 1/0 as the files write flags; true/false as a warehouse's boolean column exports them. */
export function flagCell(text: string): 0 | 1 | null {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === '1.0') return 1;
  if (t === '0' || t === 'false' || t === '0.0') return 0;
  return null;
}

/** Equal within 1e-6 of the larger magnitude (at least 1); NaN (no value) only equals NaN. */
export function closeEnough(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}
