/**
 * CSV file → rows of text cells. Row numbers are csv-parse's record count with blank lines
 * kept as records, which is the row number Excel shows for the file (a quoted cell may span
 * several text lines yet stays one row); syntax errors also give the text line. Big files are
 * read as a stream (stream-csv-file.ts); these whole-file helpers are for small ones.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { fileIssues } from '../input-messages.js';
import type { RawTable } from '../raw-table.js';
import { readFailure, syntaxFailure, type CsvFailure } from './csv-failure.js';
import { decodeText, detectEncoding, hasUtf8Bom } from './decode-text.js';
import { scanCsvFile, streamCsvRows, type CsvStreamOptions } from './stream-csv-file.js';

export type { CsvFailure } from './csv-failure.js';

export type CsvBytesResult =
  | { readonly ok: true; readonly utf8: Uint8Array; readonly sha256: string }
  | { readonly ok: false; readonly failure: CsvFailure };

/**
 * Reads a whole file (fine up to a few hundred MB; the import streams instead, see
 * stream-csv-file.ts, as a GBK file's text must fit V8's 512 Mi-character string limit here),
 * hashes it and returns its text as UTF-8 bytes without a BOM. csv-parse works on UTF-8 bytes (it turns a string back into a Buffer),
 * so a UTF-8 file is passed through undecoded, saving a string copy of the whole file (two
 * bytes per character once it holds any Chinese).
 */
export async function loadCsvBytes(path: string): Promise<CsvBytesResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, failure: readFailure(error) };
  }
  if (bytes.length === 0) return { ok: false, failure: { problem: fileIssues.empty } };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8') return { ok: true, utf8: hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes, sha256 };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, failure: { problem: decoded.problem } };
  return { ok: true, utf8: Buffer.from(decoded.text, 'utf8'), sha256 };
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

/** A whole CSV file as a RawTable (for tools and tests), read as the import reads it. */
export async function readCsvTable(
  path: string,
  options: CsvStreamOptions = {},
): Promise<{ ok: true; table: RawTable } | { ok: false; failure: CsvFailure }> {
  const scanned = await scanCsvFile(path, options);
  if (!scanned.ok) return scanned;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const failure = await streamCsvRows(
    path,
    scanned.scan,
    (cells, row) => {
      rows.push(cells);
      rowNumbers.push(row);
    },
    options,
  );
  if (failure !== null) return { ok: false, failure };
  return { ok: true, table: { source: { file: path, sha256: scanned.scan.sha256 }, rows, rowNumbers } };
}
