/**
 * Maps one table, row by row as it streams in, onto the facts builder or the pool and campaign
 * collectors: finds the header, tells the sheet's kind, coerces each cell by its field's type
 * and reports every problem with file, sheet, row and column. Rows are never kept, so a table
 * costs only what the builders store.
 */
import type { ColumnMapping } from '../../model/column-mapping.js';
import type { PoolScope } from '../../model/dataset.js';
import type { Problem } from '../../model/messages.js';
import { cellIssues, rowIssues, tableIssues } from '../input-messages.js';
import type { RawCell, TableSource } from '../raw-table.js';
import { cellForReport, type FileEntry, type ProblemLocation, type ProblemLog } from '../validation-report.js';
import {
  coerceAmountFen,
  coerceCustomerId,
  coerceDateMonth,
  coerceMonth,
  coerceNumber,
  coerceText,
  isBlankCell,
  isIssue,
  type Coerced,
} from './coerce.js';
import { HEADER_SEARCH_ROWS, isExactFieldName, matchHeaderRow } from './detect-header.js';
import { detectKind, type TableKind, type TypedColumn } from './detect-kind.js';
import { isCategoryField, isNumericFactField, type FactsBuilder, type FactValueField } from './facts-builder.js';
import { parseScope, type CampaignsCollector, type PoolsCollector } from './pools-and-campaigns.js';

export interface MapperSinks {
  readonly log: ProblemLog;
  /** Saved column mappings by header signature (templates). */
  readonly mappings: ReadonlyMap<string, ColumnMapping>;
  readonly facts: FactsBuilder;
  readonly pools: PoolsCollector;
  readonly campaigns: CampaignsCollector;
}

/** One column's cell of the current row, coerced; reused row after row. */
interface CellReader {
  readonly column: TypedColumn;
  /** Coerces the row's cell; returns its problem (the value is then null). */
  read(cells: readonly RawCell[]): Problem | null;
}

class StagedCell<T extends string | number> implements CellReader {
  value: T | null = null;

  constructor(
    readonly column: TypedColumn,
    private readonly coerce: (cell: RawCell) => Coerced<T>,
    private readonly required: boolean,
  ) {}

  read(cells: readonly RawCell[]): Problem | null {
    const result = this.coerce(cells[this.column.index] ?? null);
    if (isIssue(result)) {
      this.value = null;
      return result;
    }
    this.value = result;
    return result === null && this.required ? cellIssues.requiredEmpty : null;
  }
}

interface FactCell extends CellReader {
  /** Stores the staged value, if any, into the slot; returns a merge problem. */
  store(slot: number): Problem | null;
}

function factCell<T extends string | number>(
  column: TypedColumn,
  coerce: (cell: RawCell) => Coerced<T>,
  required: boolean,
  set: (slot: number, value: T) => Problem | null,
): FactCell {
  const staged = new StagedCell(column, coerce, required);
  return {
    column,
    read: (cells) => staged.read(cells),
    store: (slot) => (staged.value === null ? null : set(slot, staged.value)),
  };
}

/** What spreadsheet programs treat as the start of a formula (CSV/formula injection). */
const FORMULA_LIKE = /^[=+\-@\t\r\n]/;
/** Control characters (but tab and line breaks), zero-width characters and bidirectional overrides. */
function hasInvisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || c === 0x2060 || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return true;
  }
  return false;
}

function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every(isBlankCell);
}

type RowHandler = (cells: readonly RawCell[], row: number) => void;

export class TableMapper {
  /** How messages about other rows name this table. */
  readonly name: string;
  private readonly at: ProblemLocation;
  private state: 'searching' | 'reading' | 'ignoring' = 'searching';
  private rowsSearched = 0;
  private titleRows = false;
  private width = 0;
  private handler: RowHandler | null = null;
  private kind: TableKind | 'unknown' = 'unknown';
  private dataRows = 0;
  private pendingBlank = 0;
  private pendingBlankStart = 0;
  private innerBlank = 0;
  private firstInnerBlank = 0;
  private header: { row: number; cells: string[]; fields: Record<string, string>; mappedByTemplate: boolean } | null = null;
  private mappedColumns = new Set<number>();
  /** Mapped text columns, whose cells are checked for formula-like and invisible characters. */
  private textColumns: readonly TypedColumn[] = [];

  /**
   * `headerOptional`: a workbook may hold sheets that are not data tables (a 说明 page, a
   * chart's data); such a sheet is ignored with a warning instead of failing the import.
   */
  constructor(
    private readonly source: TableSource,
    private readonly sinks: MapperSinks,
    private readonly headerOptional = false,
  ) {
    this.name = source.sheet === undefined ? source.file : `${source.file} [${source.sheet}]`;
    this.at = source.sheet === undefined ? { file: source.file } : { file: source.file, sheet: source.sheet };
  }

  push(cells: readonly RawCell[], row: number): void {
    if (this.state === 'reading') this.readRow(cells, row);
    else if (this.state === 'searching') this.search(cells, row);
  }

  end(): FileEntry {
    if (this.state === 'searching') this.headerNotFound();
    if (this.state === 'reading' && this.dataRows === 0) this.sinks.log.warning(tableIssues.noDataRows, this.at);
    if (this.innerBlank > 0) {
      this.sinks.log.warning(tableIssues.blankRows(this.innerBlank, this.firstInnerBlank), { ...this.at, row: this.firstInnerBlank });
    }
    const { file, sheet, sha256 } = this.source;
    const header = this.header === null ? {} : { header: { row: this.header.row, cells: this.header.cells }, fields: this.header.fields, mappedByTemplate: this.header.mappedByTemplate };
    return { file, ...(sheet === undefined ? {} : { sheet }), kind: this.kind, rows: this.dataRows, sha256, ...header };
  }

  private headerNotFound(): void {
    if (this.headerOptional) this.sinks.log.warning(tableIssues.sheetWithoutHeader(HEADER_SEARCH_ROWS), this.at);
    else this.sinks.log.error(tableIssues.headerNotFound(HEADER_SEARCH_ROWS), this.at);
    this.state = 'ignoring';
  }

  /** The header text of a 1-based column once the header is known, as the mapper's own messages name columns. */
  headerOf(columnNumber: number): string | undefined {
    const text = this.header?.cells[columnNumber - 1];
    return text === undefined || text === '' ? undefined : text;
  }

  /** Stops mapping after the reader failed on this table; end() then reports nothing more about it. */
  abandon(): void {
    this.state = 'ignoring';
  }

  /** Whether a cell of this 1-based column feeds the model (false above the header and on ignored sheets). */
  usesColumn(columnNumber: number): boolean {
    return this.state === 'reading' && this.mappedColumns.has(columnNumber - 1);
  }

  private search(cells: readonly RawCell[], row: number): void {
    const { log } = this.sinks;
    this.rowsSearched++;
    const match = matchHeaderRow(cells, this.sinks.mappings);
    if (match === null) {
      if (!isBlankRow(cells)) this.titleRows = true;
      if (this.rowsSearched >= HEADER_SEARCH_ROWS) this.headerNotFound();
      return;
    }
    const at = { ...this.at, row };
    this.header = {
      row,
      cells: cells.map((c) => (c === null ? '' : String(c))),
      fields: Object.fromEntries(match.columns.map((c) => [c.header, c.field])),
      mappedByTemplate: match.mapping !== null,
    };
    if (this.titleRows) log.warning(tableIssues.headerBelowTitle(row), at);
    for (const d of match.duplicates) {
      const problem = tableIssues.duplicateField(d.field, d.first.header, d.first.index + 1);
      log.error(problem, { ...at, column: d.second.header, columnNumber: d.second.index + 1 });
    }
    for (const u of match.unknown) log.warning(tableIssues.unknownColumn, { ...at, column: u.header, columnNumber: u.index + 1 });
    const kind = detectKind(match.columns);
    if (!kind.ok) {
      for (const problem of kind.problems) log.error(problem, at);
      this.state = 'ignoring';
      return;
    }
    for (const u of kind.unused) {
      log.warning(tableIssues.unusedColumn(kind.family), { ...at, column: u.header, columnNumber: u.index + 1 });
    }
    // Headers found only after normalising (" Customer ID", full-width letters) are listed, so a near-miss is visible.
    const normalised = match.mapping === null ? kind.columns.filter((c) => !isExactFieldName(c.header)) : [];
    if (normalised.length > 0) log.warning(tableIssues.normalizedHeaders(normalised.map((c) => JSON.stringify(c.header)).join(', ')), at);
    this.kind = kind.kind;
    this.width = match.width;
    this.mappedColumns = new Set(kind.columns.map((c) => c.index));
    this.textColumns = kind.columns.filter((c) => c.type === 'text');
    if (kind.family === 'facts') this.handler = this.factsHandler(kind.columns, kind.kind === 'usage');
    else if (kind.family === 'pools') this.handler = this.poolsHandler(kind.columns);
    else this.handler = this.campaignsHandler(kind.columns);
    this.state = 'reading';
  }

  private readRow(cells: readonly RawCell[], row: number): void {
    if (isBlankRow(cells)) {
      if (this.pendingBlank === 0) this.pendingBlankStart = row;
      this.pendingBlank++;
      return;
    }
    // Blank rows are reported only when data follows them; trailing ones are normal.
    if (this.pendingBlank > 0) {
      if (this.innerBlank === 0) this.firstInnerBlank = this.pendingBlankStart;
      this.innerBlank += this.pendingBlank;
      this.pendingBlank = 0;
    }
    this.dataRows++;
    // A value right of the header usually means an unquoted comma shifted the row's cells.
    for (let i = this.width; i < cells.length; i++) {
      const cell = cells[i] ?? null;
      if (!isBlankCell(cell)) {
        this.sinks.log.error(rowIssues.extraCells(this.width), { ...this.at, row, columnNumber: i + 1, value: cellForReport(cell) });
        break;
      }
    }
    this.handler?.(cells, row);
    this.checkText(cells, row);
  }

  /** Text that looks like a formula or hides characters is kept as text, with a warning naming the cell. */
  private checkText(cells: readonly RawCell[], row: number): void {
    for (const column of this.textColumns) {
      const cell = cells[column.index];
      if (typeof cell !== 'string' || cell === '-') continue;
      const problem = FORMULA_LIKE.test(cell) ? cellIssues.formulaLike : hasInvisible(cell) ? cellIssues.invisibleCharacters : null;
      if (problem !== null) this.sinks.log.warning(problem, { ...this.at, row, column: column.header, columnNumber: column.index + 1, value: cellForReport(cell) });
    }
  }

  private cellError(problem: Problem, row: number, column: TypedColumn, cells: readonly RawCell[]): void {
    const value = cellForReport(cells[column.index] ?? null);
    this.sinks.log.error(problem, { ...this.at, row, column: column.header, columnNumber: column.index + 1, value });
  }

  /** Coerces every reader's cell, reporting each problem; true when there was none. */
  private readAll(cells: readonly RawCell[], row: number, readers: readonly CellReader[]): boolean {
    let ok = true;
    for (const reader of readers) {
      const problem = reader.read(cells);
      if (problem !== null) {
        this.cellError(problem, row, reader.column, cells);
        ok = false;
      }
    }
    return ok;
  }

  private factsHandler(columns: readonly TypedColumn[], usage: boolean): RowHandler {
    const { facts } = this.sinks;
    const keys = [
      new StagedCell(columnOf(columns, 'customer_id'), coerceCustomerId, true),
      new StagedCell(columnOf(columns, 'month'), coerceMonth, true),
    ] as const;
    const [id, month] = keys;
    const fields: FactValueField[] = [];
    const cells: FactCell[] = [];
    for (const column of columns) {
      const f = column.field;
      if (f === 'customer_id' || f === 'month') continue;
      if (isNumericFactField(f)) {
        const target = facts.numberColumn(f);
        // billed_revenue is what makes a customer present, so the usage sheet must fill it.
        cells.push(factCell(column, coerceNumber, f === 'billed_revenue', (slot, v) => facts.setNumber(slot, target, v)));
      } else if (isCategoryField(f)) {
        const target = facts.categoryColumn(f);
        cells.push(factCell(column, coerceText, false, (slot, v) => facts.setCategory(slot, target, v)));
      } else if (f === 'join_date') {
        cells.push(factCell(column, coerceDateMonth, false, (slot, v) => facts.setJoinMonth(slot, v)));
      } else {
        throw new Error(`fact field without a reader: ${f}`);
      }
      fields.push(f);
    }
    const table = facts.addTable({ name: this.name, fields, usage });
    return (row, rowNumber) => {
      const keysOk = this.readAll(row, rowNumber, keys);
      this.readAll(row, rowNumber, cells);
      if (!keysOk || id.value === null || month.value === null) return;
      const slot = facts.openRow(table, id.value, month.value, rowNumber);
      if (typeof slot !== 'number') {
        this.cellError(slot, rowNumber, id.column, row);
        return;
      }
      for (const cell of cells) {
        const problem = cell.store(slot);
        if (problem !== null) this.cellError(problem, rowNumber, cell.column, row);
      }
    };
  }

  private poolsHandler(columns: readonly TypedColumn[]): RowHandler {
    const pool = new StagedCell(columnOf(columns, 'pool'), coerceText, true);
    const month = new StagedCell(columnOf(columns, 'month'), coerceMonth, true);
    const amount = new StagedCell(columnOf(columns, 'amount'), coerceAmountFen, true);
    const scopeColumn = columns.find((c) => c.field === 'scope');
    const scope = scopeColumn === undefined ? null : new StagedCell(scopeColumn, coerceText, false);
    const readers = scope === null ? [pool, month, amount] : [pool, month, amount, scope];
    return (row, rowNumber) => {
      if (!this.readAll(row, rowNumber, readers) || pool.value === null || month.value === null || amount.value === null) return;
      let poolScope: PoolScope | null = null;
      if (scope !== null) {
        const parsed = parseScope(scope.value);
        if (parsed !== null && 'code' in parsed) {
          this.cellError(parsed, rowNumber, scope.column, row);
          return;
        }
        poolScope = parsed;
      }
      const entry = { pool: pool.value, month: month.value, amountFen: amount.value, scope: poolScope };
      const problem = this.sinks.pools.add(entry, { name: this.name, row: rowNumber });
      if (problem !== null) this.cellError(problem, rowNumber, pool.column, row);
    };
  }

  private campaignsHandler(columns: readonly TypedColumn[]): RowHandler {
    const id = new StagedCell(columnOf(columns, 'customer_id'), coerceCustomerId, true);
    const campaign = new StagedCell(columnOf(columns, 'campaign'), coerceText, true);
    const start = new StagedCell(columnOf(columns, 'start_month'), coerceMonth, true);
    const cost = new StagedCell(columnOf(columns, 'cost'), coerceNumber, true);
    const readers = [id, campaign, start, cost];
    return (row, rowNumber) => {
      if (!this.readAll(row, rowNumber, readers)) return;
      if (id.value === null || campaign.value === null || start.value === null || cost.value === null) return;
      if (cost.value < 0) {
        this.cellError(cellIssues.negative, rowNumber, cost.column, row);
        return;
      }
      const participant = { customerId: id.value, campaign: campaign.value, startMonth: start.value, cost: cost.value };
      const problem = this.sinks.campaigns.add(participant, { name: this.name, row: rowNumber });
      if (problem !== null) this.cellError(problem, rowNumber, id.column, row);
    };
  }
}

/** A required column; detectKind guarantees it is mapped. */
function columnOf(columns: readonly TypedColumn[], field: string): TypedColumn {
  const column = columns.find((c) => c.field === field);
  if (column === undefined) throw new Error(`required column ${field} not mapped`);
  return column;
}
