/**
 * One worksheet streamed into its zip entry: rows become XML text that is flushed in chunks of
 * about 256 KB, so memory stays bounded whatever the row count. Strings are always inline string
 * cells, never formulas; formulas carry their cached value.
 */
import { MAX_COLUMNS, MAX_ROWS, cellAddress, columnLetters } from './cell-address.js';
import { dateToSerial } from './date-serial.js';
import type { ZipEntryWriter } from './zip-writer.js';
import { escapeXml } from './xml-text.js';

export type CellValue = number | string | boolean | Date | null;
export interface StyledCell<S extends string> {
  readonly value: CellValue;
  readonly style?: S;
}
export interface FormulaCell<S extends string> {
  /** Without the leading `=`, e.g. `H2-L2` (a leading `=` is dropped). */
  readonly formula: string;
  /** The cached result, shown until the application recalculates. */
  readonly value: number | string | null;
  readonly style?: S;
}
export type Cell<S extends string = string> = CellValue | StyledCell<S> | FormulaCell<S>;

export interface ColumnSpec<S extends string = string> {
  /** In characters of the default font. */
  readonly width?: number;
  /** The default style of the column's cells (and of its empty cells). */
  readonly style?: S;
}

export interface SheetOptions<S extends string = string> {
  readonly columns?: readonly ColumnSpec<S>[];
  /** Rows kept in view while scrolling (the header). */
  readonly frozenRows?: number;
  readonly frozenColumns?: number;
  /** true: a filter on the last frozen row (row 1 when none) down to the last row written. */
  readonly autoFilter?: boolean | { readonly headerRow: number };
}

export interface RowOptions {
  /** In points, e.g. for a title row or a header that wraps; the default height otherwise. */
  readonly height?: number;
}

/** What the sheet asks of the workbook: a style's cellXfs index for a kind of cell. */
export type StyleKind = 'plain' | 'date' | 'quoted';
export type StyleResolver = (style: string | undefined, kind: StyleKind) => number;

const FLUSH_CHARS = 256 * 1024;
const MAX_TEXT = 32_767;
const MAX_ROW_HEIGHT = 409;
const FORMULA_LIKE = /^[=+\-@]/;

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as a number cell`);
  return String(value);
}

function textCell(text: string): string {
  const escaped = escapeXml(text);
  if (text.length > MAX_TEXT) throw new RangeError(`a cell text is longer than Excel's ${MAX_TEXT} characters`);
  return `<is><t xml:space="preserve">${escaped}</t></is>`;
}

export class SheetWriter<S extends string = string> {
  private buffer = '';
  private row = 0;
  private widest = 0;
  private ended = false;
  private readonly columnStyles: (S | undefined)[];

  constructor(
    readonly name: string,
    private readonly entry: ZipEntryWriter,
    private readonly options: SheetOptions<S>,
    private readonly resolve: StyleResolver,
  ) {
    this.columnStyles = (options.columns ?? []).map((c) => c.style);
    this.buffer = this.head();
  }

  /** Rows written so far (the last row number). */
  get rowCount(): number {
    return this.row;
  }

  private head(): string {
    const { frozenRows = 0, frozenColumns = 0, columns = [] } = this.options;
    for (const n of [frozenRows, frozenColumns]) if (!Number.isInteger(n) || n < 0) throw new RangeError('frozen rows and columns must be whole numbers ≥ 0');
    let view = '<sheetView workbookViewId="0"/>';
    if (frozenRows > 0 || frozenColumns > 0) {
      const pane = frozenRows > 0 && frozenColumns > 0 ? 'bottomRight' : frozenRows > 0 ? 'bottomLeft' : 'topRight';
      const topLeft = cellAddress(frozenRows + 1, frozenColumns + 1);
      view =
        `<sheetView tabSelected="0" workbookViewId="0"><pane${frozenColumns > 0 ? ` xSplit="${frozenColumns}"` : ''}${frozenRows > 0 ? ` ySplit="${frozenRows}"` : ''}` +
        ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`;
    }
    const cols = columns
      .map((column, index) => {
        if (column.width === undefined && column.style === undefined) return '';
        if (column.width !== undefined && !(column.width > 0 && column.width <= 255)) throw new RangeError('a column width must be in (0, 255]');
        const n = index + 1;
        const width = column.width === undefined ? '' : ` width="${column.width}" customWidth="1"`;
        const style = column.style === undefined ? '' : ` style="${this.resolve(column.style, 'plain')}"`;
        return `<col min="${n}" max="${n}"${width}${style}/>`;
      })
      .join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols === '' ? '' : `<cols>${cols}</cols>`}<sheetData>`
    );
  }

  /** Appends one row; resolves at once unless the file is behind, then when it has caught up. */
  async addRow(cells: readonly Cell<S>[], options?: RowOptions): Promise<void> {
    if (this.ended) throw new Error(`sheet "${this.name}" has ended`);
    if (this.row >= MAX_ROWS) throw new RangeError(`sheet "${this.name}" is full: Excel holds ${MAX_ROWS} rows`);
    if (cells.length > MAX_COLUMNS) throw new RangeError(`a row has ${cells.length} cells; Excel holds ${MAX_COLUMNS} columns`);
    const height = options?.height;
    if (height !== undefined && !(height > 0 && height <= MAX_ROW_HEIGHT)) throw new RangeError(`a row height must be points in (0, ${MAX_ROW_HEIGHT}]`);
    const r = ++this.row;
    let xml = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === undefined) continue;
      xml += this.cellXml(cell, `${columnLetters(i + 1)}${r}`, this.columnStyles[i]);
    }
    this.buffer += xml + '</row>';
    if (cells.length > this.widest) this.widest = cells.length;
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  private cellXml(cell: Exclude<Cell<S>, null>, ref: string, columnStyle: S | undefined): string {
    if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
      const style = cell.style ?? columnStyle;
      if ('formula' in cell) return this.formulaXml(cell, ref, style);
      const value = cell.value;
      if (value === null) return style === undefined ? '' : `<c r="${ref}" s="${this.resolve(style, 'plain')}"/>`;
      return this.valueXml(value, ref, style);
    }
    return this.valueXml(cell, ref, columnStyle);
  }

  private styleAttr(style: string | undefined, kind: StyleKind): string {
    const xf = style === undefined && kind === 'plain' ? 0 : this.resolve(style, kind);
    return xf === 0 ? '' : ` s="${xf}"`;
  }

  private valueXml(value: Exclude<CellValue, null>, ref: string, style: string | undefined): string {
    switch (typeof value) {
      case 'number':
        return `<c r="${ref}"${this.styleAttr(style, 'plain')}><v>${numberText(value)}</v></c>`;
      case 'string':
        return `<c r="${ref}"${this.styleAttr(style, FORMULA_LIKE.test(value) ? 'quoted' : 'plain')} t="inlineStr">${textCell(value)}</c>`;
      case 'boolean':
        return `<c r="${ref}"${this.styleAttr(style, 'plain')} t="b"><v>${value ? 1 : 0}</v></c>`;
      default:
        return `<c r="${ref}"${this.styleAttr(style, 'date')}><v>${dateToSerial(value)}</v></c>`;
    }
  }

  private formulaXml(cell: FormulaCell<S>, ref: string, style: string | undefined): string {
    const formula = escapeXml(cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula);
    if (formula.length === 0) throw new RangeError(`the formula of ${this.name}!${ref} is empty`);
    const s = this.styleAttr(style, 'plain');
    if (cell.value === null) return `<c r="${ref}"${s}><f>${formula}</f></c>`;
    if (typeof cell.value === 'string') return `<c r="${ref}"${s} t="str"><f>${formula}</f><v>${escapeXml(cell.value)}</v></c>`;
    return `<c r="${ref}"${s}><f>${formula}</f><v>${numberText(cell.value)}</v></c>`;
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    await this.entry.write(Buffer.from(text, 'utf8'));
  }

  /** The filter range, for the workbook's _FilterDatabase name; null when there is none. */
  filterRange(): string | null {
    const { autoFilter, frozenRows = 0 } = this.options;
    if (autoFilter === undefined || autoFilter === false) return null;
    const header = autoFilter === true ? Math.max(1, frozenRows) : autoFilter.headerRow;
    if (!Number.isInteger(header) || header < 1) throw new RangeError('the autofilter header row must be ≥ 1');
    const last = columnLetters(Math.max(1, this.widest, this.options.columns?.length ?? 0));
    return `$A$${header}:$${last}$${Math.max(header, this.row)}`;
  }

  /**
   * Closes the sheet's part; the workbook can then open the next sheet. `closing` holds the
   * elements that follow <pageMargins> in CT_Worksheet's order (<drawing>, <legacyDrawing>).
   */
  async end(closing = ''): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    const range = this.filterRange();
    this.buffer += `</sheetData>${range === null ? '' : `<autoFilter ref="${range.replace(/\$/g, '')}"/>`}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${closing}</worksheet>`;
    await this.flush();
    await this.entry.close();
  }

  get isEnded(): boolean {
    return this.ended;
  }
}
