/**
 * Reads one input table again, row by row, for the report's copy of the original rows: a CSV
 * file, or one worksheet of a workbook. The same readers as the import give the same cells and
 * row numbers. The problems they meet were reported by the import already, so only the rows
 * matter here.
 */
import { scanCsvFile, streamCsvRows } from '../csv/stream-csv-file.js';
import { isWorkbookFile } from '../list-input-files.js';
import type { RawCell } from '../raw-table.js';
import { readXlsxFile } from '../xlsx/read-xlsx-file.js';

export type SourceRowSink = (cells: readonly RawCell[], row: number) => void;

/**
 * 'read': the rows went to the sink (up to where the import stopped too, for a malformed file);
 * 'changed': the file's content is not what was validated, so its row numbers would mislead;
 * 'unreadable': the file or the sheet cannot be opened any more.
 */
export type SourceOutcome = 'read' | 'changed' | 'unreadable';

export interface SourceTable {
  readonly file: string;
  readonly sheet: string | undefined;
  /** SHA-256 of the file as validated; when absent the content is not checked. */
  readonly sha256: string | undefined;
}

async function readCsvSource(source: SourceTable, sink: SourceRowSink): Promise<SourceOutcome> {
  const scanned = await scanCsvFile(source.file);
  if (!scanned.ok) return 'unreadable';
  if (source.sha256 !== undefined && scanned.scan.sha256 !== source.sha256) return 'changed';
  // A syntax failure ends the rows where it ended the import's; the report already names it.
  await streamCsvRows(source.file, scanned.scan, sink);
  return 'read';
}

async function readSheetSource(source: SourceTable, sink: SourceRowSink): Promise<SourceOutcome> {
  let outcome: SourceOutcome = 'unreadable';
  await readXlsxFile(source.file, {
    openSheet: (table) => {
      if (table.sheet !== source.sheet) return null;
      if (source.sha256 !== undefined && table.sha256 !== source.sha256) {
        outcome = 'changed';
        return null;
      }
      outcome = 'read';
      return sink;
    },
    closeSheet: () => undefined,
    problem: () => undefined,
  });
  return outcome;
}

export function readSourceRows(source: SourceTable, sink: SourceRowSink): Promise<SourceOutcome> {
  return isWorkbookFile(source.file) ? readSheetSource(source, sink) : readCsvSource(source, sink);
}
