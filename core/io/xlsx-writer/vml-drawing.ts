/**
 * A sheet's notes as the legacy VML drawing `xl/drawings/vmlDrawingN.vml`: Excel shows a note
 * only through its VML shape, and reads the box's place and size from `x:Anchor` (LibreOffice
 * too). The box sits right of its cell, as Excel places a new note, and is hidden until hover.
 */
import { MAX_COLUMNS, MAX_ROWS } from './cell-address.js';
import type { Note } from './comments-part.js';

/** `o:idmap` hands out shape ids in blocks of 1024 per VML part; ids n·1024+1 … n·1024+1023. */
const BLOCK = 1024;
const SHAPES_PER_BLOCK = BLOCK - 1;
/** Excel's default row (15 pt) and column (8.43 characters) in pixels. */
const ROW_PX = 20;
const DEFAULT_COLUMN_PX = 64;
/** About 17 Chinese characters of 9 pt a line inside the box's 10-px insets. */
const BOX_WIDTH_PX = 224;
const TEXT_WIDTH_PX = BOX_WIDTH_PX - 20;
const WIDE_CHAR_PX = 12;
const NARROW_CHAR_PX = 6;
const LINE_PX = 16;
const BOX_PADDING_PX = 12;
const MIN_BOX_HEIGHT_PX = 60;
const MAX_BOX_HEIGHT_PX = 400;
/** Where Excel puts a new note: 15 px right of the cell, 10 px into the row above (2 px into row 1). */
const GAP_PX = 15;

export function shapeBlocksFor(noteCount: number): number {
  return Math.ceil(noteCount / SHAPES_PER_BLOCK);
}

/** The pixel width of a `<col width>` value (ECMA-376 §18.3.1.13, Calibri 11's 7-px digit). */
export function columnPixels(width: number | undefined): number {
  return width === undefined ? DEFAULT_COLUMN_PX : Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/** Lines the text wraps to in the box: CJK and wider characters are 12 px at 9 pt, the rest about 6. */
function boxHeight(text: string): number {
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let width = 0;
    for (const char of paragraph) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? WIDE_CHAR_PX : NARROW_CHAR_PX;
    lines += Math.max(1, Math.ceil(width / TEXT_WIDTH_PX));
  }
  return Math.min(MAX_BOX_HEIGHT_PX, Math.max(MIN_BOX_HEIGHT_PX, lines * LINE_PX + BOX_PADDING_PX));
}

interface Span {
  readonly end: number;
  readonly endOffset: number;
}

/** The row or column (0-based) and offset where `length` px end, starting `offset` px into `start`. */
function span(start: number, offset: number, length: number, sizeOf: (index: number) => number, last: number): Span {
  let end = start;
  let remaining = offset + length;
  while (remaining > sizeOf(end) && end < last) {
    remaining -= sizeOf(end);
    end++;
  }
  return { end, endOffset: Math.min(remaining, sizeOf(end)) };
}

function points(px: number): string {
  return String(Math.round(px * 0.75 * 100) / 100);
}

function shapeXml(note: Note, index: number, firstBlock: number, columnPx: (index: number) => number): string {
  const id = (firstBlock + Math.floor(index / SHAPES_PER_BLOCK)) * BLOCK + 1 + (index % SHAPES_PER_BLOCK);
  const height = boxHeight(note.text);
  const left = Math.min(note.column, MAX_COLUMNS - 1);
  const top = Math.max(note.row - 2, 0);
  const topOffset = note.row === 1 ? 2 : 10;
  const columns = span(left, GAP_PX, BOX_WIDTH_PX, columnPx, MAX_COLUMNS - 1);
  const rows = span(top, topOffset, height, () => ROW_PX, MAX_ROWS - 1);
  let leftPx = GAP_PX;
  for (let c = 0; c < left; c++) leftPx += columnPx(c);
  const style =
    `position:absolute;margin-left:${points(leftPx)}pt;margin-top:${points(top * ROW_PX + topOffset)}pt;` +
    `width:${points(BOX_WIDTH_PX)}pt;height:${points(height)}pt;z-index:${index + 1};visibility:hidden`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="${style}" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    // MoveWithCells and SizeWithCells present mean "do not": Excel's default for notes.
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${left}, ${GAP_PX}, ${top}, ${topOffset}, ${columns.end}, ${columns.endOffset}, ${rows.end}, ${rows.endOffset}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${note.row - 1}</x:Row><x:Column>${note.column - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * `firstBlock` is the first of the shapeBlocksFor(notes.length) id blocks this part owns; blocks
 * must not repeat across the workbook's VML parts. `columnPx` gives a 0-based column's width.
 */
export function vmlDrawingXml(notes: readonly Note[], firstBlock: number, columnPx: (index: number) => number): string {
  const blocks = Array.from({ length: shapeBlocksFor(notes.length) }, (_, i) => firstBlock + i).join(',');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    notes.map((note, i) => shapeXml(note, i, firstBlock, columnPx)).join('') +
    '</xml>'
  );
}
