/**
 * A worksheet part → its rows of raw cells, streamed. The generic tokenizer handles the part
 * up to <sheetData>; the rows themselves — nearly all of a large sheet — go through a scanner
 * that knows their small fixed grammar (row → c → v | f | is → t | r → t) and reads the few
 * attributes it needs straight from the text, without building names or attribute lists.
 * Each non-empty row goes to the sink as it ends; empty and styled-but-empty cells and rows
 * cost nothing, and neither does the <dimension>, which is ignored.
 *
 * Rows skipped between two non-empty rows (and above the first) are handed over as empty
 * rows, so the mapper counts rows and blank stretches as in a CSV export of the sheet;
 * trailing empty rows are not.
 *
 * Cell problems (an error value, a formula without a cached value, a bad date serial, text
 * over the cell limit) are reported with the cell and the cell is handed over empty; problems
 * with the sheet itself (malformed XML, a cell outside the grid) end the sheet by throwing.
 * Hidden (or filtered-out) rows are read like the others, with one warning counting them;
 * cells merged across rows get a warning, as only their first row holds the value.
 */
import type { Problem } from '../../model/messages.js';
import { cellIssues, workbookIssues } from '../input-messages.js';
import type { RawCell } from '../raw-table.js';
import { cellForReport, type Severity } from '../validation-report.js';
import { columnLetters, columnNumber } from './cell-ref.js';
import { isoTextToDate, serialToDate } from './excel-dates.js';
import { FormatKind } from './number-format.js';
import { decodeEntities, XmlEntityError } from './xml-entities.js';
import { isSpace, MAX_TOKEN_CHARS, XmlDtdError, XmlTokenizer, xmlSyntaxReasons, type XmlHandler } from './xml-tokenizer.js';
import { detachString } from './detach-string.js';
import { digitsValue, isDecimal, parseDecimal, T_BOOL, T_DATE, T_ERROR, T_INLINE, T_NUMBER, T_SHARED, T_STR, typeCode } from './cell-text.js';
import { XlsxFailure, type XlsxLocation } from './xlsx-failure.js';
import { MAX_COLUMNS, MAX_ROWS, type XlsxLimits } from './xlsx-limits.js';

export type RowSink = (cells: readonly RawCell[], row: number) => void;
export type CellReporter = (severity: Severity, problem: Problem, at: XlsxLocation) => void;

export interface SheetContext {
  readonly strings: readonly string[];
  /** FormatKind per cell style index. */
  readonly styleKinds: Uint8Array;
  readonly date1904: boolean;
  readonly limits: XlsxLimits;
}

// Where the scanner is inside <sheetData>; each context has one parent and one element name.
const SHEET_DATA = 0;
const ROW = 1;
const CELL = 2;
const VALUE = 3;
const FORMULA = 4;
const INLINE = 5;
const INLINE_TEXT = 6;
const RUN = 7;
const RUN_TEXT = 8;
const PARENT = [-1, SHEET_DATA, ROW, CELL, CELL, CELL, INLINE, INLINE, RUN];
const ELEMENT = ['sheetData', 'row', 'c', 'v', 'f', 'is', 't', 'r', 't'];

const LT = 60;
const SLASH = 47;
const GT = 62;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BANG = 33;
const QUESTION = 63;
const LETTER_A = 65;
const LETTER_Z = 90;

/** Returned by the token readers: the token is not all in the buffer yet. */
const INCOMPLETE = -1;
/** Returned at </sheetData>, which is left for the tokenizer. */
const END_OF_ROWS = -2;

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);
const RANGE = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/;
const EXTERNAL_FORMULA = /\[\d+\]|\|/;

const reasons = {
  badReference: { zh: '单元格引用无效', en: 'invalid cell reference' },
  cellOutsideRow: { zh: '单元格引用与所在行不符', en: 'a cell reference does not match its row' },
  cellsOutOfOrder: { zh: '同一行的单元格顺序颠倒或重复', en: 'cells of a row are out of order or repeated' },
  markupInText: { zh: '文本元素中出现了标记', en: 'markup inside a text element' },
};

/** `</v></c>` at i, compared code by code (cheaper than a startsWith call per cell). */
function isValueAndCellEnd(s: string, i: number): boolean {
  return (
    s.charCodeAt(i + 1) === SLASH &&
    s.charCodeAt(i + 2) === 118 /* v */ &&
    s.charCodeAt(i + 3) === GT &&
    s.charCodeAt(i + 4) === LT &&
    s.charCodeAt(i + 5) === SLASH &&
    s.charCodeAt(i + 6) === 99 /* c */ &&
    s.charCodeAt(i + 7) === GT
  );
}

/** The index of the '>' ending a tag (quoted attribute values may hold '>'), or −1. */
function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === GT) return i;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      i = s.indexOf(c === DOUBLE_QUOTE ? '"' : "'", i + 1);
      if (i < 0) return INCOMPLETE;
    }
  }
  return INCOMPLETE;
}

export class WorksheetScanner implements XmlHandler {
  private readonly tokenizer = new XmlTokenizer(this);
  private depth = 0;
  private inRows = false;
  /** Namespace prefix of the rows' elements ('' or e.g. 'x:'). */
  private prefix = '';
  private context = SHEET_DATA;
  /** Qualified names of an unknown element being skipped, and what it nests. */
  private readonly skipping: string[] = [];
  private pendingText = '';
  /** The current text element outgrew the token cap: the cell is reported as too long. */
  private textOverflow = false;
  private cellTooLong = false;

  private rowNumber = 0;
  private rowHidden = false;
  private hiddenRows = 0;
  private firstHiddenRow = 0;
  private lastEmitted = 0;
  private cells: RawCell[] = [];
  private column = 0;
  private cellType = T_NUMBER;
  private cellStyle = 0;
  private hasValue = false;
  private valueText = '';
  private hasFormula = false;
  private formulaText = '';
  private inlineText = '';
  /** What attribute() read last: its name's length and where its value starts. */
  private attrNameLength = 0;
  private attrValueStart = 0;

  constructor(
    private readonly sheet: SheetContext,
    private readonly sink: RowSink,
    private readonly report: CellReporter,
  ) {}

  /** The row being read, for the location of a failure. */
  get currentRow(): number {
    return this.rowNumber;
  }

  write(text: string): void {
    this.tokenizer.append(text);
    this.run(false);
  }

  end(): void {
    this.run(true);
    this.tokenizer.end();
    if (this.hiddenRows > 0) this.report('warning', workbookIssues.hiddenRows(this.hiddenRows), { row: this.firstHiddenRow });
  }

  // XmlHandler, for the tokenizer's part of the sheet: find <sheetData> and take over there;
  // after it, note cells merged across rows.
  open(name: string, selfClosing: boolean): void {
    if (this.depth === 1 && name === 'sheetData' && !selfClosing) {
      const qualified = this.tokenizer.qualifiedName;
      this.prefix = qualified.slice(0, qualified.length - name.length);
      this.tokenizer.pause();
    } else if (this.depth === 2 && name === 'mergeCell') {
      this.mergedCell(this.tokenizer.attributeText('ref') ?? '');
    }
    this.depth++;
  }

  private mergedCell(range: string): void {
    const m = RANGE.exec(range);
    if (m === null || Number(m[4]) <= Number(m[2])) return;
    const letters = m[1] as string;
    this.report('warning', workbookIssues.mergedRows(range), { row: Number(m[2]), column: letters, columnNumber: columnNumber(letters) });
  }

  close(): void {
    this.depth--;
  }

  text(): void {}

  private run(final: boolean): void {
    const t = this.tokenizer;
    for (;;) {
      if (!this.inRows) {
        t.parse(final);
        if (!t.paused) return;
        this.inRows = true;
      }
      if (!this.scanRows(final)) return;
      this.inRows = false;
      t.resume();
    }
  }

  /** Scans rows from the tokenizer's position; true at </sheetData>, false when the buffer runs out. */
  private scanRows(final: boolean): boolean {
    const t = this.tokenizer;
    const s = t.buffer;
    const n = s.length;
    let p = t.position;
    let done = false;
    while (p < n) {
      const lt = s.charCodeAt(p) === LT ? p : s.indexOf('<', p);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > p && this.capturing()) this.addText(s, p, textEnd);
      if (lt < 0) {
        p = n;
        break;
      }
      p = lt;
      const next = this.token(s, lt, final);
      if (next === INCOMPLETE) break;
      if (next === END_OF_ROWS) {
        done = true;
        break;
      }
      p = next;
    }
    t.position = p;
    if (!done && n - p > MAX_TOKEN_CHARS) t.fail(xmlSyntaxReasons.tokenTooLong, p);
    if (!done && final) t.fail(p === n ? xmlSyntaxReasons.unclosed(this.prefix + (ELEMENT[this.context] as string)) : xmlSyntaxReasons.unexpectedEnd, p);
    return done;
  }

  private capturing(): boolean {
    const c = this.context;
    return this.skipping.length === 0 && (c === VALUE || c === FORMULA || c === INLINE_TEXT || c === RUN_TEXT);
  }

  private addText(s: string, from: number, to: number): void {
    if (this.textOverflow) return;
    if (this.pendingText.length + (to - from) > MAX_TOKEN_CHARS) {
      this.textOverflow = true;
      return;
    }
    this.pendingText += s.slice(from, to);
  }

  private token(s: string, lt: number, final: boolean): number {
    if (lt + 1 >= s.length) return INCOMPLETE;
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) return this.endTag(s, lt);
    if (c === BANG || c === QUESTION) return this.markup(s, lt, final);
    return this.startTag(s, lt);
  }

  /** Comments and processing instructions are skipped; CDATA is text; a DOCTYPE is refused by the tokenizer. */
  private markup(s: string, lt: number, final: boolean): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return INCOMPLETE;
      if (this.capturing()) {
        // Raw text is entity-decoded later; CDATA is literal, so encode its '&' for that.
        this.pendingText += s.slice(lt + 9, end).replace(/&/g, '&amp;');
      }
      return end + 3;
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? INCOMPLETE : end + 3;
    }
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? INCOMPLETE : end + 2;
    }
    if (s.length - lt < '<!DOCTYPE'.length && !final) return INCOMPLETE;
    if (s.slice(lt, lt + '<!DOCTYPE'.length).toUpperCase() === '<!DOCTYPE') throw new XmlDtdError('DTD');
    return this.tokenizer.fail(xmlSyntaxReasons.badMarkup, lt);
  }

  /** Start of the local name after '<' or '</' at `at`, or −1 when the prefix is not the rows' prefix. */
  private localStart(s: string, at: number): number {
    if (this.prefix === '') return at;
    return s.startsWith(this.prefix, at) ? at + this.prefix.length : -1;
  }

  private startTag(s: string, lt: number): number {
    const n = s.length;
    // The two tags of nearly every row, without a prefix: no name to scan.
    if (this.prefix === '' && this.skipping.length === 0) {
      if (this.context === ROW && s.charCodeAt(lt + 1) === 99 /* c */ && isSpace(s.charCodeAt(lt + 2))) return this.cellStart(s, lt + 2);
      if (this.context === SHEET_DATA && s.startsWith('row', lt + 1) && isSpace(s.charCodeAt(lt + 4))) return this.rowStart(s, lt + 4);
    }
    let i = lt + 1;
    for (let c = s.charCodeAt(i); i < n && c !== GT && c !== SLASH && !isSpace(c); c = s.charCodeAt(++i));
    if (i >= n) return INCOMPLETE;
    if (this.skipping.length > 0) return this.skipStart(s, lt, i);
    const local = this.localStart(s, lt + 1);
    const length = i - local;
    const c0 = s.charCodeAt(local);
    const context = this.context;
    if (local >= 0) {
      if (length === 1 && c0 === 99 /* c */ && context === ROW) return this.cellStart(s, i);
      if (length === 1 && c0 === 118 /* v */ && context === CELL) return this.simpleStart(s, i, VALUE);
      if (length === 3 && context === SHEET_DATA && s.startsWith('row', local)) return this.rowStart(s, i);
      if (length === 1 && c0 === 102 /* f */ && context === CELL) return this.simpleStart(s, i, FORMULA);
      if (length === 2 && context === CELL && s.startsWith('is', local)) return this.simpleStart(s, i, INLINE);
      if (length === 1 && c0 === 116 /* t */ && (context === INLINE || context === RUN)) {
        return this.simpleStart(s, i, context === INLINE ? INLINE_TEXT : RUN_TEXT);
      }
      if (length === 1 && c0 === 114 /* r */ && context === INLINE) return this.simpleStart(s, i, RUN);
      // A row or cell where it cannot start means the element around it was never closed.
      const misplaced = (length === 1 && c0 === 99) || (length === 3 && s.startsWith('row', local));
      if (misplaced && context !== SHEET_DATA) this.tokenizer.fail(xmlSyntaxReasons.unclosed(this.prefix + (ELEMENT[context] as string)), lt);
    }
    if (context === VALUE || context === FORMULA || context === INLINE_TEXT || context === RUN_TEXT) {
      this.tokenizer.fail(reasons.markupInText, lt);
    }
    // Anything else (extLst, rPr, rPh, phoneticPr, other namespaces) is skipped whole.
    return this.skipStart(s, lt, i);
  }

  private skipStart(s: string, lt: number, nameEnd: number): number {
    const gt = tagEnd(s, nameEnd);
    if (gt < 0) return INCOMPLETE;
    if (s.charCodeAt(gt - 1) !== SLASH) this.skipping.push(s.slice(lt + 1, nameEnd));
    return gt + 1;
  }

  /** An element with no attribute we need (v, f, is, t, r): enters its context, or passes through if empty. */
  private simpleStart(s: string, nameEnd: number, context: number): number {
    const gt = tagEnd(s, nameEnd);
    if (gt < 0) return INCOMPLETE;
    const empty = s.charCodeAt(gt - 1) === SLASH;
    this.context = context;
    this.pendingText = '';
    this.textOverflow = false;
    if (empty) this.leave(context);
    return gt + 1;
  }

  private endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return INCOMPLETE;
    if (this.skipping.length > 0) {
      let end = gt;
      while (isSpace(s.charCodeAt(end - 1))) end--;
      const name = s.slice(lt + 2, end);
      const open = this.skipping.pop();
      if (open !== name) this.tokenizer.fail(xmlSyntaxReasons.mismatched(open as string, name), lt);
      return gt + 1;
    }
    const context = this.context;
    const expected = ELEMENT[context] as string;
    const local = this.localStart(s, lt + 2);
    let end = gt;
    while (isSpace(s.charCodeAt(end - 1))) end--;
    if (local < 0 || end - local !== expected.length || !s.startsWith(expected, local)) {
      this.tokenizer.fail(xmlSyntaxReasons.mismatched(this.prefix + expected, s.slice(lt + 2, end)), lt);
    }
    if (context === SHEET_DATA) return END_OF_ROWS;
    this.leave(context);
    return gt + 1;
  }

  /** Closes the current element, which is of `context`. */
  private leave(context: number): void {
    this.context = PARENT[context] as number;
    switch (context) {
      case VALUE:
        this.hasValue = true;
        this.valueText = this.pendingText;
        this.cellTooLong ||= this.textOverflow;
        break;
      case FORMULA:
        // Only scanned for links to other workbooks; an overlong formula is cut, not refused.
        this.hasFormula = true;
        this.formulaText = this.pendingText;
        break;
      case INLINE_TEXT:
      case RUN_TEXT:
        this.cellTooLong ||= this.textOverflow;
        if (!this.cellTooLong) this.inlineText += this.decode(this.pendingText);
        break;
      case CELL:
        this.finishCell();
        break;
      case ROW:
        this.finishRow();
        break;
    }
    this.pendingText = '';
  }

  private rowStart(s: string, nameEnd: number): number {
    const n = s.length;
    let i = nameEnd;
    let refStart = -1;
    let refEnd = -1;
    let hidden = false;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return INCOMPLETE;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH && i + 1 >= n) return INCOMPLETE;
        if (c === SLASH && s.charCodeAt(i + 1) !== GT) this.tokenizer.fail(xmlSyntaxReasons.badEmptyTag, i);
        selfClosing = c === SLASH;
        i += selfClosing ? 2 : 1;
        break;
      }
      const attribute = this.attribute(s, i);
      if (attribute < 0) return INCOMPLETE;
      if (this.attrNameLength === 1 && s.charCodeAt(i) === 114 /* r */) {
        refStart = this.attrValueStart;
        refEnd = attribute;
      } else if (this.attrNameLength === 6 && s.startsWith('hidden', i)) {
        const c = s.charCodeAt(this.attrValueStart);
        hidden = c === 49 /* 1 */ || c === 116; /* t(rue) */
      }
      i = attribute + 1;
    }
    let row = this.rowNumber + 1;
    if (refStart >= 0) {
      row = refEnd - refStart > 7 ? MAX_ROWS + 1 : digitsValue(s, refStart, refEnd);
      if (row <= 0) this.tokenizer.fail(reasons.badReference, refStart);
    }
    if (row > MAX_ROWS) {
      const label = refStart >= 0 ? s.slice(refStart, refEnd) : String(row);
      throw new XlsxFailure(workbookIssues.outsideGrid(`A${label}`), { row: MAX_ROWS + 1 });
    }
    if (row <= this.rowNumber) throw new XlsxFailure(workbookIssues.rowsOutOfOrder, { row });
    this.rowNumber = row;
    this.rowHidden = hidden;
    this.column = 0;
    this.cells = [];
    this.context = ROW;
    if (selfClosing) this.leave(ROW);
    return i;
  }

  /**
   * Reads one `name="value"` at i: sets attrNameLength and attrValueStart and returns the index
   * of the closing quote, or −1 when the attribute is not all in the buffer.
   */
  private attribute(s: string, start: number): number {
    const n = s.length;
    // Nearly always a one-letter name right before ="…" (r, s, t).
    if (s.charCodeAt(start + 1) === EQUALS && s.charCodeAt(start + 2) === DOUBLE_QUOTE) {
      let close = start + 3;
      while (close < n && s.charCodeAt(close) !== DOUBLE_QUOTE) close++;
      if (close >= n) return INCOMPLETE;
      this.attrNameLength = 1;
      this.attrValueStart = start + 3;
      return close;
    }
    let i = start;
    for (let c = s.charCodeAt(i); i < n && c !== EQUALS && c !== GT && c !== SLASH && !isSpace(c); c = s.charCodeAt(++i));
    const nameEnd = i;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i + 1 >= n) return INCOMPLETE;
    if (nameEnd === start || s.charCodeAt(i) !== EQUALS) this.tokenizer.fail(xmlSyntaxReasons.attributeSyntax, i);
    i++;
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return INCOMPLETE;
    const quote = s.charCodeAt(i);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) this.tokenizer.fail(xmlSyntaxReasons.attributeSyntax, i);
    // Values are short ("A12", "3", "s"): a loop beats a call to indexOf.
    let close = i + 1;
    while (close < n && s.charCodeAt(close) !== quote) close++;
    if (close >= n) return INCOMPLETE;
    this.attrNameLength = nameEnd - start;
    this.attrValueStart = i + 1;
    return close;
  }

  private cellStart(s: string, nameEnd: number): number {
    const n = s.length;
    let i = nameEnd;
    let refStart = -1;
    let refEnd = -1;
    let style = 0;
    let type = T_NUMBER;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return INCOMPLETE;
      const c = s.charCodeAt(i);
      if (c === GT || c === SLASH) {
        if (c === SLASH && i + 1 >= n) return INCOMPLETE;
        if (c === SLASH && s.charCodeAt(i + 1) !== GT) this.tokenizer.fail(xmlSyntaxReasons.badEmptyTag, i);
        selfClosing = c === SLASH;
        i += selfClosing ? 2 : 1;
        break;
      }
      const close = this.attribute(s, i);
      if (close < 0) return INCOMPLETE;
      if (this.attrNameLength === 1) {
        const name = s.charCodeAt(i);
        if (name === 114 /* r */) {
          refStart = this.attrValueStart;
          refEnd = close;
        } else if (name === 115 /* s */) {
          style = digitsValue(s, this.attrValueStart, close);
        } else if (name === 116 /* t */) {
          type = typeCode(s, this.attrValueStart, close);
        }
      }
      i = close + 1;
    }
    this.column = refStart < 0 ? this.nextColumn() : this.referencedColumn(s, refStart, refEnd);
    this.cellType = type;
    this.cellStyle = style;
    this.hasValue = false;
    this.hasFormula = false;
    this.valueText = '';
    this.formulaText = '';
    this.inlineText = '';
    this.cellTooLong = false;
    this.context = CELL;
    if (selfClosing) {
      this.leave(CELL);
      return i;
    }
    return this.prefix === '' ? this.valueAndEnd(s, i) : i;
  }

  /**
   * The usual rest of a cell, `<v>text</v></c>` whole in the buffer, read in one step with its
   * number or shared-string index taken straight from the text; anything else returns `at`
   * for the general path.
   */
  private valueAndEnd(s: string, at: number): number {
    if (s.charCodeAt(at) !== LT || s.charCodeAt(at + 1) !== 118 /* v */ || s.charCodeAt(at + 2) !== GT) return at;
    const start = at + 3;
    const end = s.indexOf('<', start);
    if (end < 0 || !isValueAndCellEnd(s, end)) return at;
    const type = this.cellType;
    let value: RawCell | undefined;
    if (type === T_NUMBER) {
      const number = parseDecimal(s, start, end);
      if (!Number.isNaN(number)) value = this.sheet.styleKinds[this.cellStyle] === FormatKind.Date ? undefined : number;
    } else if (type === T_SHARED) {
      const text = this.sheet.strings[digitsValue(s, start, end)];
      if (text !== undefined && text !== '' && text.length <= this.sheet.limits.maxCellChars) value = text;
    }
    this.context = ROW;
    if (value === undefined) {
      // Dates, exotic numbers, other types and problems: the general path.
      this.hasValue = true;
      this.valueText = s.slice(start, end);
      this.finishCell();
    } else {
      this.place(value);
    }
    return end + '</v></c>'.length;
  }

  private nextColumn(): number {
    const column = this.column + 1;
    if (column > MAX_COLUMNS) throw new XlsxFailure(workbookIssues.outsideGrid(`${columnLetters(column)}${this.rowNumber}`), { row: this.rowNumber });
    return column;
  }

  /** The column of a reference like "AB12", checked against the grid, the row and the previous cell. */
  private referencedColumn(s: string, start: number, end: number): number {
    let k = start;
    let column = 0;
    for (; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c < LETTER_A || c > LETTER_Z) break;
      // Four letters are past XFD already; stop before the sum can grow.
      if (k - start >= 3) throw new XlsxFailure(workbookIssues.outsideGrid(s.slice(start, end)), { row: this.rowNumber });
      column = column * 26 + c - LETTER_A + 1;
    }
    const row = end - k > 7 ? MAX_ROWS + 1 : digitsValue(s, k, end);
    if (k === start || row <= 0) this.tokenizer.fail(reasons.badReference, start);
    if (column > MAX_COLUMNS || row > MAX_ROWS) throw new XlsxFailure(workbookIssues.outsideGrid(s.slice(start, end)), { row: this.rowNumber });
    if (row !== this.rowNumber) this.tokenizer.fail(reasons.cellOutsideRow, start);
    if (column <= this.column) this.tokenizer.fail(reasons.cellsOutOfOrder, start);
    return column;
  }

  private decode(raw: string): string {
    try {
      return decodeEntities(raw);
    } catch (error) {
      if (error instanceof XmlEntityError) this.tokenizer.fail(error.reason, this.tokenizer.position);
      throw error;
    }
  }

  private cellProblem(severity: Severity, problem: Problem, value?: string): void {
    const column = this.column;
    this.report(severity, problem, {
      row: this.rowNumber,
      column: columnLetters(column),
      columnNumber: column,
      // Reports outlive the chunk the value was cut from.
      ...(value === undefined ? {} : { value: detachString(cellForReport(value)) }),
    });
  }

  private finishCell(): void {
    const type = this.cellType;
    if (this.hasFormula) {
      // A formula's cached value: <v> with text; for a text result an empty <v></v> is the empty string.
      if (!this.hasValue || (this.valueText === '' && type !== T_STR)) {
        this.cellProblem('error', workbookIssues.formulaNoValue);
        return;
      }
      if (EXTERNAL_FORMULA.test(this.formulaText)) this.cellProblem('warning', workbookIssues.externalFormula, this.decode(this.formulaText));
    }
    if (this.cellTooLong) {
      this.cellProblem('error', cellIssues.textTooLong);
      return;
    }
    const value = this.cellValue(type);
    if (value === null) return;
    if (typeof value === 'string') {
      if (value.length > this.sheet.limits.maxCellChars) {
        this.cellProblem('error', cellIssues.textTooLong);
        return;
      }
      if (value === '') return;
    }
    this.place(value);
  }

  private place(value: RawCell): void {
    const cells = this.cells;
    while (cells.length < this.column - 1) cells.push(null);
    cells.push(value);
  }

  /** The cell's value, or null when it is empty or has been reported. */
  private cellValue(type: number): RawCell {
    const raw = this.valueText;
    switch (type) {
      case T_NUMBER:
        return raw === '' ? null : this.numberValue(raw);
      case T_SHARED: {
        if (raw === '') return null;
        const text = this.sheet.strings[digitsValue(raw, 0, raw.length)];
        if (text === undefined) this.cellProblem('error', workbookIssues.badSharedString, raw);
        return text ?? null;
      }
      case T_STR:
        return detachString(this.decode(raw));
      case T_INLINE:
        return detachString(this.inlineText);
      case T_BOOL:
        if (raw === '1' || raw === '0') return raw === '1';
        break;
      case T_ERROR:
        this.cellProblem('error', workbookIssues.errorValue, this.decode(raw));
        return null;
      case T_DATE: {
        if (raw === '') return null;
        const date = isoTextToDate(this.decode(raw).trim());
        if (date !== null) return date;
        break;
      }
    }
    this.cellProblem('error', workbookIssues.badCellValue, raw);
    return null;
  }

  private numberValue(raw: string): RawCell {
    const text = raw.includes('&') ? this.decode(raw) : raw;
    const value = Number(text);
    if (!Number.isFinite(value) || !isDecimal(text)) {
      this.cellProblem('error', Number.isNaN(value) || !isDecimal(text) ? workbookIssues.badCellValue : cellIssues.notFinite, text);
      return null;
    }
    const kind = this.sheet.styleKinds[this.cellStyle];
    if (kind !== FormatKind.Date) return value;
    const date = serialToDate(value, this.sheet.date1904);
    if (date instanceof Date) return date;
    this.cellProblem('error', date, text);
    return null;
  }

  private finishRow(): void {
    const cells = this.cells;
    if (cells.length === 0) return;
    const row = this.rowNumber;
    if (this.rowHidden && this.hiddenRows++ === 0) this.firstHiddenRow = row;
    for (let r = this.lastEmitted + 1; r < row; r++) this.sink(EMPTY_ROW, r);
    this.lastEmitted = row;
    this.sink(cells, row);
  }
}
