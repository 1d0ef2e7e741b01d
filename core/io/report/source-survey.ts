/**
 * The first of the two reads of a table for its sheet of original rows: how many rows it has
 * (to apply the cap), how wide the copied rows are and how wide each column's text is. A
 * streaming worksheet is written row by row from the top, so its column widths and the place of
 * the added problems column must be known before the first row; reading twice keeps memory flat.
 * The rows a capped sheet keeps (the header and the rows with problems, as many as the report
 * holds problems at most) are held from this read, so a large table is read only once more.
 */
import type { RawCell } from '../raw-table.js';
import { cellWidth } from './cell-values.js';
import type { SourceProblems } from './problem-groups.js';
import { readSourceRows, type SourceOutcome } from './source-rows.js';

/** Excel's 16,384 columns less the row number column and the problems column. */
export const MAX_SOURCE_COLUMNS = 16_384 - 2;
/** Column widths are fitted to the first rows and the rows with problems: the rest are alike. */
const WIDTH_SAMPLE_ROWS = 2000;

export interface SourceRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface SourcePlan {
  readonly group: SourceProblems;
  readonly outcome: SourceOutcome;
  /** Rows the reader handed over (blank rows included). */
  readonly rows: number;
  /** More rows than the cap: only the rows through the header row and the rows with problems are copied. */
  readonly capped: boolean;
  /** When capped, the rows to copy, in order; empty otherwise (the table is read again). */
  readonly keptRows: readonly SourceRow[];
  /** Copied rows through the header row, to freeze them with the sheet's own header. */
  readonly rowsThroughHeader: number;
  /** Original columns copied: the widest copied row, the header and every problem's column. */
  readonly width: number;
  /** Some row was wider than a worksheet can hold. */
  readonly columnsCut: boolean;
  /** Display width of each original column's widest text (sampled). */
  readonly columnWidths: readonly number[];
}

/** Cells up to the last one that is not empty (CSV rows often end in empty cells). */
function usedLength(cells: readonly RawCell[]): number {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] === null || cells[n - 1] === '')) n--;
  return n;
}

export async function surveySource(group: SourceProblems, cap: number): Promise<SourcePlan> {
  const headerRow = group.entry?.header?.row ?? 0;
  const columnWidths: number[] = [];
  let rows = 0;
  let rowsThroughHeader = 0;
  let widest = 0;
  let widestKept = 0;
  const keptRows: SourceRow[] = [];
  const outcome = await readSourceRows({ file: group.file, sheet: group.sheet, sha256: group.entry?.sha256 }, (cells, row) => {
    rows++;
    const used = usedLength(cells);
    const kept = row <= headerRow || group.rows.has(row);
    widest = Math.max(widest, used);
    if (kept) {
      widestKept = Math.max(widestKept, used);
      keptRows.push({ row, cells: [...cells] });
    }
    if (row <= headerRow) rowsThroughHeader++;
    if (!kept && rows > WIDTH_SAMPLE_ROWS) return;
    for (let i = 0; i < Math.min(used, MAX_SOURCE_COLUMNS); i++) columnWidths[i] = Math.max(columnWidths[i] ?? 0, cellWidth(cells[i] ?? null));
  });
  const capped = rows > cap;
  let needed = Math.max(capped ? widestKept : widest, group.entry?.header?.cells.length ?? 0);
  for (const problems of group.rows.values()) for (const p of problems) needed = Math.max(needed, p.columnNumber ?? 0);
  return {
    group,
    outcome,
    rows,
    capped,
    keptRows: capped ? keptRows : [],
    rowsThroughHeader,
    width: Math.min(needed, MAX_SOURCE_COLUMNS),
    columnsCut: needed > MAX_SOURCE_COLUMNS,
    columnWidths,
  };
}
