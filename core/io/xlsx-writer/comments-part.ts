/**
 * A sheet's notes as `xl/commentsN.xml`: the text every reader takes (openpyxl, LibreOffice,
 * Excel); Excel also needs the VML shapes of vml-drawing.ts to show them.
 */
import { cellAddress } from './cell-address.js';
import { escapeXml } from './xml-text.js';

export const NOTE_AUTHOR = 'Customer Value Studio';

export interface Note {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

export function commentsXml(notes: readonly Note[]): string {
  // 9 pt in the tooltip colour (indexed 81) is how Excel writes a new note; no font name, so each
  // application uses its own note font, which covers Chinese.
  const list = notes
    .map(
      (note) =>
        `<comment ref="${cellAddress(note.row, note.column)}" authorId="0"><text><r><rPr><sz val="9"/><color indexed="81"/></rPr>` +
        `<t xml:space="preserve">${escapeXml(note.text)}</t></r></text></comment>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`
  );
}
