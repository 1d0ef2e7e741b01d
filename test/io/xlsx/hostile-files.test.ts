/** File-level and zip-level defences (BAD-INPUTS §1–14): each case ends in its own clear error. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_XLSX_LIMITS } from '../../../core/io/xlsx/read-xlsx-file.js';
import { tempDir } from '../../support/paths.js';
import { readWorkbook } from './support/read-workbook.js';
import { buildWorkbook, row, workbookParts, writeWorkbook, type WorkbookSpec } from './support/workbook-builder.js';
import { buildCfb, buildZip, type ZipPart } from './support/zip-writer.js';

const dir = tempDir('xlsx-hostile');
const simple: WorkbookSpec = { sheets: [{ name: 'Billing', data: row(1, ['customer_id', 'month']) + row(2, ['001', '2026-01']) }] };

async function errorsOf(name: string, content: Buffer | string, limits = DEFAULT_XLSX_LIMITS) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const { errors, sheets } = await readWorkbook(path, limits);
  return { errors: errors.map((e) => ({ code: e.code, en: e.en, ...(e.sheet === undefined ? {} : { sheet: e.sheet }) })), sheets };
}

/** The default parts with the sheet part replaced. */
function withSheetPart(part: Partial<ZipPart> & { data: string | Buffer }): ZipPart[] {
  return workbookParts(simple).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, ...part } : p));
}

describe('files that are not workbooks', () => {
  it('names an empty file', async () => {
    expect((await errorsOf('empty.xlsx', Buffer.alloc(0))).errors).toEqual([{ code: 'file.empty', en: 'file is empty' }]);
  });

  it('tells a CSV or an HTML table renamed .xlsx', async () => {
    const expected = [{ code: 'xlsx.not_xlsx_text', en: 'Not an Excel .xlsx file (looks like CSV/HTML); re-save as .xlsx' }];
    expect((await errorsOf('csv.xlsx', '用户编号,账期\n001,2026-01\n')).errors).toEqual(expected);
    expect((await errorsOf('html.xlsx', '<html><body><table><tr><td>1</td></tr></table></body></html>')).errors).toEqual(expected);
    expect((await errorsOf('bin.xlsx', Buffer.from([0, 1, 2, 3, 0, 0, 7]))).errors.map((e) => e.code)).toEqual(['xlsx.not_xlsx']);
  });

  it('tells an old .xls from a password-protected workbook', async () => {
    expect((await errorsOf('old.xlsx', buildCfb(['Workbook', 'SummaryInformation']))).errors).toEqual([
      { code: 'xlsx.old_xls', en: 'Old .xls format not supported; save as .xlsx' },
    ]);
    const encrypted = await errorsOf('secret.xlsx', buildCfb(['EncryptionInfo', 'EncryptedPackage']));
    expect(encrypted.errors.map((e) => e.code)).toEqual(['xlsx.encrypted']);
    expect(encrypted.errors[0]?.en).toMatch(/^Workbook is password-protected/);
  });
});

describe('damaged and hostile zips', () => {
  it('calls a download cut short truncated', async () => {
    const whole = buildWorkbook(simple);
    const expected = [{ code: 'xlsx.truncated', en: 'File is damaged (truncated); download or export it again' }];
    expect((await errorsOf('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)))).errors).toEqual(expected);
    expect((await errorsOf('cut-end.xlsx', whole.subarray(0, whole.length - 3))).errors).toEqual(expected);
  });

  it('rejects a compression bomb by its declared ratio, naming the part', async () => {
    const bomb = withSheetPart({ data: `<worksheet xmlns="x"><sheetData>${' '.repeat(20_000_000)}</sheetData></worksheet>` });
    const { errors, sheets } = await errorsOf('bomb.xlsx', buildZip(bomb));
    expect(errors).toEqual([
      {
        code: 'xlsx.compression_ratio',
        en: 'xl/worksheets/sheet1.xml has a compression ratio below 1% (it expands more than 100 times): possibly a zip bomb',
        sheet: 'Billing',
      },
    ]);
    expect(sheets[0]?.rows).toEqual([]);
  });

  it('aborts a bomb that lies about its sizes during inflate', async () => {
    const data = `<worksheet xmlns="x"><sheetData>${' '.repeat(50_000_000)}</sheetData></worksheet>`;
    const compressed = deflateRawSync(data);
    // Declares exactly a 1% ratio, so only the running check can catch it.
    const lying = withSheetPart({ data, declaredSize: compressed.length * 100 });
    // A hang or an inflate to the end would show as vitest's timeout; time itself is for benchmarks.
    const { errors } = await errorsOf('lying-bomb.xlsx', buildZip(lying));
    expect(errors.map((e) => e.code)).toEqual(['xlsx.compression_ratio']);
  });

  it('stops an entry that under-declares its size as soon as it inflates past it', async () => {
    const data = `<worksheet xmlns="x"><sheetData>${row(1, Array.from({ length: 20 }, (_, i) => i * 7919)).repeat(20_000)}</sheetData></worksheet>`;
    const { errors } = await errorsOf('under.xlsx', buildZip(withSheetPart({ data, declaredSize: 1000 })));
    expect(errors).toEqual([{ code: 'xlsx.damaged', en: 'File is damaged: xl/worksheets/sheet1.xml inflates to more than its declared size', sheet: 'Billing' }]);
  });

  it('enforces the part and total caps while inflating', async () => {
    const big = { ...simple, sheets: [{ name: 'Billing', data: row(1, ['customer_id', 'month']) + row(2, ['x'.repeat(5000), '2026-01']).repeat(400) }] };
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, buildWorkbook(big));
    const total = await readWorkbook(path, { ...DEFAULT_XLSX_LIMITS, maxTotalBytes: 1_000_000 });
    expect(total.errors.map((e) => [e.code, e.en])).toEqual([
      ['xlsx.total_too_large', 'the parts inflate to more than 977 KiB in total (reached in xl/worksheets/sheet1.xml)'],
    ]);
    const part = await readWorkbook(path, { ...DEFAULT_XLSX_LIMITS, maxLargePartBytes: 1_000_000 });
    expect(part.errors.map((e) => e.code)).toEqual(['xlsx.part_too_large']);
    const styles = await readWorkbook(path, { ...DEFAULT_XLSX_LIMITS, maxPartBytes: 100 });
    expect(styles.errors.map((e) => e.en)).toEqual(['_rels/.rels inflates to more than 100 bytes']);
  });

  it('refuses more than 1,000 entries', async () => {
    const many = [...workbookParts(simple), ...Array.from({ length: 1000 }, (_, i) => ({ name: `junk/${i}.xml`, data: '<a/>' }))];
    expect((await errorsOf('many.xlsx', buildZip(many))).errors).toEqual([{ code: 'xlsx.too_many_parts', en: 'too many parts in the file (more than 1000)' }]);
  });

  it('refuses duplicate, absolute and climbing entry names', async () => {
    const parts = workbookParts(simple);
    const duplicate = await errorsOf('dup.xlsx', buildZip([...parts, { name: 'xl/workbook.xml', data: '<workbook/>' }]));
    expect(duplicate.errors).toEqual([{ code: 'xlsx.duplicate_part', en: 'more than 1 part with the name xl/workbook.xml' }]);
    for (const name of ['../../evil.xml', '/etc/evil.xml', 'C:\\evil.xml', 'xl\\..\\..\\evil.xml']) {
      const { errors } = await errorsOf('evil.xlsx', buildZip([...parts, { name, data: '<a/>' }]));
      expect(errors).toEqual([{ code: 'xlsx.bad_part_name', en: `invalid part name (absolute or containing ..): ${name}` }]);
    }
  });

  it('refuses zip64, other compression methods, encrypted entries and bad checksums', async () => {
    expect((await errorsOf('z64.xlsx', buildWorkbook(simple, { zip64Locator: true }))).errors.map((e) => e.code)).toEqual(['xlsx.zip64']);
    const sheet = row(1, ['customer_id', 'month']);
    const method = await errorsOf('bzip.xlsx', buildZip(withSheetPart({ data: sheet, method: 12 })));
    expect(method.errors.map((e) => e.en)).toEqual(['xl/worksheets/sheet1.xml uses unsupported compression method 12']);
    const encrypted = await errorsOf('enc.xlsx', buildZip(withSheetPart({ data: sheet, flags: 1 })));
    expect(encrypted.errors.map((e) => e.code)).toEqual(['xlsx.encrypted_part']);
    const crc = await errorsOf('crc.xlsx', buildZip(withSheetPart({ data: `<worksheet><sheetData>${sheet}</sheetData></worksheet>`, declaredCrc: 1234 })));
    expect(crc.errors.map((e) => e.en)).toEqual(['File is damaged: xl/worksheets/sheet1.xml fails its checksum']);
    const corrupt = await errorsOf('corrupt.xlsx', buildZip(withSheetPart({ data: sheet, rawData: Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3]) })));
    expect(corrupt.errors.map((e) => e.en)).toEqual(['File is damaged: xl/worksheets/sheet1.xml does not decompress']);
  });

  it('reads stored (uncompressed) entries', async () => {
    const stored = workbookParts(simple).map((p) => ({ ...p, method: 0 }));
    const { errors, sheets } = await errorsOf('stored.xlsx', buildZip(stored));
    expect(errors).toEqual([]);
    expect(sheets[0]?.rows.map((r) => r.cells)).toEqual([['customer_id', 'month'], ['001', '2026-01']]);
  });

  it('reports a missing workbook part or broken relationships as missing structure', async () => {
    const noWorkbook = await errorsOf('nowb.xlsx', buildWorkbook({ ...simple, omit: ['xl/workbook.xml'] }));
    expect(noWorkbook.errors).toEqual([{ code: 'xlsx.structure_missing', en: 'workbook structure missing: xl/workbook.xml is missing' }]);
    const noRels = await errorsOf('norels.xlsx', buildWorkbook({ ...simple, omit: ['xl/_rels/workbook.xml.rels'] }));
    expect(noRels.errors.map((e) => e.en)).toEqual(['workbook structure missing: xl/_rels/workbook.xml.rels is missing']);
    const noSheet = await errorsOf('nosheet.xlsx', buildWorkbook({ ...simple, omit: ['xl/worksheets/sheet1.xml'] }));
    expect(noSheet.errors.map((e) => e.en)).toEqual(["workbook structure missing: the part of sheet 'Billing' is missing"]);
    const brokenRels = await errorsOf('badrels.xlsx', buildWorkbook({ ...simple, parts: [{ name: '_rels/.rels', data: '<Relationships><Relationship Id="a"' }] }));
    expect(brokenRels.errors.map((e) => e.code)).toEqual(['xlsx.malformed_xml']);
  });
});

describe('XML defences', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><sst xmlns="x"><si><t>&lol2;</t></si></sst>`;

  it('refuses any DTD: billion laughs in the shared strings, XXE in a sheet', async () => {
    const lol = await errorsOf('laughs.xlsx', buildWorkbook({ ...simple, sharedStrings: laughs }));
    expect(lol.errors).toEqual([{ code: 'xlsx.dtd', en: 'unsupported XML (DTD) in xl/sharedStrings.xml' }]);
    const xxe = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="str"><v>&x;</v></c></row></sheetData></worksheet>`;
    const sheet = await errorsOf('xxe.xlsx', buildWorkbook({ sheets: [{ name: 'S', data: xxe }] }));
    expect(sheet.errors).toEqual([{ code: 'xlsx.dtd', en: 'unsupported XML (DTD) in xl/worksheets/sheet1.xml', sheet: 'S' }]);
  });

  it('names the part, line and column of malformed XML, and the row', async () => {
    const unclosed = `<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2"><c r="A2"><v>1</v><c r="B2"><v>2</v></c></row>`;
    const path = writeWorkbook(dir, 'unclosed.xlsx', { sheets: [{ name: 'S', data: unclosed }] });
    const { errors } = await readWorkbook(path);
    expect(errors).toMatchObject([
      { code: 'xlsx.malformed_xml', en: 'malformed XML in xl/worksheets/sheet1.xml (line 3, column 30): <c> is never closed', sheet: 'S', row: 2 },
    ]);
    const entity = await errorsOf('entity.xlsx', buildWorkbook({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="str"><v>a&nbsp;b</v></c></row>' }] }));
    expect(entity.errors[0]?.en).toMatch(/^malformed XML in xl\/worksheets\/sheet1.xml \(line 2, column \d+\): undefined entity &nbsp;$/);
    const cut = await errorsOf('cutxml.xlsx', buildWorkbook({ sheets: [{ name: 'S', data: '<worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v>' }] }));
    expect(cut.errors.map((e) => e.en)).toEqual(['malformed XML in xl/worksheets/sheet1.xml (line 1, column 62): <c> is never closed']);
  });

  it('refuses invalid UTF-8', async () => {
    const bad = Buffer.concat([Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>'), Buffer.from([0xc3, 0x28]), Buffer.from('</v></c></row></sheetData></worksheet>')]);
    const { errors } = await errorsOf('utf8.xlsx', buildZip(withSheetPart({ data: bad })));
    expect(errors.map((e) => e.en)).toEqual(['File is damaged: xl/worksheets/sheet1.xml not valid UTF-8 text']);
  });
});
