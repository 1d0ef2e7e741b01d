/**
 * Builds small .xlsx files part by part for the reader's tests: the package skeleton is
 * always right unless a test replaces a part, and sheets are given as the XML inside
 * <sheetData>, so any cell a test needs — valid or hostile — can be written directly.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildZip, type ZipOptions, type ZipPart } from './zip-writer.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface SheetSpec {
  readonly name: string;
  /** The XML inside <sheetData>, or a whole worksheet part when it starts with '<?xml' or '<worksheet'. */
  readonly data: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** Relationship type's last segment (default worksheet). */
  readonly type?: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Shared strings, or a whole sharedStrings.xml part. */
  readonly sharedStrings?: readonly string[] | string;
  readonly date1904?: boolean;
  /** Replaces the default styles.xml. */
  readonly styles?: string;
  /** Parts to add, or to put in place of a default part with the same name. */
  readonly parts?: readonly ZipPart[];
  /** Default parts to leave out. */
  readonly omit?: readonly string[];
  /** Extra XML inside <workbook> (externalReferences, …). */
  readonly workbookExtra?: string;
}

/**
 * Default cell styles: 0 General, 1 built-in date (14), 2 custom yyyy-mm-dd, 3 0.00,
 * 4 [Red]0.00, 5 h:mm (a time), 6 custom yyyy"年"m"月"d"日", 7 built-in CJK date 31.
 */
export const STYLE = { general: 0, date: 1, isoDate: 2, money: 3, redMoney: 4, time: 5, chineseDate: 6, cjkDate: 7 } as const;

const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="[Red]0.00"/><numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="2"/><xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="166"/><xf numFmtId="31"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="14" formatCode="0.00"/></dxf></dxfs></styleSheet>`;

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheetXml(data: string): string {
  if (data.startsWith('<?xml') || data.startsWith('<worksheet')) return data;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetData>${data}</sheetData></worksheet>`;
}

/** A row of inline-string and number cells starting at column A. */
export function row(r: number, values: readonly (string | number | null)[]): string {
  const cells = values.map((v, i) => {
    const ref = `${String.fromCharCode(65 + i)}${r}`;
    if (v === null) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
  });
  return `<row r="${r}">${cells.join('')}</row>`;
}

export function sharedStringsXml(strings: readonly string[]): string {
  const items = strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

export function workbookParts(spec: WorkbookSpec): ZipPart[] {
  const sheetEntries = spec.sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}"${s.state === undefined ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`)
    .join('');
  const sheetRels = spec.sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/${s.type ?? 'worksheet'}" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const n = spec.sheets.length;
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries}</sheets>${spec.workbookExtra ?? ''}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    { name: 'xl/styles.xml', data: spec.styles ?? DEFAULT_STYLES },
    ...spec.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: worksheetXml(s.data) })),
  ];
  if (spec.sharedStrings !== undefined) {
    const data = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : sharedStringsXml(spec.sharedStrings);
    parts.push({ name: 'xl/sharedStrings.xml', data });
  }
  const replaced = new Map((spec.parts ?? []).map((p) => [p.name, p]));
  const kept = parts.filter((p) => !(spec.omit ?? []).includes(p.name)).map((p) => replaced.get(p.name) ?? p);
  const added = (spec.parts ?? []).filter((p) => !parts.some((d) => d.name === p.name));
  return [...kept, ...added];
}

export function buildWorkbook(spec: WorkbookSpec, options?: ZipOptions): Buffer {
  return buildZip(workbookParts(spec), options);
}

export function writeWorkbook(dir: string, name: string, spec: WorkbookSpec | Buffer, options?: ZipOptions): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.isBuffer(spec) ? spec : buildWorkbook(spec, options));
  return path;
}
