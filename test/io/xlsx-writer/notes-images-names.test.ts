/**
 * Notes, pictures, document properties, defined names and row heights, read back by openpyxl,
 * exceljs and LibreOffice (directly, after LibreOffice re-saves the file, and on a PDF page).
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_AUTHOR, createWorkbookWriter } from '../../../core/io/xlsx-writer/workbook-writer.js';
import { ZipWriter } from '../../../core/io/xlsx-writer/zip-writer.js';
import { convertWithLibreOffice } from './support/libreoffice.js';
import { readWithOpenpyxl } from './support/openpyxl-read.js';
import { checkPackage, readPart } from './support/package-check.js';
import { colourBox, readPpm } from './support/ppm.js';
import { framedPng } from './support/test-png.js';

const run = promisify(execFile);
const ORANGE = [255, 200, 0] as const;
const GREEN = [0, 160, 80] as const;
const BLUE = [0, 0, 200] as const;
const CHART = framedPng(320, 200, ORANGE, BLUE);
const SMALL = framedPng(160, 120, GREEN, BLUE);
const CREATED = new Date(Date.UTC(2025, 5, 30, 8, 15, 0));
const NOTES = {
  A2: '客户编号或名称。\n来自导入的客户表。',
  B2: '利润 = 收入 − 成本 & 费用 <元>，按月份汇总后再按客户合计得出的数值。',
  C2: '加权利润 = 利润 × 权重_利润（见“参数”表）。',
};
let dir = '';
let path = '';

async function writeReport(target: string): Promise<void> {
  const book = await createWorkbookWriter(target, {
    styles: { title: { bold: true }, header: { bold: true, fill: 'DDEBF7', wrapText: true } },
    properties: { title: '客户价值报告', subject: '2025 年 6 月', creator: '财务分析', description: 'Customer Value Studio 0.1.0', keywords: '客户价值; 利润', created: CREATED, appVersion: '0.1.0' },
  });
  const overview = book.addSheet('概览', { columns: [{ width: 18 }, { width: 12 }, { width: 12 }, { width: 12 }], frozenRows: 2 });
  await overview.addRow([{ value: '客户价值报告', style: 'title' }], { height: 30 });
  const h = (value: string) => ({ value, style: 'header' as const });
  await overview.addRow([h('客户'), h('利润'), h('加权利润'), h('权重合计')], { height: 36 });
  for (const [ref, text] of Object.entries(NOTES)) overview.addNote(2, ref.charCodeAt(0) - 64, text);
  // The cached values are stale on purpose: LibreOffice must resolve the names to compute them.
  await overview.addRow(['张三', 100, { formula: 'B3*权重_利润', value: -1 }, { formula: '_Total', value: -1 }]);
  overview.addImage({ png: CHART, row: 5, column: 2, width: 320, height: 200, name: '利润图', description: '各分公司利润' });
  overview.addImage({ png: SMALL, row: 17, column: 1, width: 160, height: 120 });
  await overview.end();
  const parameters = book.addSheet('参数', { autoFilter: true });
  await parameters.addRow(['名称', '值']);
  await parameters.addRow(['权重_利润', 0.5]);
  await parameters.addRow(['权重_收入', 0.25]);
  parameters.addNote(2, 2, '0 … 1');
  parameters.addImage({ png: SMALL, row: 5, column: 1, width: 80, height: 60 });
  await parameters.end();
  const plain = book.addSheet('明细');
  await plain.addRow([1]);
  await plain.end();
  book.addDefinedName('权重_利润', "'参数'!$B$2");
  book.addDefinedName('_Total', "=SUM('参数'!$B$2:$B$3)");
  await book.end();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-writer-extras-'));
  path = join(dir, 'report.xlsx');
  await writeReport(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('notes, pictures, properties and defined names', () => {
  it('writes a consistent package: every rels target exists and every part has a content type', async () => {
    const { parts, problems } = await checkPackage(path);
    expect(problems).toEqual([]);
    expect([...parts].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/comments1.xml',
        'xl/comments2.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/drawings/_rels/drawing2.xml.rels',
        'xl/drawings/drawing1.xml',
        'xl/drawings/drawing2.xml',
        'xl/drawings/vmlDrawing1.vml',
        'xl/drawings/vmlDrawing2.vml',
        'xl/media/image1.png',
        'xl/media/image2.png',
        'xl/media/image3.png',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/_rels/sheet1.xml.rels',
        'xl/worksheets/_rels/sheet2.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
        'xl/worksheets/sheet3.xml',
      ].sort(),
    );
  });

  it('has a package check that finds dangling relationships, parts without a type and unknown r:ids', async () => {
    const broken = join(dir, 'broken.xlsx');
    const zip = new ZipWriter(createWriteStream(broken));
    const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
    await zip.addEntry('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="x"/><Default Extension="xml" ContentType="y"/><Override PartName="/xl/gone.xml" ContentType="z"/></Types>');
    await zip.addEntry('_rels/.rels', `${rels}<Relationship Id="rId1" Type="t" Target="xl/workbook.xml"/></Relationships>`);
    await zip.addEntry('xl/sheet.xml', '<worksheet xmlns:r="r"><legacyDrawing r:id="rId9"/></worksheet>');
    await zip.addEntry('xl/_rels/sheet.xml.rels', `${rels}<Relationship Id="rId1" Type="t" Target="media/a.png"/></Relationships>`);
    await zip.addEntry('xl/media/a.png', CHART);
    await zip.end();
    expect((await checkPackage(broken)).problems).toEqual([
      'Override for missing part xl/gone.xml',
      '_rels/.rels: rId1 → missing part xl/workbook.xml',
      'xl/media/a.png has no content type',
      'xl/sheet.xml uses rId9, which xl/_rels/sheet.xml.rels lacks',
    ]);
    await rm(broken);
  });

  it('closes the sheet XML in CT_Worksheet order and gives each VML part its own shape ids', async () => {
    const sheet = await readPart(path, 'xl/worksheets/sheet2.xml');
    const tail = sheet.slice(sheet.indexOf('</sheetData>'));
    expect([...tail.matchAll(/<(\w+)[ />]/g)].map((m) => m[1])).toEqual(['autoFilter', 'pageMargins', 'drawing', 'legacyDrawing']);
    const rels = await readPart(path, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(tail).toContain('<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>');
    expect(rels).toMatch(/Id="rId1" Type="[^"]+\/drawing" Target="..\/drawings\/drawing2.xml"/);
    expect(rels).toMatch(/Id="rId2" Type="[^"]+\/vmlDrawing" Target="..\/drawings\/vmlDrawing2.vml"/);
    expect(rels).toMatch(/Id="rId3" Type="[^"]+\/comments" Target="..\/comments2.xml"/);
    const vml1 = await readPart(path, 'xl/drawings/vmlDrawing1.vml');
    const vml2 = await readPart(path, 'xl/drawings/vmlDrawing2.vml');
    expect(vml1).toContain('<o:idmap v:ext="edit" data="1"/>');
    expect(vml2).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect([...vml1.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(['1025', '1026', '1027']);
    expect([...vml2.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1])).toEqual(['2049']);
    // Hidden until hover, as a normal note.
    expect(vml1.match(/visibility:hidden/g)).toHaveLength(3);
    expect(vml1).not.toContain('<x:Visible');
    const app = await readPart(path, 'docProps/app.xml');
    expect(app).toContain('<Application>Customer Value Studio 0.1.0</Application>');
    expect(app).not.toContain('AppVersion');
  });

  it('reads back in openpyxl: notes with their author, pictures at their cells, properties, names, row heights', async () => {
    const book = await readWithOpenpyxl(path);
    expect(book.properties).toEqual({
      title: '客户价值报告',
      subject: '2025 年 6 月',
      creator: '财务分析',
      description: 'Customer Value Studio 0.1.0',
      keywords: '客户价值; 利润',
      created: '2025-06-30T08:15:00',
    });
    expect(book.definedNames).toEqual({ 权重_利润: "'参数'!$B$2", _Total: "SUM('参数'!$B$2:$B$3)" });
    const [overview, parameters, plain] = book.sheets;
    expect(overview?.notes).toEqual(Object.fromEntries(Object.entries(NOTES).map(([ref, text]) => [ref, { text, author: NOTE_AUTHOR }])));
    expect(overview?.rowHeights).toEqual({ 1: 30, 2: 36 });
    expect(overview?.pictures).toEqual([
      { anchor: 'oneCellAnchor', row: 5, column: 2, width: 320, height: 200, name: '利润图', description: '各分公司利润', bytes: CHART.length },
      { anchor: 'oneCellAnchor', row: 17, column: 1, width: 160, height: 120, name: 'Picture 2', description: null, bytes: SMALL.length },
    ]);
    expect(parameters?.notes).toEqual({ B2: { text: '0 … 1', author: NOTE_AUTHOR } });
    expect(parameters?.pictures.map((p) => [p.row, p.column, p.width, p.height])).toEqual([[5, 1, 80, 60]]);
    expect(plain).toMatchObject({ notes: {}, pictures: [] });
  });

  it('reads back in exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.title).toBe('客户价值报告');
    expect(wb.creator).toBe('财务分析');
    const ws = wb.getWorksheet('概览');
    expect(ws?.getCell('B2').note).toMatchObject({ texts: [{ text: NOTES.B2 }] });
    expect(ws?.getImages().map((i) => [i.range.tl.nativeRow, i.range.tl.nativeCol])).toEqual([
      [4, 1],
      [16, 0],
    ]);
    expect(ws?.getRow(1).height).toBe(30);
  });

  it('survives a round trip through LibreOffice: notes, pictures at their cells, names that compute', async () => {
    const resaved = await convertWithLibreOffice(path, 'xlsx', join(dir, 'lo-xlsx'));
    const book = await readWithOpenpyxl(resaved);
    const [overview, parameters] = book.sheets;
    expect(Object.fromEntries(Object.entries(overview?.notes ?? {}).map(([ref, note]) => [ref, note.text]))).toEqual(NOTES);
    expect(parameters?.notes.B2?.text).toBe('0 … 1');
    // LibreOffice writes pictures as twoCellAnchor; the anchor cell and size stay (±1 px of rounding).
    const pictures = overview?.pictures ?? [];
    expect(pictures.map((p) => [p.row, p.column, p.name])).toEqual([
      [5, 2, '利润图'],
      [17, 1, 'Picture 2'],
    ]);
    expect(pictures.map((p) => [p.width, p.height])).toEqual([
      [expect.closeTo(320, 0), expect.closeTo(200, 0)],
      [expect.closeTo(160, 0), expect.closeTo(120, 0)],
    ]);
    expect(book.definedNames['权重_利润']).toBe('参数!$B$2');
    expect(book.properties.title).toBe('客户价值报告');

    const csv = await convertWithLibreOffice(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false', join(dir, 'lo-csv'));
    const rows = parse(await readFile(csv, 'utf8'), { relax_column_count: true }) as string[][];
    expect(rows[2]).toEqual(['张三', '100', '50', '0.75']);
  }, 240_000);

  it('prints in LibreOffice with the pictures at their size and place, and the notes as PDF notes', async () => {
    const pdf = await convertWithLibreOffice(path, 'pdf:calc_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', join(dir, 'lo-pdf'));
    // The four notes become PDF text annotations (sticky notes), not printed text.
    expect((await readFile(pdf, 'latin1')).match(/\/Subtype\s*\/Text\b/g)).toHaveLength(4);
    await run('pdftoppm', ['-r', '48', '-f', '1', '-l', '1', pdf, join(dir, 'page')], { timeout: 60_000 });
    const pages = (await readdir(dir)).filter((f) => f.startsWith('page') && f.endsWith('.ppm'));
    expect(pages).toHaveLength(1);
    const page = await readPpm(join(dir, pages[0] ?? ''));
    const chart = colourBox(page, ORANGE);
    const small = colourBox(page, GREEN);
    if (chart === null || small === null) throw new Error('a picture is missing from the page');
    // Inside 4-px frames: 312 × 192 and 152 × 112 pixels, the same proportions at any scale.
    expect((chart.right - chart.left + 1) / (chart.bottom - chart.top + 1)).toBeCloseTo(312 / 192, 1);
    expect((small.right - small.left + 1) / (small.bottom - small.top + 1)).toBeCloseTo(152 / 112, 1);
    expect(chart.pixels).toBeGreaterThan(0.95 * (chart.right - chart.left + 1) * (chart.bottom - chart.top + 1));
    // B5 is right of A17's picture and above it.
    expect(chart.left).toBeGreaterThan(small.left + 20);
    expect(small.top).toBeGreaterThan(chart.bottom);
  }, 240_000);
});

describe('bad notes, pictures, row heights and names', () => {
  it('refuses them with a RangeError and leaves the writer usable', async () => {
    const failDir = await mkdtemp(join(tmpdir(), 'xlsx-writer-bad-'));
    try {
      const target = join(failDir, 'ok.xlsx');
      const book = await createWorkbookWriter(target);
      const sheet = book.addSheet('S');
      await sheet.addRow(['a', 'b']);
      sheet.addNote(1, 1, 'first');
      expect(() => sheet.addNote(1, 1, 'second')).toThrow(new RangeError('cell A1 already has a note'));
      expect(() => sheet.addNote(0, 1, 'x')).toThrow(/row 0 is outside 1 … 1048576/);
      expect(() => sheet.addNote(1, 16385, 'x')).toThrow(/column 16385 is outside/);
      expect(() => sheet.addNote(2, 2, '')).toThrow(/the note on B2 is empty/);
      expect(() => sheet.addImage({ png: Buffer.alloc(0), row: 1, column: 1, width: 10, height: 10 })).toThrow(/an image is empty/);
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
      expect(() => sheet.addImage({ png: jpeg, row: 1, column: 1, width: 10, height: 10, name: 'logo' })).toThrow(new RangeError('image "logo" is not a PNG file (no PNG signature and header)'));
      expect(() => sheet.addImage({ png: CHART, row: 0, column: 1, width: 10, height: 10 })).toThrow(RangeError);
      expect(() => sheet.addImage({ png: CHART, row: 1, column: 1, width: 0, height: 10 })).toThrow(/width and height/);
      for (const bad of ['A1', 'xfd1048576', 'R1C1', 'r', 'C', 'RC', 'has space', '1st', '', 'a-b', '_xlnm.Print_Area', 'x'.repeat(256)]) {
        expect(() => book.addDefinedName(bad, "'S'!$A$1"), bad).toThrow(RangeError);
      }
      book.addDefinedName('Rate', "'S'!$A$1");
      expect(() => book.addDefinedName('RATE', "'S'!$B$1")).toThrow(/"RATE" is already used/);
      expect(() => book.addDefinedName('Empty', '=')).toThrow(/refers to nothing/);
      await sheet.end();
      expect(() => sheet.addNote(2, 1, 'late')).toThrow(/has ended/);
      await book.end();
      const back = await readWithOpenpyxl(target);
      expect(back.sheets[0]).toMatchObject({ notes: { A1: { text: 'first' } }, pictures: [] });
      expect(back.definedNames).toEqual({ Rate: "'S'!$A$1" });
    } finally {
      await rm(failDir, { recursive: true, force: true });
    }
  });

  it('removes the temporary file when the workbook fails: a name on a missing sheet, a bad row height', async () => {
    const failDir = await mkdtemp(join(tmpdir(), 'xlsx-writer-bad-'));
    try {
      const book = await createWorkbookWriter(join(failDir, 'names.xlsx'));
      const sheet = book.addSheet('参数');
      await sheet.addRow([0.5]);
      sheet.addImage({ png: CHART, row: 2, column: 1, width: 32, height: 20 });
      await sheet.end();
      book.addDefinedName('权重', "'参数 '!$A$1");
      await expect(book.end()).rejects.toThrow(new RangeError('defined name "权重" refers to sheet "参数 ", which the workbook does not have'));
      expect(await readdir(failDir)).toEqual([]);

      const rows = await createWorkbookWriter(join(failDir, 'rows.xlsx'));
      await expect(rows.addSheet('S').addRow([1], { height: 410 })).rejects.toThrow(/row height must be points in \(0, 409\]/);
      expect(await readdir(failDir)).toEqual([]);
      await expect(createWorkbookWriter(join(failDir, 'date.xlsx'), { properties: { created: new Date(Number.NaN) } })).rejects.toThrow(RangeError);
      expect(await readdir(failDir)).toEqual([]);
    } finally {
      await rm(failDir, { recursive: true, force: true });
    }
  });
});
