/** The fixed parts of a workbook package: content types, relationships and workbook.xml. */
import { quotedSheetName } from './sheet-name.js';
import { escapeXml } from './xml-text.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface WrittenSheet {
  readonly name: string;
  /** e.g. xl/worksheets/sheet1.xml */
  readonly part: string;
  /** Absolute filter range ($A$1:$C$9) or null. */
  readonly filterRange: string | null;
}

export function contentTypesXml(sheets: readonly WrittenSheet[]): string {
  const overrides = sheets.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>'
  );
}

export function rootRelsXml(): string {
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

export function workbookRelsXml(sheets: readonly WrittenSheet[]): string {
  const sheetRels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="${s.part.replace(/^xl\//, '')}"/>`).join('');
  return `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${sheetRels}<Relationship Id="rId${sheets.length + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`;
}

export function workbookXml(sheets: readonly WrittenSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = sheets
    .map((s, i) => (s.filterRange === null ? '' : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(quotedSheetName(s.name))}!${s.filterRange}</definedName>`))
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>${names === '' ? '' : `<definedNames>${names}</definedNames>`}<calcPr calcId="191029"/></workbook>`
  );
}
