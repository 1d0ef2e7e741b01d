/**
 * Building blocks for the bad-input workbooks: rows with any mix of ordinary and hand-written
 * cells, column letters past Z, and zip packaging with the deterministic compressor.
 */
import { workbookParts, type WorkbookSpec } from '../../test/io/xlsx/support/workbook-builder.js';
import { buildZip, type ZipOptions, type ZipPart } from '../../test/io/xlsx/support/zip-writer.js';
import { deflateFixed } from './deflate.js';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A cell written by hand: gets its reference ("C5") and returns the whole <c> element. */
export interface RawCellXml {
  readonly xml: (ref: string) => string;
}

/** Text (an inline string), a number, nothing, or a hand-written cell. */
export type CellSpec = string | number | null | RawCellXml;

export function cellXml(xml: (ref: string) => string): RawCellXml {
  return { xml };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 1 → A, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A <row> with cells from column A; `attributes` go on the row element (hidden="1", …). */
export function xrow(r: number, cells: readonly CellSpec[], attributes = ''): string {
  const body = cells
    .map((cell, i) => {
      const ref = `${columnLetters(i + 1)}${r}`;
      if (cell === null) return '';
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
      return cell.xml(ref);
    })
    .join('');
  return `<row r="${r}"${attributes === '' ? '' : ` ${attributes}`}>${body}</row>`;
}

/** A whole worksheet part: `before` goes ahead of <sheetData> (dimension, cols), `after` behind it. */
export function worksheet(sheetData: string, before = '', after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** Deflates every part that the test did not give compressed bytes or another method. */
export function zipParts(parts: readonly ZipPart[], options?: ZipOptions): Buffer {
  return buildZip(
    parts.map((p) => (p.rawData !== undefined || (p.method ?? 8) !== 8 ? p : { ...p, rawData: deflateFixed(p.data) })),
    options,
  );
}

export function workbook(spec: WorkbookSpec, options?: ZipOptions): Buffer {
  return zipParts(workbookParts(spec), options);
}
