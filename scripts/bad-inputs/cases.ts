/**
 * The bad-input corpus (/work/shared/BAD-INPUTS.md): each fixture is a usage workbook (or a
 * file posing as one) with one defect, and the exact outcome readInputFiles must give.
 * Expected outcomes are written here by hand from the import's rules, never recorded from a
 * run of the importer.
 */
import { buildCfb, type ZipPart } from '../../test/io/xlsx/support/zip-writer.js';
import { STYLE, sharedStringsXml, workbookParts, type WorkbookSpec } from '../../test/io/xlsx/support/workbook-builder.js';
import type { Expected, ExpectedFact, ExpectedProblem, ManifestEntry } from './manifest.js';
import { cellXml, columnLetters, MAIN_NS, PKG_REL_NS, REL_NS, workbook, worksheet, xrow, zipParts, type CellSpec } from './xml.js';
import { deflateFixed } from './deflate.js';

export interface FixtureFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface Fixture {
  readonly entry: ManifestEntry;
  /** The fixture's files: the first is entry.file, the others entry.alsoRead. */
  readonly files: readonly FixtureFile[];
}

const HEADER = ['customer_id', 'month', 'billed_revenue', 'branch'];
const SHEET = 'usage';
/** Three good usage rows, for rows 2–4. */
const GOOD: CellSpec[][] = [
  ['001', '2026-01', 100, '郑州'],
  ['002', '2026-01', 50, '周口'],
  ['003', '2026-01', 20, '郑州'],
];

/** Excel 1900-system serial of a day. */
function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Rows of a sheet: `rows[i]` goes to row first + i. */
function rowsXml(rows: readonly (readonly CellSpec[])[], first = 2): string {
  return rows.map((cells, i) => xrow(first + i, cells)).join('');
}

/** The <sheetData> content of a usage sheet: the header on row 1, `rows` from row 2. */
function usageData(rows: readonly (readonly CellSpec[])[] = GOOD, header: readonly CellSpec[] = HEADER): string {
  return xrow(1, header) + rowsXml(rows);
}

function usageBook(data: string = usageData(), extra: Partial<WorkbookSpec> = {}, sheet = SHEET): Buffer {
  return workbook({ sheets: [{ name: sheet, data }], ...extra });
}

const number = (value: number | string, style?: number) =>
  cellXml((ref) => `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${value}</v></c>`);

function at(code: string, sheet?: string, row?: number, columnNumber?: number): ExpectedProblem {
  return { code, ...(sheet === undefined ? {} : { sheet }), ...(row === undefined ? {} : { row }), ...(columnNumber === undefined ? {} : { columnNumber }) };
}

const accepted = (warnings: ExpectedProblem[] = [], more: Partial<Expected> = {}): Expected => ({ ok: true, errors: [], warnings, ...more });
const rejected = (errors: ExpectedProblem[], warnings: ExpectedProblem[] = [], more: Partial<Expected> = {}): Expected => ({ ok: false, errors, warnings, ...more });

const GOOD_FACTS: ExpectedFact[] = [
  { id: '001', month: '2026-01', billed_revenue: 100, branch: '郑州' },
  { id: '002', month: '2026-01', billed_revenue: 50, branch: '周口' },
  { id: '003', month: '2026-01', billed_revenue: 20, branch: '郑州' },
];

/** The default parts of a good usage workbook with the sheet part changed. */
function withSheetPart(change: Partial<ZipPart>): ZipPart[] {
  return workbookParts({ sheets: [{ name: SHEET, data: usageData() }] }).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, ...change } : p));
}

/** A pseudo-random text of digits and letters (compresses like real text, not like a bomb). */
function noise(length: number, seed: number): string {
  let s = seed;
  let text = '';
  for (let i = 0; i < length; i++) {
    s = (s * 48271) % 2147483647;
    text += 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(s % 36);
  }
  return text;
}

function fixture(entry: ManifestEntry, bytes: Buffer, more: readonly FixtureFile[] = []): Fixture {
  return { entry, files: [{ name: entry.file, bytes }, ...more] };
}

function fileCases(): Fixture[] {
  const good = usageBook();
  return [
    fixture({ file: 'empty.xlsx', case: 1, description: '0-byte file', expected: rejected([at('file.empty')]) }, Buffer.alloc(0)),
    fixture(
      { file: 'csv-renamed.xlsx', case: 2, description: 'a CSV export renamed .xlsx', expected: rejected([at('xlsx.not_xlsx_text')]) },
      Buffer.from('customer_id,month,billed_revenue\r\n001,2026-01,100\r\n', 'utf8'),
    ),
    fixture(
      { file: 'html-renamed.xlsx', case: 2, description: 'an HTML table from a billing portal, named .xlsx', expected: rejected([at('xlsx.not_xlsx_text')]) },
      Buffer.from('<html><head><meta charset="utf-8"></head><body><table><tr><td>customer_id</td><td>month</td></tr><tr><td>001</td><td>2026-01</td></tr></table></body></html>\n', 'utf8'),
    ),
    fixture(
      { file: 'random-bytes.xlsx', case: 2, description: 'binary bytes that are neither a zip nor text', expected: rejected([at('xlsx.not_xlsx')]) },
      Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256).map((b, i) => (i % 5 === 0 ? 0 : b))),
    ),
    fixture(
      { file: 'legacy.xls', case: 3, description: 'legacy .xls (CFB with a Workbook stream)', expected: rejected([at('xlsx.old_xls')]) },
      buildCfb(['Workbook', 'SummaryInformation']),
    ),
    fixture(
      { file: 'legacy-renamed.xlsx', case: 3, description: 'legacy .xls content renamed .xlsx', expected: rejected([at('xlsx.old_xls')]) },
      buildCfb(['Workbook', 'SummaryInformation', 'DocumentSummaryInformation']),
    ),
    fixture(
      { file: 'encrypted.xlsx', case: 4, description: 'password-protected workbook (CFB with EncryptionInfo and EncryptedPackage)', expected: rejected([at('xlsx.encrypted')]) },
      buildCfb(['EncryptionInfo', 'EncryptedPackage']),
    ),
    fixture(
      { file: 'truncated.xlsx', case: 5, description: 'download cut in the middle of an entry: no central directory', expected: rejected([at('xlsx.truncated')]) },
      good.subarray(0, Math.floor(good.length / 2)),
    ),
    fixture(
      { file: 'bad-crc.xlsx', case: 5, description: 'the sheet fails its CRC-32 (damaged in transit)', expected: rejected([at('xlsx.damaged', SHEET, 4)]), gap: 'the checksum is checked at the end of the part, so the message names the last row read (4)' },
      zipParts(withSheetPart({ declaredCrc: 0x12345678 })),
    ),
  ];
}

function zipCases(): Fixture[] {
  const padding = ' '.repeat(2_000_000);
  const bombSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${padding}${usageData()}</sheetData></worksheet>`;
  const lyingData = Buffer.from(bombSheet.replace(padding, ' '.repeat(4_000_000)), 'utf8');
  const lyingCompressed = deflateFixed(lyingData);
  const bombStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1">${padding}<si><t>郑州</t></si></sst>`;
  const underData = worksheet(usageData([...GOOD, ...Array.from({ length: 60 }, (_, i): CellSpec[] => [String(100 + i), '2026-01', i + 1, '郑州'])]));
  const junk = Array.from({ length: 1000 }, (_, i): ZipPart => ({ name: `customXml/item${i}.xml`, data: '<a/>', method: 0 }));
  const goodParts = workbookParts({ sheets: [{ name: SHEET, data: usageData() }] });
  return [
    fixture(
      {
        file: 'bomb-ratio.xlsx',
        case: 6,
        description: 'xl/worksheets/sheet1.xml: 2 MB of blanks deflated to ~13 KB (ratio 0.63 %, below POI’s 1 %); aborted while inflating',
        expected: rejected([at('xlsx.compression_ratio', SHEET), at('input.no_usage')]),
      },
      zipParts(withSheetPart({ data: bombSheet })),
    ),
    fixture(
      {
        file: 'bomb-lying-size.xlsx',
        case: 6,
        description: 'a 4 MB bomb sheet that declares an uncompressed size of exactly 100 × its compressed size, so only the running ratio check catches it',
        expected: rejected([at('xlsx.compression_ratio', SHEET), at('input.no_usage')]),
      },
      zipParts(withSheetPart({ data: lyingData, rawData: lyingCompressed, declaredSize: lyingCompressed.length * 100 })),
    ),
    fixture(
      {
        file: 'bomb-shared-strings.xlsx',
        case: 6,
        description: 'the bomb is xl/sharedStrings.xml (read before any sheet)',
        expected: rejected([at('xlsx.compression_ratio')]),
      },
      usageBook(usageData(), { sharedStrings: bombStrings }),
    ),
    fixture(
      {
        file: 'under-declared-size.xlsx',
        case: 7,
        description: 'the sheet declares 1,000 uncompressed bytes but inflates to ~16 KB: stopped once it passes the declared size, which is never trusted',
        expected: rejected([at('xlsx.damaged', SHEET), at('input.no_usage')]),
      },
      zipParts(withSheetPart({ data: underData, declaredSize: 1000 })),
    ),
    fixture(
      { file: 'too-many-parts.xlsx', case: 8, description: '1,006 zip entries (POI’s limit is 1,000)', expected: rejected([at('xlsx.too_many_parts')]) },
      zipParts([...goodParts, ...junk]),
    ),
    fixture(
      { file: 'duplicate-entry.xlsx', case: 9, description: 'two zip entries named xl/worksheets/sheet1.xml', expected: rejected([at('xlsx.duplicate_part')]) },
      zipParts([...goodParts, { name: 'xl/worksheets/sheet1.xml', data: worksheet(usageData([['666', '2026-01', 1e6, 'X']])) }]),
    ),
    fixture(
      { file: 'path-traversal.xlsx', case: 10, description: 'an entry named ../../evil.xml (zip slip); nothing is ever extracted', expected: rejected([at('xlsx.bad_part_name')]) },
      zipParts([...goodParts, { name: '../../evil.xml', data: '<evil/>' }]),
    ),
    fixture(
      { file: 'absolute-path.xlsx', case: 10, description: 'an entry with an absolute name /tmp/cvs-bad-inputs-evil.xml', expected: rejected([at('xlsx.bad_part_name')]) },
      zipParts([...goodParts, { name: '/tmp/cvs-bad-inputs-evil.xml', data: '<evil/>' }]),
    ),
  ];
}

function xmlCases(): Fixture[] {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  const laughs = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [<!ENTITY lol0 "lol">${levels}]>\n<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
  const xxe = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<worksheet xmlns="${MAIN_NS}"><sheetData>${xrow(1, HEADER)}<row r="2"><c r="A2" t="str"><v>&xxe;</v></c></row></sheetData></worksheet>`;
  const unclosed = xrow(1, HEADER) + xrow(2, GOOD[0] as CellSpec[]) + '\n<row r="3"><c r="A3" t="inlineStr"><is><t>002</t></is></c><c r="B3" t="inlineStr"><is><t>2026-01</t></is><c r="C3"><v>50</v></c></row>';
  const parts = workbookParts({ sheets: [{ name: SHEET, data: usageData() }] });
  return [
    fixture(
      { file: 'billion-laughs.xlsx', case: 11, description: 'nested <!ENTITY> (billion laughs) in xl/sharedStrings.xml; refused before any expansion', expected: rejected([at('xlsx.dtd')]) },
      usageBook(usageData(), { sharedStrings: laughs }),
    ),
    fixture(
      { file: 'xxe.xlsx', case: 12, description: '<!ENTITY xxe SYSTEM "file:///etc/passwd"> in the sheet; no file is read',
        expected: rejected([at('xlsx.dtd', SHEET), at('input.no_usage')]),
      },
      usageBook(xxe),
    ),
    fixture(
      { file: 'malformed-xml.xlsx', case: 13, description: 'an unclosed <c> on row 3 of the sheet; the message names the part, line and column', expected: rejected([at('xlsx.malformed_xml', SHEET, 3)]) },
      usageBook(unclosed),
    ),
    fixture(
      {
        file: 'rows-out-of-order.xlsx',
        case: 13,
        description: 'row 4 written before row 3 (a damaged or hand-edited sheet)',
        expected: rejected([at('xlsx.rows_out_of_order', SHEET, 3)], [at('table.blank_rows', SHEET, 3)]),
        gap: 'the skipped row 3 is also reported as a blank row (a misleading follow-up)',
      },
      usageBook(xrow(1, HEADER) + xrow(2, GOOD[0] as CellSpec[]) + xrow(4, GOOD[2] as CellSpec[]) + xrow(3, GOOD[1] as CellSpec[])),
    ),
    fixture(
      {
        file: 'bad-shared-string-index.xlsx',
        case: 13,
        description: 'branch D3 refers to shared string 99 of 1',
        expected: rejected([at('xlsx.bad_shared_string', SHEET, 3, 4)]),
      },
      usageBook(usageData([GOOD[0] as CellSpec[], ['002', '2026-01', 50, cellXml((ref) => `<c r="${ref}" t="s"><v>99</v></c>`)], GOOD[2] as CellSpec[]]), { sharedStrings: ['郑州'] }),
    ),
    fixture(
      { file: 'no-workbook-part.xlsx', case: 14, description: 'xl/workbook.xml is missing', expected: rejected([at('xlsx.structure_missing')]) },
      zipParts(parts.filter((p) => p.name !== 'xl/workbook.xml')),
    ),
    fixture(
      { file: 'no-workbook-rels.xlsx', case: 14, description: 'xl/_rels/workbook.xml.rels is missing', expected: rejected([at('xlsx.structure_missing')]) },
      zipParts(parts.filter((p) => p.name !== 'xl/_rels/workbook.xml.rels')),
    ),
    fixture(
      { file: 'broken-rels.xlsx', case: 14, description: '_rels/.rels is cut off in the middle of a tag', expected: rejected([at('xlsx.malformed_xml')]) },
      zipParts(parts.map((p) => (p.name === '_rels/.rels' ? { ...p, data: `<?xml version="1.0"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument"` } : p))),
    ),
  ];
}

function sheetCases(): Fixture[] {
  const settlement = xrow(1, ['customer_id', 'month', 'settlement_income']) + xrow(2, ['001', '2026-01', 5]);
  const notes = xrow(1, ['说明']) + xrow(2, ['本表由系统导出，请勿修改']);
  const title = xrow(1, ['2026年1月 用户账单明细']) + xrow(2, ['导出时间：2026-02-03']) + xrow(4, HEADER) + rowsXml(GOOD, 5);
  const titleMerged = worksheet(title, '', '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>');
  const lateHeader = Array.from({ length: 25 }, (_, i) => xrow(i + 1, [`备注 ${i + 1}`, '无'])).join('') + xrow(26, HEADER) + rowsXml(GOOD, 27);
  return [
    fixture(
      { file: 'macros.xlsm', case: 15, description: 'an .xlsm with xl/vbaProject.bin; macros are never run', expected: accepted([at('xlsx.macros_ignored')], { facts: GOOD_FACTS }) },
      usageBook(usageData(), { parts: [{ name: 'xl/vbaProject.bin', data: buildCfb(['VBA', 'PROJECT']) }] }),
    ),
    fixture(
      {
        file: 'external-links.xlsx',
        case: 16,
        description: 'an externalLink part and a formula [1]Prices!B2 in billed_revenue (C3): its cached 50 is used, never refreshed',
        expected: accepted([at('xlsx.external_links'), at('xlsx.external_formula', SHEET, 3, 3)], { facts: GOOD_FACTS }),
      },
      usageBook(usageData([GOOD[0] as CellSpec[], ['002', '2026-01', cellXml((ref) => `<c r="${ref}"><f>[1]Prices!B2</f><v>50</v></c>`), '周口'], GOOD[2] as CellSpec[]]), {
        workbookExtra: '<externalReferences><externalReference r:id="rId99"/></externalReferences>',
        parts: [{ name: 'xl/externalLinks/externalLink1.xml', data: `<?xml version="1.0"?><externalLink xmlns="${MAIN_NS}"><externalBook xmlns:r="${REL_NS}" r:id="rId1"/></externalLink>` }],
      }),
    ),
    fixture(
      {
        file: 'sheet-renamed.xlsx',
        case: 17,
        description: 'the usage sheet is named "Billing (2)": sheets are recognised by their columns, not their names',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(usageData(), {}, 'Billing (2)'),
    ),
    fixture(
      {
        file: 'no-usage-sheet.xlsx',
        case: 17,
        description: 'only a settlement sheet: the required usage sheet is missing',
        expected: rejected([at('input.no_usage')]),
        gap: 'input.no_usage lists every sheet read and its kind (no "closest match" is suggested)',
      },
      workbook({ sheets: [{ name: 'Settlement', data: settlement }] }),
    ),
    fixture(
      {
        file: 'hidden-sheets.xlsx',
        case: 18,
        description: 'a visible usage sheet, a hidden "usage (old)" and a veryHidden "lookup": hidden sheets are ignored with a warning',
        expected: accepted([at('xlsx.hidden_sheet', 'usage (old)'), at('xlsx.hidden_sheet', 'lookup')], { facts: GOOD_FACTS }),
      },
      workbook({
        sheets: [
          { name: SHEET, data: usageData() },
          { name: 'usage (old)', data: usageData([['001', '2026-01', 999, '旧']]), state: 'hidden' },
          { name: 'lookup', data: xrow(1, ['branch', 'plan']) + xrow(2, ['郑州', 'X']), state: 'veryHidden' },
        ],
      }),
    ),
    fixture(
      {
        file: 'data-on-hidden-sheet.xlsx',
        case: 18,
        description: 'the only usage data is on a hidden sheet; the visible one is a 说明 page',
        expected: rejected([at('input.no_usage')], [at('header.sheet_ignored', '说明'), at('xlsx.hidden_sheet', SHEET)]),
      },
      workbook({
        sheets: [
          { name: '说明', data: notes },
          { name: SHEET, data: usageData(), state: 'hidden' },
        ],
      }),
    ),
    fixture(
      {
        file: 'title-rows.xlsx',
        case: 19,
        description: 'a merged title (A1:D1) and an export date above the header on row 4',
        expected: accepted([at('header.below_title', SHEET, 4)], { facts: GOOD_FACTS }),
      },
      usageBook(titleMerged),
    ),
    fixture(
      {
        file: 'header-not-found.xlsx',
        case: 19,
        description: '25 note rows above the header (searched: the first 20 rows)',
        expected: rejected([at('input.no_usage')], [at('header.sheet_ignored', SHEET)]),
        gap: 'input.no_usage lists the sheet read as not recognised; the header.sheet_ignored warning names it too',
      },
      usageBook(lateHeader),
    ),
    fixture(
      {
        file: 'missing-column.xlsx',
        case: 20,
        description: 'the month column is missing',
        expected: rejected([at('header.column_missing', SHEET, 1), at('input.no_usage')]),
      },
      usageBook(usageData([['001', 100, '郑州']], ['customer_id', 'billed_revenue', 'branch'])),
    ),
    fixture(
      {
        file: 'duplicate-header.xlsx',
        case: 20,
        description: 'customer_id in column A and again as 用户编号 in column E',
        expected: rejected([at('header.duplicate_field', SHEET, 1, 5)]),
      },
      usageBook(usageData([['001', '2026-01', 100, '郑州', '001']], [...HEADER, '用户编号'])),
    ),
    fixture(
      {
        file: 'header-normalization.xlsx',
        case: 21,
        description: 'headers " Customer ID", "MONTH\\u00a0", "\\ufeffBilled-Revenue", full-width "ＢＲＡＮＣＨ"',
        expected: accepted([at('header.normalized', SHEET, 1)], { facts: GOOD_FACTS }),
      },
      usageBook(usageData(GOOD, [' Customer ID', 'MONTH\u00a0', '\ufeffBilled-Revenue', 'ＢＲＡＮＣＨ'])),
    ),
    fixture(
      {
        file: 'proto-headers.xlsx',
        case: 22,
        description: 'columns named __proto__, constructor and prototype, and such names as ids and branch values',
        expected: accepted([at('header.unknown_column', SHEET, 1, 5), at('header.unknown_column', SHEET, 1, 6), at('header.unknown_column', SHEET, 1, 7)], {
          facts: [
            { id: '__proto__', month: '2026-01', billed_revenue: 1, branch: 'constructor' },
            { id: 'constructor', month: '2026-01', billed_revenue: 2, branch: '__proto__' },
            { id: 'prototype', month: '2026-01', billed_revenue: 3, branch: 'hasOwnProperty' },
          ],
        }),
      },
      usageBook(
        usageData(
          [
            ['__proto__', '2026-01', 1, 'constructor', '{"polluted":1}', 'x', 'y'],
            ['constructor', '2026-01', 2, '__proto__', '{"polluted":2}', 'x', 'y'],
            ['prototype', '2026-01', 3, 'hasOwnProperty', 'polluted', 'x', 'y'],
          ],
          [...HEADER, '__proto__', 'constructor', 'prototype'],
        ),
      ),
    ),
  ];
}

function gridCases(): Fixture[] {
  const styledEmpty = Array.from({ length: 196 }, (_, i) => `<row r="${i + 5}" s="3" customFormat="1"><c r="A${i + 5}" s="3"/><c r="XFD${i + 5}" s="3"/></row>`).join('');
  const fullDimension = worksheet(usageData() + styledEmpty, '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9" style="3"/></cols>');
  const wideRow = (r: number, cells: readonly CellSpec[]) =>
    xrow(r, cells).replace('</row>', Array.from({ length: 10_000 }, (_, i) => `<c r="${columnLetters(i + 6)}${r}" s="3"/>`).join('') + '</row>');
  const wide = wideRow(1, HEADER) + GOOD.map((cells, i) => wideRow(i + 2, cells)).join('');
  const farValue = usageData().replace('</row><row r="3">', '<c r="XFD2"><v>1</v></c></row><row r="3">');
  const trailing = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 5}" s="3" customFormat="1"/>`).join('');
  const validations =
    '<conditionalFormatting sqref="C1:C1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="2"><dataValidation type="decimal" allowBlank="1" showErrorMessage="1" sqref="C:C"><formula1>-1000000</formula1><formula2>1000000</formula2></dataValidation>' +
    '<dataValidation type="list" allowBlank="1" sqref="D1:D1048576 F:XFD"><formula1>"郑州,周口"</formula1></dataValidation></dataValidations>';
  return [
    fixture(
      {
        file: 'dimension-full-grid.xlsx',
        case: 23,
        description: '<dimension ref="A1:XFD1048576"/>, a style on every column and styled-only rows 5–200; only the used range is read',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(fullDimension),
    ),
    fixture(
      { file: 'cell-beyond-columns.xlsx', case: 24, description: 'a cell XFE5 (column 16,385) after a good row 5 cell, refused before anything is allocated for it', expected: rejected([at('xlsx.outside_grid', SHEET, 5)]) },
      usageBook(usageData() + xrow(5, ['004', '2026-01', 1, '郑州']).replace('</row>', '<c r="XFE5"><v>1</v></c></row>')),
    ),
    fixture(
      { file: 'cell-beyond-rows.xlsx', case: 24, description: 'a row 1,048,577 (one past the grid)', expected: rejected([at('xlsx.outside_grid', SHEET, 1_048_577)]) },
      usageBook(usageData() + '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'),
    ),
    fixture(
      {
        file: 'whole-column-validation.xlsx',
        case: 25,
        description: 'conditional formatting on C1:C1048576 and data validations on C:C and F:XFD',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(worksheet(usageData(), '', validations)),
    ),
    fixture(
      {
        file: 'many-styled-columns.xlsx',
        case: 26,
        description: '10,000 styled empty cells right of the data in every row (accidental formatting)',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(wide),
    ),
    fixture(
      {
        file: 'value-beyond-header.xlsx',
        case: 26,
        description: 'a value in XFD2, far right of the 4-column header',
        expected: rejected([at('row.extra_cells', SHEET, 2, 16_384)]),
      },
      usageBook(farValue),
    ),
    fixture(
      {
        file: 'styled-trailing-rows.xlsx',
        case: 28,
        description: '20,000 styled empty rows after the data (the 200k rows of BAD-INPUTS scaled down to keep the file small); trailing empties are ignored',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(usageData() + trailing),
    ),
    fixture(
      {
        file: 'blank-rows-middle.xlsx',
        case: 29,
        description: 'rows 512–515 empty between data rows 2–511 and 516–520',
        expected: accepted([at('table.blank_rows', SHEET, 512)]),
      },
      usageBook(
        xrow(1, HEADER) +
          Array.from({ length: 519 }, (_, i) => i + 2)
            .filter((r) => r < 512 || r > 515)
            .map((r) => xrow(r, [String(r).padStart(4, '0'), '2026-01', r, '郑州']))
            .join(''),
      ),
    ),
    fixture(
      {
        file: 'merged-key-column.xlsx',
        case: 30,
        description: 'customer_id merged over A5:A7: rows 6 and 7 have no id',
        expected: rejected([at('cell.required_empty', SHEET, 6, 1), at('cell.required_empty', SHEET, 7, 1)], [at('xlsx.merged_rows', SHEET, 5, 1)]),
      },
      usageBook(
        worksheet(
          usageData([...GOOD, ['004', '2026-01', 10, '郑州'], [null, '2026-02', 11, '郑州'], [null, '2026-03', 12, '郑州']]),
          '',
          '<mergeCells count="1"><mergeCell ref="A5:A7"/></mergeCells>',
        ),
      ),
    ),
    fixture(
      {
        file: 'merged-category-column.xlsx',
        case: 30,
        description: 'branch merged over D2:D4: only row 2 holds it; accepted with a warning naming the range',
        expected: accepted([at('xlsx.merged_rows', SHEET, 2, 4)], {
          facts: [
            { id: '001', month: '2026-01', billed_revenue: 100, branch: '郑州' },
            { id: '002', month: '2026-01', billed_revenue: 50, branch: '(未知)' },
            { id: '003', month: '2026-01', billed_revenue: 20, branch: '(未知)' },
          ],
        }),
      },
      usageBook(
        worksheet(
          usageData([
            ['001', '2026-01', 100, '郑州'],
            ['002', '2026-01', 50, null],
            ['003', '2026-01', 20, null],
          ]),
          '',
          '<mergeCells count="1"><mergeCell ref="D2:D4"/></mergeCells>',
        ),
      ),
    ),
  ];
}

function valueCases(): Fixture[] {
  const ids = (rows: readonly CellSpec[][]) => rows.map((cells, i) => [String(i + 1).padStart(3, '0'), '2026-01', ...cells]);
  const badNumbers = ['1 234,56', '1.234,56', '$1,234.56', '1234-', '12 CR'];
  const dateRows = (shift: number): CellSpec[][] => [
    ['001', number(serial(2026, 1, 1) - shift, STYLE.date), 100, '郑州', number(serial(2020, 1, 15) - shift, STYLE.isoDate)],
    ['002', number(serial(2026, 2, 1) - shift, STYLE.date), 50, '周口', number(serial(2025, 6, 1) - shift, STYLE.chineseDate)],
    ['003', '2026-02', 20, '郑州', number(serial(1904, 1, 2) - shift, STYLE.date)],
  ];
  const dateFacts: ExpectedFact[] = [
    { id: '001', month: '2026-01', billed_revenue: 100, join: '2020-01' },
    { id: '002', month: '2026-02', billed_revenue: 50, join: '2025-06' },
    { id: '003', month: '2026-02', billed_revenue: 20, join: '1904-01' },
  ];
  const dateHeader = [...HEADER, 'join_date'];
  const errorCell = (value: string) => cellXml((ref) => `<c r="${ref}" t="e"><f>VLOOKUP(A2,Prices!A:B,2,0)</f><v>${value}</v></c>`);
  return [
    fixture(
      {
        file: 'numbers-as-text-bad.xlsx',
        case: 31,
        description: 'billed_revenue as text "1 234,56", "1.234,56", "$1,234.56", "1234-", "12 CR" (rows 2–6): each refused, never a silent 0',
        expected: rejected(badNumbers.map((_, i) => at('cell.not_a_number', SHEET, i + 2, 3))),
      },
      usageBook(usageData(ids(badNumbers.map((v) => [v, '郑州'])))),
    ),
    fixture(
      {
        file: 'numbers-as-text-ok.xlsx',
        case: 31,
        description: 'billed_revenue as text "1,234.56", " 12.50 ", full-width "１２３", accounting negative "(1,234.56)"',
        expected: accepted([], {
          facts: [
            { id: '001', month: '2026-01', billed_revenue: 1234.56 },
            { id: '002', month: '2026-01', billed_revenue: 12.5 },
            { id: '003', month: '2026-01', billed_revenue: 123 },
            { id: '004', month: '2026-01', billed_revenue: -1234.56 },
          ],
        }),
      },
      usageBook(usageData(ids([['1,234.56'], [' 12.50 '], ['１２３'], ['(1,234.56)']]))),
    ),
    fixture(
      {
        file: 'long-id-as-number.xlsx',
        case: 33,
        description: 'a 15-digit IMSI as a number (row 2, kept) and a 19-digit ICCID as a number (row 3, digits already lost)',
        expected: rejected([at('cell.id_too_long', SHEET, 3, 1)]),
      },
      usageBook(usageData([[number(460001234567890), '2026-01', 10, '郑州'], [number('8.9860012345678902E+18'), '2026-01', 20, '郑州']])),
    ),
    fixture(
      {
        file: 'leading-zero-lost.xlsx',
        case: 34,
        description: 'account numbers stored as numbers: 0612345678 arrived as 612345678',
        expected: accepted([], { facts: [{ id: '612345678', month: '2026-01', billed_revenue: 10 }, { id: '612345679', month: '2026-01', billed_revenue: 20 }] }),
        gap: 'accepted silently: a number cell cannot show that a leading zero was lost, and there is no per-column id spec to warn by',
      },
      usageBook(usageData([[number(612345678), '2026-01', 10, '郑州'], [number(612345679), '2026-01', 20, '郑州']])),
    ),
    fixture(
      {
        file: 'scientific-id-text.xlsx',
        case: 35,
        description: 'customer_id as the text "8.9E+18" (row 3)',
        expected: rejected([at('cell.id_scientific', SHEET, 3, 1)]),
      },
      usageBook(usageData([GOOD[0] as CellSpec[], ['8.9E+18', '2026-01', 20, '郑州']])),
    ),
    fixture(
      {
        file: 'dates-1900.xlsx',
        case: 36,
        description: 'months and join dates as date cells, 1900 date system (the reference for dates-1904.xlsx)',
        expected: accepted([], { facts: dateFacts }),
      },
      usageBook(usageData(dateRows(0), dateHeader)),
    ),
    fixture(
      {
        file: 'dates-1904.xlsx',
        case: 36,
        description: 'the same dates in the 1904 date system (date1904="1", serials 1,462 lower)',
        expected: accepted([], { facts: dateFacts, sameInputAs: 'dates-1900.xlsx' }),
      },
      usageBook(usageData(dateRows(1462), dateHeader), { date1904: true }),
    ),
    fixture(
      {
        file: 'serial-60.xlsx',
        case: 37,
        description: 'join_date serial 60 (the phantom 29 Feb 1900) in E3',
        expected: rejected([at('xlsx.phantom_leap_day', SHEET, 3, 5)]),
      },
      usageBook(usageData([['001', '2026-01', 100, '郑州', number(serial(2020, 1, 15), STYLE.date)], ['002', '2026-01', 50, '周口', number(60, STYLE.date)]], dateHeader)),
    ),
    fixture(
      {
        file: 'serial-below-1.xlsx',
        case: 37,
        description: 'join_date serials 0.5 (E2) and -3 (E3) in a date format',
        expected: rejected([at('xlsx.date_out_of_range', SHEET, 2, 5), at('xlsx.date_out_of_range', SHEET, 3, 5)]),
      },
      usageBook(usageData([['001', '2026-01', 100, '郑州', number(0.5, STYLE.date)], ['002', '2026-01', 50, '周口', number(-3, STYLE.date)]], dateHeader)),
    ),
    fixture(
      {
        file: 'ambiguous-text-date.xlsx',
        case: 38,
        description: 'join_date as the text "03/04/2024" (E3) — refused; ISO "2024-04-03" (E2) is read',
        expected: rejected([at('cell.bad_date', SHEET, 3, 5)]),
      },
      usageBook(usageData([['001', '2026-01', 100, '郑州', '2024-04-03'], ['002', '2026-01', 50, '周口', '03/04/2024']], dateHeader)),
    ),
    fixture(
      {
        file: 'formula-cached.xlsx',
        case: 41,
        description: 'billed_revenue =SUM(E2:F2) with the cached value 12.5',
        expected: accepted([at('header.unknown_column', SHEET, 1, 5), at('header.unknown_column', SHEET, 1, 6)], { facts: [{ id: '001', month: '2026-01', billed_revenue: 12.5 }] }),
        gap: 'no info-level note "formulas not recalculated" (the report has no info level)',
      },
      usageBook(usageData([['001', '2026-01', cellXml((ref) => `<c r="${ref}"><f>SUM(E2:F2)</f><v>12.5</v></c>`), '郑州', 10, 2.5]], [...HEADER, '基本费', '附加费'])),
    ),
    fixture(
      {
        file: 'formula-no-value.xlsx',
        case: 42,
        description: 'billed_revenue in C5 is a formula with no cached value (written by a script, never opened in Excel): refused, never read as 0',
        expected: rejected([at('xlsx.formula_no_value', SHEET, 5, 3)]),
      },
      usageBook(usageData([...GOOD, ['004', '2026-01', cellXml((ref) => `<c r="${ref}"><f>C2+C3</f></c>`), '郑州']])),
    ),
    fixture(
      {
        file: 'shared-formulas.xlsx',
        case: 43,
        description: 'billed_revenue C2:C4 as one shared formula (members carry only si) with cached values',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(
        usageData([
          ['001', '2026-01', cellXml((ref) => `<c r="${ref}"><f t="shared" ref="C2:C4" si="0">E2*2</f><v>100</v></c>`), '郑州'],
          ['002', '2026-01', cellXml((ref) => `<c r="${ref}"><f t="shared" si="0"/><v>50</v></c>`), '周口'],
          ['003', '2026-01', cellXml((ref) => `<c r="${ref}"><f t="shared" si="0"/><v>20</v></c>`), '郑州'],
        ]),
      ),
    ),
    fixture(
      {
        file: 'error-values.xlsx',
        case: 44,
        description: 'billed_revenue #N/A (C2), #DIV/0! (C3), #REF! (C4)',
        expected: rejected([at('xlsx.error_value', SHEET, 2, 3), at('xlsx.error_value', SHEET, 3, 3), at('xlsx.error_value', SHEET, 4, 3)]),
      },
      usageBook(usageData([['001', '2026-01', errorCell('#N/A'), '郑州'], ['002', '2026-01', errorCell('#DIV/0!'), '周口'], ['003', '2026-01', errorCell('#REF!'), '郑州']])),
    ),
    fixture(
      {
        file: 'error-value-unused-column.xlsx',
        case: 44,
        description: '#N/A in a notes column (E2) that no figure uses: a warning naming the cell',
        expected: accepted([at('header.unknown_column', SHEET, 1, 5), at('xlsx.error_value', SHEET, 2, 5)], { facts: GOOD_FACTS }),
      },
      usageBook(usageData([[...(GOOD[0] as CellSpec[]), errorCell('#N/A')], GOOD[1] as CellSpec[], GOOD[2] as CellSpec[]], [...HEADER, '备注'])),
    ),
    fixture(
      {
        file: 'rich-text-names.xlsx',
        case: 45,
        description: 'branch as rich text with several runs, inline (D2) and shared (D3)',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(
        usageData([
          ['001', '2026-01', 100, cellXml((ref) => `<c r="${ref}" t="inlineStr"><is><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>郑</t></r><r><t>州</t></r><rPh sb="0" eb="2"><t>zhengzhou</t></rPh></is></c>`)],
          ['002', '2026-01', 50, cellXml((ref) => `<c r="${ref}" t="s"><v>0</v></c>`)],
          GOOD[2] as CellSpec[],
        ]),
        { sharedStrings: `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1"><si><r><rPr><i/></rPr><t>周</t></r><r><rPr><sz val="9"/></rPr><t xml:space="preserve">口</t></r></si></sst>` },
      ),
    ),
    fixture(
      {
        file: 'hyperlink-cells.xlsx',
        case: 46,
        description: 'branch cells with a hyperlink (D2) and a HYPERLINK() formula (D3): the display text is used, no URL is opened',
        expected: accepted([], { facts: GOOD_FACTS }),
      },
      usageBook(
        worksheet(
          usageData([
            GOOD[0] as CellSpec[],
            ['002', '2026-01', 50, cellXml((ref) => `<c r="${ref}" t="str"><f>HYPERLINK("http://127.0.0.1:9/x","周口")</f><v>周口</v></c>`)],
            GOOD[2] as CellSpec[],
          ]),
          '',
          '<hyperlinks><hyperlink ref="D2" r:id="rId1"/></hyperlinks>',
        ),
        { parts: [{ name: 'xl/worksheets/_rels/sheet1.xml.rels', data: `<?xml version="1.0"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/hyperlink" Target="http://127.0.0.1:9/x" TargetMode="External"/></Relationships>` }] },
      ),
    ),
    fixture(
      {
        file: 'bool-date-in-amount.xlsx',
        case: 47,
        description: 'billed_revenue TRUE (C2) and a date cell (C3)',
        expected: rejected([at('cell.expected_number', SHEET, 2, 3), at('cell.expected_number', SHEET, 3, 3)]),
      },
      usageBook(usageData([['001', '2026-01', cellXml((ref) => `<c r="${ref}" t="b"><v>1</v></c>`), '郑州'], ['002', '2026-01', number(serial(2026, 1, 5), STYLE.date), '周口']])),
    ),
    fixture(
      {
        file: 'formula-like-text.xlsx',
        case: 48,
        description: 'branch texts starting with =, +, -, @, TAB, CR and LF: kept as text, never evaluated',
        expected: accepted([2, 3, 4, 5, 6, 7].map((row) => at('cell.formula_like', SHEET, row, 4)), {
          facts: [
            { id: '001', month: '2026-01', branch: '=HYPERLINK("http://x?"&A1)' },
            { id: '002', month: '2026-01', branch: '+86 郑州' },
            { id: '003', month: '2026-01', branch: '-1+1' },
            { id: '004', month: '2026-01', branch: '@SUM(1)' },
            { id: '005', month: '2026-01', branch: 'cmd|\' /C calc\'!A0' },
            { id: '006', month: '2026-01', branch: 'CR' },
            { id: '007', month: '2026-01', branch: 'a\nb' },
          ],
        }),
        gap: 'leading TAB/CR/LF are trimmed from the stored text (the warning names them)',
      },
      usageBook(
        usageData(ids([[1, '=HYPERLINK("http://x?"&A1)'], [2, '+86 郑州'], [3, '-1+1'], [4, '@SUM(1)'], [5, "\tcmd|' /C calc'!A0"], [6, '\rCR'], [7, 'a\nb']])),
      ),
    ),
    fixture(
      {
        file: 'text-too-long.xlsx',
        case: 49,
        description: 'branch in D7 holds 32,768 characters',
        expected: rejected([at('cell.text_too_long', SHEET, 7, 4)]),
      },
      usageBook(usageData([...GOOD, ['004', '2026-01', 1, '郑州'], ['005', '2026-01', 1, '郑州'], ['006', '2026-01', 1, noise(32_768, 7)]])),
    ),
    hugeSharedString(),
    fixture(
      {
        file: 'control-characters.xlsx',
        case: 50,
        description: 'branch "Café" in NFC (D2) and NFD (D3), with U+202E (D4), with a zero-width space (D5), and an _x0007_ escape (D6)',
        expected: accepted([at('cell.invisible_characters', SHEET, 4, 4), at('cell.invisible_characters', SHEET, 5, 4)], {
          facts: [
            { id: '001', month: '2026-01', branch: 'Café' },
            { id: '002', month: '2026-01', branch: 'Café' },
            { id: '003', month: '2026-01', branch: '\u202e郑州' },
            { id: '004', month: '2026-01', branch: '周\u200b口' },
            { id: '005', month: '2026-01', branch: '_x0007_Bell' },
          ],
        }),
        gap: 'NFC merges the two Cafés; the bidi override and the zero-width space are kept (with a warning), and OOXML _xHHHH_ escapes are not decoded',
      },
      usageBook(usageData(ids([[1, 'Caf\u00e9'], [2, 'Cafe\u0301'], [3, '\u202e郑州'], [4, '周\u200b口'], [5, '_x0007_Bell']]))),
    ),
    fixture(
      {
        file: 'duplicate-ids.xlsx',
        case: 51,
        description: 'customer 001 in 2026-01 on rows 2 and 4',
        expected: rejected([at('row.duplicate_key', SHEET, 4, 1)]),
      },
      usageBook(usageData([GOOD[0] as CellSpec[], GOOD[1] as CellSpec[], ['001', '2026-01', 7, '郑州']])),
    ),
    fixture(
      {
        file: 'total-row.xlsx',
        case: 53,
        description: 'a 合计 row (row 5: "合计", no month, 170) inside the data range',
        expected: rejected([at('cell.required_empty', SHEET, 5, 2)]),
        gap: 'refused (a total row has no month), naming the row; not recognised as a total row as such',
      },
      usageBook(usageData([...GOOD, ['合计', null, 170, null], ['004', '2026-01', 5, '郑州']])),
    ),
    fixture(
      {
        file: 'hidden-filtered-rows.xlsx',
        case: 54,
        description: 'an autofilter with rows 3 and 4 filtered out (hidden): included, with one warning',
        expected: accepted([at('xlsx.hidden_rows', SHEET, 3)], { facts: GOOD_FACTS }),
      },
      usageBook(
        worksheet(
          xrow(1, HEADER) + xrow(2, GOOD[0] as CellSpec[]) + xrow(3, GOOD[1] as CellSpec[], 'hidden="1"') + xrow(4, GOOD[2] as CellSpec[], 'hidden="true"'),
          '<sheetPr filterMode="1"/>',
          '<autoFilter ref="A1:D4"><filterColumn colId="3"><filters><filter val="郑州"/></filters></filterColumn></autoFilter>',
        ),
      ),
    ),
  ];
}

/** BAD-INPUTS 49, second half: one long shared string used 12,000 times. */
function hugeSharedString(): Fixture {
  // Rows and cells without references (the reader numbers them in order), so the file stays small.
  const rows = Array.from({ length: 12_000 }, (_, i) => `<row><c><v>${100_000 + i}</v></c><c t="s"><v>1</v></c><c><v>1</v></c><c t="s"><v>0</v></c></row>`).join('');
  const data = xrow(1, HEADER) + rows;
  return fixture(
    {
      file: 'huge-shared-string.xlsx',
      case: 49,
      description: 'one 40,000-character shared string used as branch on 12,000 rows: held once, each use refused (the report keeps the first 3)',
      options: { maxProblems: 3 },
      expected: rejected([at('cell.text_too_long', SHEET, 2, 4), at('cell.text_too_long', SHEET, 3, 4), at('cell.text_too_long', SHEET, 4, 4)], [], { errorCount: 12_000 }),
    },
    usageBook(data, { sharedStrings: sharedStringsXml([noise(40_000, 11), '2026-01']) }),
  );
}

function amountCases(): Fixture[] {
  const pools = (amount: CellSpec) => xrow(1, ['pool', 'month', 'amount']) + xrow(2, ['网络成本', '2026-01', amount]) + xrow(3, ['营销成本', '2026-01', '1.005']);
  const poolBook = (amount: CellSpec) =>
    workbook({
      sheets: [
        { name: SHEET, data: usageData() },
        { name: 'cost_pools', data: pools(amount) },
      ],
    });
  return [
    fixture(
      {
        file: 'huge-revenue.xlsx',
        case: 56,
        description: 'billed_revenue 1E+308 (C2): finite, but far beyond any amount that can be kept to the fen',
        expected: rejected([at('cell.out_of_range', SHEET, 2, 3)]),
      },
      usageBook(usageData([['001', '2026-01', number('1E+308'), '郑州'], GOOD[1] as CellSpec[]])),
    ),
    fixture(
      {
        file: 'non-finite-revenue.xlsx',
        case: 56,
        description: 'billed_revenue 1e999 (C2), which overflows to Infinity',
        expected: rejected([at('cell.not_finite', SHEET, 2, 3)]),
      },
      usageBook(usageData([['001', '2026-01', number('1e999'), '郑州'], GOOD[1] as CellSpec[]])),
    ),
    fixture(
      {
        file: 'negative-zero.xlsx',
        case: 56,
        description: 'billed_revenue -0 (C2) and "-0" as text (C3): read as 0',
        expected: accepted([], { facts: [{ id: '001', month: '2026-01', billed_revenue: 0 }, { id: '002', month: '2026-01', billed_revenue: 0 }] }),
      },
      usageBook(usageData([['001', '2026-01', number('-0'), '郑州'], ['002', '2026-01', '-0', '周口']])),
    ),
    fixture(
      {
        file: 'pool-amount-out-of-range.xlsx',
        case: 56,
        description: 'a cost pool amount of 1E+308 (cost_pools C2)',
        expected: rejected([at('cell.out_of_range', 'cost_pools', 2, 3)]),
      },
      poolBook(number('1E+308')),
    ),
    fixture(
      {
        file: 'pool-amount-decimals.xlsx',
        case: 56,
        description: 'cost pool amounts 1234.5678 and "1.005": rounded half-up to the fen on their decimal digits (123457 and 101 fen)',
        expected: accepted([], {
          pools: [
            { pool: '网络成本', month: '2026-01', amountFen: 123_457 },
            { pool: '营销成本', month: '2026-01', amountFen: 101 },
          ],
        }),
        gap: 'rounded by the documented rule (docs/model.md) but without the warning BAD-INPUTS asks for',
      },
      poolBook(1234.5678),
    ),
  ];
}

function repeatCases(): Fixture[] {
  const bytes = usageBook();
  return [
    fixture(
      {
        file: 'same-content-a.xlsx',
        case: 52,
        description: 'two files with the same bytes (same SHA-256) in one import: the second is skipped with a warning',
        alsoRead: ['same-content-b.xlsx'],
        expected: accepted([at('file.duplicate', SHEET)], { facts: GOOD_FACTS }),
      },
      bytes,
      [{ name: 'same-content-b.xlsx', bytes }],
    ),
  ];
}

export function badInputFixtures(): Fixture[] {
  return [...fileCases(), ...zipCases(), ...xmlCases(), ...sheetCases(), ...gridCases(), ...valueCases(), ...amountCases(), ...repeatCases()];
}
