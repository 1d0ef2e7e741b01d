/**
 * CSV file → rows of text cells. Row numbers are csv-parse's record count with blank lines
 * kept as records, which is the row number Excel shows for the file (a quoted cell may span
 * several text lines yet stays one row); syntax errors also give the text line. Files are read
 * as a stream (stream-csv-file.ts), so a table is as big as its rows, never its file.
 */
import type { RawTable } from '../raw-table.js';
import type { CsvFailure } from './csv-failure.js';
import { scanCsvFile, streamCsvRows, type CsvStreamOptions } from './stream-csv-file.js';

export type { CsvFailure } from './csv-failure.js';

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
