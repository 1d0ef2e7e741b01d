/** Cell types, dates, text and the grid (BAD-INPUTS §23–24, 36–37, 41–49): what each cell becomes. */
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/paths.js';
import { onlySheetRows, readWorkbook } from './support/read-workbook.js';
import { row, STYLE, writeWorkbook, type WorkbookSpec } from './support/workbook-builder.js';

const dir = tempDir('xlsx-cells');
let count = 0;

async function read(spec: WorkbookSpec, name = `book${count++}.xlsx`) {
  return readWorkbook(writeWorkbook(dir, name, spec));
}

function sheet(data: string, extra: Partial<WorkbookSpec> = {}): WorkbookSpec {
  return { sheets: [{ name: 'Billing', data }], ...extra };
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('cell values', () => {
  it('reads numbers, shared strings, inline and rich text, formula strings and booleans', async () => {
    const data =
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>-12.5</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c>' +
      '<c r="D1" t="inlineStr"><is><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>' +
      '<c r="E1" t="str"><f>A1&amp;"!"</f><v>x &amp; y &lt;&#x4E2D;&#25991;&gt;</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.5E+3</v></c><c r="C2"><v>0.1234567890123456789</v></c><c r="D2" t="n"><v>12345678901234567</v></c></row>';
    const collected = await read(sheet(data, { sharedStrings: ['共享', 'rich <b>'] }));
    expect(collected.problems).toEqual([]);
    expect(onlySheetRows(collected)).toEqual([
      [1, ['共享', -12.5, '内联', 'Rich text', 'x & y <中文>', true, false]],
      [2, ['rich <b>', 1500, 0.12345678901234568, 12345678901234568]],
    ]);
  });

  it('reads every decimal exactly as Number() does', async () => {
    const values = ['0.1', '102.77', '-0', '7', '0.30000000000000004', '123456789012345', '1.7976931348623157E308', '.5', '5.'];
    const data = `<row r="1">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('')}</row>`;
    const [[, cells] = [0, []]] = onlySheetRows(await read(sheet(data)));
    expect(cells).toEqual(values.map(Number));
    expect(Object.is(cells[2], -0)).toBe(true);
  });

  it('uses a formula’s cached value, shared formulas included, and refuses one without', async () => {
    const data =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c><c r="C1"><f t="shared" ref="C1:C3" si="0">A1+1</f><v>2</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f>A2*2</f></c><c r="C2"><f t="shared" si="0"/><v>3</v></c></row>' +
      '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f>A3*2</f><v></v></c><c r="C3"><f t="shared" si="0"/><v>4</v></c><c r="D3" t="str"><f>""</f><v></v></c></row>';
    const collected = await read(sheet(data));
    expect(onlySheetRows(collected)).toEqual([
      [1, [1, 2, 2]],
      [2, [2, null, 3]],
      [3, [3, null, 4]],
    ]);
    expect(collected.errors).toEqual([
      { severity: 'error', code: 'xlsx.formula_no_value', en: 'formula has no computed value; open and save it in Excel, then import again', zh: expect.any(String), sheet: 'Billing', row: 2, column: 'B', columnNumber: 2 },
      expect.objectContaining({ code: 'xlsx.formula_no_value', row: 3, column: 'B', columnNumber: 2 }),
    ]);
  });

  it('refuses error values, naming each cell and its value', async () => {
    const data = '<row r="1"><c r="A1" t="e"><v>#DIV/0!</v></c><c r="B1" t="e"><f>VLOOKUP(1,X,2)</f><v>#N/A</v></c><c r="C1"><v>5</v></c></row>';
    const collected = await read(sheet(data));
    expect(onlySheetRows(collected)).toEqual([[1, [null, null, 5]]]);
    expect(collected.errors.map((e) => [e.code, e.row, e.column, e.columnNumber, e.value])).toEqual([
      ['xlsx.error_value', 1, 'A', 1, '#DIV/0!'],
      ['xlsx.error_value', 1, 'B', 2, '#N/A'],
    ]);
  });

  it('warns about formulas that refer to other workbooks or DDE, using their cached values', async () => {
    const data = `<row r="1"><c r="A1"><f>[1]Sheet1!A1</f><v>7</v></c><c r="B1"><f>cmd|' /C calc'!A0</f><v>0</v></c><c r="C1"><f>SUM(Table1[Amount])</f><v>3</v></c></row>`;
    const collected = await read(sheet(data, { workbookExtra: '<externalReferences><externalReference r:id="rId99"/></externalReferences>' }));
    expect(onlySheetRows(collected)).toEqual([[1, [7, 0, 3]]]);
    expect(collected.warnings.map((w) => [w.code, w.column, w.value])).toEqual([
      ['xlsx.external_links', undefined, undefined],
      ['xlsx.external_formula', 'A', '[1]Sheet1!A1'],
      ['xlsx.external_formula', 'B', "cmd|' /C calc'!A0"],
    ]);
    expect(collected.errors).toEqual([]);
  });

  it('refuses values that do not fit their type', async () => {
    const data = '<row r="1"><c r="A1"><v>0x1A</v></c><c r="B1"><v>Infinity</v></c><c r="C1" t="b"><v>yes</v></c><c r="D1" t="s"><v>9</v></c><c r="E1" t="q"><v>1</v></c><c r="F1"><v>1e999</v></c></row>';
    const collected = await read(sheet(data, { sharedStrings: ['only'] }));
    expect(collected.errors.map((e) => [e.code, e.column, e.value])).toEqual([
      ['xlsx.bad_cell_value', 'A', '0x1A'],
      ['xlsx.bad_cell_value', 'B', 'Infinity'],
      ['xlsx.bad_cell_value', 'C', 'yes'],
      ['xlsx.bad_shared_string', 'D', '9'],
      ['xlsx.bad_cell_value', 'E', '1'],
      ['cell.not_finite', 'F', '1e999'],
    ]);
    expect(collected.sheets[0]?.rows).toEqual([]);
  });
});

describe('dates', () => {
  const dated = (style: number, value: string, col = 'A') => `<c r="${col}1" s="${style}"><v>${value}</v></c>`;

  it('makes numbers in date styles calendar days at UTC midnight, and leaves other styles alone', async () => {
    const data =
      `<row r="1">${dated(STYLE.date, '46266', 'A')}${dated(STYLE.isoDate, '46266.75', 'B')}${dated(STYLE.chineseDate, '1', 'C')}${dated(STYLE.cjkDate, '61', 'D')}` +
      `${dated(STYLE.money, '46266', 'E')}${dated(STYLE.redMoney, '12.5', 'F')}${dated(STYLE.time, '0.5', 'G')}${dated(STYLE.general, '59', 'H')}${dated(STYLE.date, '59', 'I')}` +
      `<c r="J1" t="d"><v>2026-09-01T13:45:00</v></c><c r="K1" t="d"><v>2024-02-29</v></c></row>`;
    const collected = await read(sheet(data));
    expect(collected.problems).toEqual([]);
    expect(onlySheetRows(collected)).toEqual([
      [1, [day(2026, 9, 1), day(2026, 9, 1), day(1900, 1, 1), day(1900, 3, 1), 46266, 12.5, 0.5, 59, day(1900, 2, 28), day(2026, 9, 1), day(2024, 2, 29)]],
    ]);
  });

  it('applies the 1904 date system', async () => {
    const data = `<row r="1">${dated(STYLE.date, '44804', 'A')}${dated(STYLE.date, '0', 'B')}</row>`;
    const collected = await read(sheet(data, { date1904: true }));
    expect(onlySheetRows(collected)).toEqual([[1, [day(2026, 9, 1), day(1904, 1, 1)]]]);
  });

  it('refuses serial 60 (29 Feb 1900), serials before day 1, and bad ISO dates, naming the cell', async () => {
    const data = `<row r="3">${dated(STYLE.date, '60', 'A').replace('A1', 'A3')}${dated(STYLE.date, '0.5', 'B').replace('B1', 'B3')}${dated(STYLE.date, '-3', 'C').replace('C1', 'C3')}<c r="D3" t="d"><v>2023-02-29</v></c></row>`;
    const collected = await read(sheet(data));
    expect(collected.errors.map((e) => [e.code, e.row, e.column, e.value])).toEqual([
      ['xlsx.phantom_leap_day', 3, 'A', '60'],
      ['xlsx.date_out_of_range', 3, 'B', '0.5'],
      ['xlsx.date_out_of_range', 3, 'C', '-3'],
      ['xlsx.bad_cell_value', 3, 'D', '2023-02-29'],
    ]);
  });
});

describe('text limits', () => {
  it('refuses a cell over 32,767 characters, inline or shared', async () => {
    const long = 'x'.repeat(32_768);
    const data = `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" t="str"><v>${long}</v></c><c r="C1"><v>1</v></c></row>`;
    const collected = await read(sheet(data));
    expect(collected.errors.map((e) => [e.code, e.en, e.column])).toEqual([
      ['cell.text_too_long', 'text longer than 32,767 characters', 'A'],
      ['cell.text_too_long', 'text longer than 32,767 characters', 'B'],
    ]);
    expect(onlySheetRows(collected)).toEqual([[1, [null, null, 1]]]);
  });

  it('keeps a 1 MB shared string once however often it is used, and refuses each use', async () => {
    // Varied text, so that the part compresses like real text (a repeated character would be a bomb).
    let seed = 1;
    const megabyte = Array.from({ length: 1_000_000 }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 48271) % 2147483647) % 2000))).join('');
    const rows = Array.from({ length: 12_000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>0</v></c><c r="B${i + 2}"><v>${i}</v></c></row>`).join('');
    const before = process.memoryUsage().heapUsed;
    const collected = await read(sheet(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>${rows}`, { sharedStrings: [megabyte, 'id'] }));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100_000_000);
    expect(collected.errors).toHaveLength(12_000);
    expect(collected.errors[0]).toMatchObject({ code: 'cell.text_too_long', sheet: 'Billing', row: 2, column: 'A', columnNumber: 1 });
  });

  it('caps the shared strings', async () => {
    const path = writeWorkbook(dir, 'many-strings.xlsx', sheet(row(1, ['a']), { sharedStrings: ['a', 'b', 'c'] }));
    const { DEFAULT_XLSX_LIMITS } = await import('../../../core/io/xlsx/read-xlsx-file.js');
    const few = await readWorkbook(path, { ...DEFAULT_XLSX_LIMITS, maxSharedStrings: 2 });
    expect(few.errors.map((e) => e.en)).toEqual(['the shared strings hold more than 2 strings']);
    const short = await readWorkbook(path, { ...DEFAULT_XLSX_LIMITS, maxSharedStringChars: 2 });
    expect(short.errors.map((e) => e.en)).toEqual(['the shared strings hold more than 2 characters']);
  });
});

describe('rows and the grid', () => {
  it('skips empty and styled-empty cells and rows, hands over inner gaps as empty rows, and ignores trailing ones', async () => {
    const data =
      '<row r="2" s="3" customFormat="1"><c r="A2" s="3"/><c r="B2" t="inlineStr"><is><t></t></is></c></row>' +
      '<row r="3"><c r="B3"><v>1</v></c><c r="C3" s="4"/><c r="E3" t="s"><v>0</v></c></row>' +
      '<row r="6"><c r="A6"><v>2</v></c></row><row r="7"/>' +
      Array.from({ length: 5000 }, (_, i) => `<row r="${i + 8}" s="3" customFormat="1"><c r="A${i + 8}" s="3"/></row>`).join('');
    const dimension = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>${data}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const collected = await read(sheet(dimension, { sharedStrings: [''] }));
    expect(collected.problems).toEqual([]);
    expect(onlySheetRows(collected)).toEqual([
      [1, []],
      [2, []],
      [3, [null, 1]],
      [4, []],
      [5, []],
      [6, [2]],
    ]);
  });

  it('numbers rows and cells without references from the previous ones', async () => {
    const data = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="B4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>';
    expect(onlySheetRows(await read(sheet(data)))).toEqual([
      [1, [1, 2]],
      [2, []],
      [3, []],
      [4, [null, 3, 4]],
      [5, [5]],
    ]);
  });

  it('refuses a cell outside the grid before reading it', async () => {
    const column = await read(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>'));
    expect(column.errors).toEqual([expect.objectContaining({ code: 'xlsx.outside_grid', en: "cell XFE1 outside Excel's grid", sheet: 'Billing', row: 1 })]);
    const far = await read(sheet('<row r="1"><c r="AAAAAAAAAAAAAAAAAAAA1"><v>2</v></c></row>'));
    expect(far.errors.map((e) => e.en)).toEqual(["cell AAAAAAAAAAAAAAAAAAAA1 outside Excel's grid"]);
    const rowTooFar = await read(sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'));
    expect(rowTooFar.errors.map((e) => e.en)).toEqual(["cell A1048577 outside Excel's grid"]);
    const last = await read(sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'));
    expect(last.errors).toEqual([]);
    expect(last.sheets[0]?.rows.at(-1)?.cells.length).toBe(16_384);
  });

  it('refuses rows or cells out of order and references that do not match their row', async () => {
    const rows = await read(sheet('<row r="5"><c r="A5"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row>'));
    expect(rows.errors.map((e) => [e.code, e.row])).toEqual([['xlsx.rows_out_of_order', 3]]);
    const cells = await read(sheet('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>'));
    expect(cells.errors.map((e) => e.en)).toEqual(['malformed XML in xl/worksheets/sheet1.xml (line 2, column 227): cells of a row are out of order or repeated']);
    const wrongRow = await read(sheet('<row r="1"><c r="A2"><v>1</v></c></row>'));
    expect(wrongRow.errors[0]?.en).toMatch(/a cell reference does not match its row$/);
  });

  it('reads hidden and filtered rows with one warning, and warns about cells merged across rows', async () => {
    const data =
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="3" hidden="true"><c r="A3"><v>3</v></c></row>' +
      '<row r="4" hidden="0"><c r="A4"><v>4</v></c></row><row r="9" hidden="1" s="1" customFormat="1"/>';
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="B2:B4"/></mergeCells></worksheet>`;
    const collected = await read(sheet(xml));
    expect(onlySheetRows(collected)).toEqual([
      [1, [1]],
      [2, [2]],
      [3, [3]],
      [4, [4]],
    ]);
    expect(collected.warnings.map((w) => [w.code, w.en, w.row, w.column, w.columnNumber])).toEqual([
      ['xlsx.merged_rows', 'cells B2:B4 are merged across rows: only the first row holds the value, the others are empty there; unmerge and fill down', 2, 'B', 2],
      ['xlsx.hidden_rows', '2 hidden or filtered-out rows were read like the others', 2, undefined, undefined],
    ]);
  });

  it('reads prefixed elements, CDATA and comments', async () => {
    const xml =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><!-- note --><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[a & <b>]]></x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c><x:c r="C1" t="str"><x:v>&amp;<![CDATA[&amp;]]></x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const collected = await read(sheet(xml));
    expect(collected.problems).toEqual([]);
    expect(onlySheetRows(collected)).toEqual([[1, ['a & <b>', 2, '&&amp;']]]);
  });
});

describe('sheets', () => {
  it('reads visible worksheets in tab order; skips hidden, very hidden and chart sheets with a warning', async () => {
    const spec: WorkbookSpec = {
      sheets: [
        { name: 'Lookup', data: row(1, ['a']), state: 'hidden' },
        { name: 'Billing', data: row(1, ['b']) },
        { name: 'Secret', data: row(1, ['c']), state: 'veryHidden' },
        { name: 'Chart', data: '', type: 'chartsheet' },
        { name: '结算 & more', data: row(1, ['d']) },
      ],
    };
    const collected = await read(spec);
    expect(collected.sheets.map((s) => [s.source.sheet, s.rows.map((r) => r.cells)])).toEqual([
      ['Billing', [['b']]],
      ['结算 & more', [['d']]],
    ]);
    expect(collected.sheets[0]?.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(collected.warnings.map((w) => [w.en, w.sheet])).toEqual([
      ["hidden sheet 'Lookup' ignored", 'Lookup'],
      ["hidden sheet 'Secret' ignored", 'Secret'],
      ["sheet 'Chart' is not a worksheet (chart, macro or dialog sheet); ignored", 'Chart'],
    ]);
  });

  it('reads a macro workbook with a warning, never running anything', async () => {
    const spec = sheet(row(1, ['a']), { parts: [{ name: 'xl/vbaProject.bin', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }] });
    const collected = await read(spec, 'macros.xlsm');
    expect(collected.warnings.map((w) => [w.code, w.en])).toEqual([['xlsx.macros_ignored', 'macros ignored (never run)']]);
    expect(onlySheetRows(collected)).toEqual([[1, ['a']]]);
  });
});
