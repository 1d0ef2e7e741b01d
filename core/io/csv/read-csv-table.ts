/**
 * CSV file → rows of text cells. Row numbers are csv-parse's record count with blank lines
 * kept as records, which is the row number Excel shows for the file (a quoted cell may span
 * several text lines yet stays one row); syntax errors also give the text line.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import type { Problem } from '../../model/messages.js';
import { csvSyntaxReasons, fileIssues, rowIssues } from '../input-messages.js';
import type { RawTable } from '../raw-table.js';
import { decodeText, detectEncoding, hasUtf8Bom } from './decode-text.js';

/** Why a file could not be read; row and column are given for syntax errors. */
export interface CsvFailure {
  readonly problem: Problem;
  readonly row?: number;
  readonly columnNumber?: number;
}

export type CsvBytesResult =
  | { readonly ok: true; readonly utf8: Uint8Array; readonly sha256: string }
  | { readonly ok: false; readonly failure: CsvFailure };

/**
 * Reads a whole file (fine up to a few hundred MB), hashes it and returns its text as UTF-8
 * bytes without a BOM. csv-parse works on UTF-8 bytes (it turns a string back into a Buffer),
 * so a UTF-8 file is passed through undecoded, saving a string copy of the whole file (two
 * bytes per character once it holds any Chinese).
 */
export async function loadCsvBytes(path: string): Promise<CsvBytesResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return { ok: false, failure: { problem: code === 'ENOENT' ? fileIssues.notFound : fileIssues.readFailed(code) } };
  }
  if (bytes.length === 0) return { ok: false, failure: { problem: fileIssues.empty } };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8') return { ok: true, utf8: hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes, sha256 };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, failure: { problem: decoded.problem } };
  return { ok: true, utf8: Buffer.from(decoded.text, 'utf8'), sha256 };
}

function syntaxFailure(error: CsvError): CsvFailure {
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

/**
 * Parses CSV (a string, or UTF-8 bytes) record by record into onRow, without keeping the
 * records, so a million-row file costs no more than its text. Ragged rows are allowed (missing
 * cells are empty). Returns the syntax failure, if any; the rows before it have been handed over.
 */
export function parseCsvRows(csv: string | Uint8Array, onRow: (cells: string[], row: number) => void): CsvFailure | null {
  try {
    parse(csv, {
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        onRow(record, context.records);
        return null;
      },
    });
    return null;
  } catch (error) {
    if (error instanceof CsvError) return syntaxFailure(error);
    throw error;
  }
}

/** A whole CSV file as a RawTable (for tools and tests; the import streams with parseCsvRows). */
export async function readCsvTable(path: string): Promise<{ ok: true; table: RawTable } | { ok: false; failure: CsvFailure }> {
  const loaded = await loadCsvBytes(path);
  if (!loaded.ok) return loaded;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const failure = parseCsvRows(loaded.utf8, (cells, row) => {
    rows.push(cells);
    rowNumbers.push(row);
  });
  if (failure !== null) return { ok: false, failure };
  return { ok: true, table: { source: { file: path, sha256: loaded.sha256 }, rows, rowNumbers } };
}
