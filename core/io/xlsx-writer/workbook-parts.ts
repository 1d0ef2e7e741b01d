/** `xl/workbook.xml`: the sheets in order and the defined names. */
import type { DefinedName } from './defined-names.js';
import { relationshipId } from './relationships-part.js';
import { quotedSheetName } from './sheet-name.js';
import { escapeXml } from './xml-text.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface WrittenSheet {
  readonly name: string;
  /** e.g. xl/worksheets/sheet1.xml */
  readonly part: string;
  /** Absolute filter range ($A$1:$C$9) or null. */
  readonly filterRange: string | null;
}

/** Sheet i is the workbook's relationship i (its rels list the sheets first). */
export function workbookXml(sheets: readonly WrittenSheet[], definedNames: readonly DefinedName[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="${relationshipId(i)}"/>`).join('');
  const filters = sheets
    .map((s, i) => (s.filterRange === null ? '' : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(quotedSheetName(s.name))}!${s.filterRange}</definedName>`))
    .join('');
  const names = filters + definedNames.map((d) => `<definedName name="${escapeXml(d.name)}">${escapeXml(d.refersTo)}</definedName>`).join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>${names === '' ? '' : `<definedNames>${names}</definedNames>`}<calcPr calcId="191029"/></workbook>`
  );
}
