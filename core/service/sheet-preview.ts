/**
 * The mapping step's look at files before they are read: for each CSV file and each visible
 * worksheet, the header row, what each header is read as, and the first data rows. The same
 * readers and header detection as the import (detect-header, detect-kind), but only the first
 * rows are read: a sheet stops streaming once its preview is full.
 */
import { scanCsvFile, streamCsvRows } from '../io/csv/stream-csv-file.js';
import { isWorkbookFile, listInputFiles } from '../io/list-input-files.js';
import { HEADER_SEARCH_ROWS, matchHeaderRow, type HeaderMatch } from '../io/mapping/detect-header.js';
import { detectKind } from '../io/mapping/detect-kind.js';
import type { RawCell } from '../io/raw-table.js';
import { cellForReport } from '../io/validation-report.js';
import { readXlsxFile } from '../io/xlsx/read-xlsx-file.js';
import type { ColumnMapping } from '../model/column-mapping.js';
import type { Problem } from '../model/messages.js';
import type { SheetPreview } from './contract.js';

export const PREVIEW_ROWS = 20;

/** Thrown from a row sink to stop a reader once the preview has its rows. */
class PreviewFull extends Error {}

function isBlank(cells: readonly RawCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Keeps a table's first rows until the header and PREVIEW_ROWS data rows are known. */
class PreviewCollector {
  private readonly rows: { cells: readonly RawCell[]; row: number }[] = [];
  private header: { index: number; match: HeaderMatch } | null = null;
  private dataRows = 0;
  problem: Problem | undefined;

  constructor(
    private readonly file: string,
    private readonly sheet: string | undefined,
    private readonly mappings: ReadonlyMap<string, ColumnMapping>,
  ) {}

  get full(): boolean {
    return this.header === null ? this.rows.length >= HEADER_SEARCH_ROWS + PREVIEW_ROWS : this.dataRows >= PREVIEW_ROWS;
  }

  push(cells: readonly RawCell[], row: number): void {
    this.rows.push({ cells: [...cells], row });
    if (this.header !== null) {
      if (!isBlank(cells)) this.dataRows++;
      return;
    }
    if (this.rows.length > HEADER_SEARCH_ROWS) return;
    const match = matchHeaderRow(cells, this.mappings);
    if (match !== null) this.header = { index: this.rows.length - 1, match };
  }

  preview(): SheetPreview {
    const where = { file: this.file, ...(this.sheet === undefined ? {} : { sheet: this.sheet }) };
    const problem = this.problem === undefined ? {} : { problem: this.problem };
    // Without a recognised header, the first non-blank row is the one the user maps.
    const index = this.header?.index ?? this.rows.findIndex((r) => !isBlank(r.cells));
    const headerRow = this.rows[index];
    if (headerRow === undefined) return { ...where, kind: 'unknown', headerRow: null, header: [], fields: {}, rows: [], ...problem };
    const header = headerRow.cells.map(cellForReport);
    const match = this.header?.match ?? null;
    const kind = match === null ? null : detectKind(match.columns);
    const fieldOf = new Map((match?.columns ?? []).map((c) => [c.index, c.field]));
    const fields: Record<string, string | null> = {};
    header.forEach((text, i) => {
      if (text.trim() !== '') fields[text] = fieldOf.get(i) ?? null;
    });
    const rows = this.rows
      .slice(index + 1)
      .filter((r) => !isBlank(r.cells))
      .slice(0, PREVIEW_ROWS)
      .map((r) => r.cells.map(cellForReport));
    return { ...where, kind: kind?.ok === true ? kind.kind : 'unknown', headerRow: headerRow.row, header, fields, rows, ...problem };
  }
}

async function previewCsv(file: string, mappings: ReadonlyMap<string, ColumnMapping>): Promise<SheetPreview> {
  const collector = new PreviewCollector(file, undefined, mappings);
  // Streamed like the import: a 3 GB extract is scanned once and only its first rows are parsed.
  const scanned = await scanCsvFile(file);
  if (!scanned.ok) {
    collector.problem = scanned.failure.problem;
    return collector.preview();
  }
  try {
    const failure = await streamCsvRows(file, scanned.scan, (cells, row) => {
      collector.push(cells, row);
      if (collector.full) throw new PreviewFull();
    });
    if (failure !== null) collector.problem = failure.problem;
  } catch (e) {
    if (!(e instanceof PreviewFull)) throw e;
  }
  return collector.preview();
}

/**
 * A full sheet stops the reader, which then starts again from the next sheet (the sheets
 * already previewed are skipped unread), so a million-row sheet costs only its first rows.
 */
async function previewWorkbook(file: string, mappings: ReadonlyMap<string, ColumnMapping>): Promise<SheetPreview[]> {
  const sheets = new Map<string, PreviewCollector>();
  const whole = new PreviewCollector(file, undefined, mappings);
  for (let again = true; again; ) {
    again = false;
    let current: PreviewCollector | null = null;
    try {
      await readXlsxFile(file, {
        openSheet: (source) => {
          const name = source.sheet ?? '';
          if (sheets.has(name)) return null;
          const collector = new PreviewCollector(file, name, mappings);
          sheets.set(name, collector);
          current = collector;
          return (cells, row) => {
            collector.push(cells, row);
            if (collector.full) throw new PreviewFull();
          };
        },
        closeSheet: () => {
          current = null;
        },
        problem: (severity, problem, at) => {
          // Only what stops a sheet or the file matters here; cell problems show in validation.
          if (severity !== 'error' || at.row !== undefined) return;
          const target: PreviewCollector = current ?? (at.sheet === undefined ? whole : (sheets.get(at.sheet) ?? whole));
          target.problem ??= problem;
        },
      });
    } catch (e) {
      if (!(e instanceof PreviewFull)) throw e;
      again = true;
    }
  }
  const previews = [...sheets.values()].map((c) => c.preview());
  return whole.problem === undefined ? previews : [whole.preview(), ...previews];
}

/** Previews of every table in the files and folders (as the import would list them). */
export async function previewTables(paths: readonly string[], mappings: readonly ColumnMapping[]): Promise<SheetPreview[]> {
  const bySignature = new Map(mappings.map((m) => [m.signature, m]));
  const listed = await listInputFiles(paths);
  const previews: SheetPreview[] = listed.problems.map(({ path, problem }) => ({ file: path, kind: 'unknown', headerRow: null, header: [], fields: {}, rows: [], problem }));
  for (const file of listed.files) {
    if (isWorkbookFile(file)) previews.push(...(await previewWorkbook(file, bySignature)));
    else previews.push(await previewCsv(file, bySignature));
  }
  return previews;
}
