import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbookWriter } from '../../core/io/xlsx-writer/workbook-writer.js';
import { dumpSheet, dumpWorkbook, parseWorkbookDump, type WorkbookDump } from '../support/office/openpyxl-dump.js';

const MONEY = '¥#,##0.00;[Red]-¥#,##0.00';
// A 1×1 PNG.
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
let dir = '';
let ours = '';
let theirs = '';
let dump: WorkbookDump;

async function writeOurs(path: string): Promise<void> {
  const book = await createWorkbookWriter(path, {
    styles: {
      header: { bold: true, fill: 'DDEBF7', fontColor: '#1F3864' },
      money: { numFmt: MONEY },
      day: { numFmt: 'yyyy-mm-dd' },
    },
  });
  const sheet = book.addSheet('客户明细', { columns: [{ width: 18 }, { width: 14, style: 'money' }, { width: 14, style: 'money' }, { width: 14, style: 'money' }], frozenRows: 1, autoFilter: true });
  const h = (text: string) => ({ value: text, style: 'header' as const });
  await sheet.addRow([h('客户'), h('收入'), h('成本'), h('利润'), h('日期'), h('有效'), h('备注')]);
  await sheet.addRow(['张三', 1234.5, 234.25, { formula: 'B2-C2', value: 1000.25 }, { value: new Date(Date.UTC(2024, 0, 31)), style: 'day' }, true, '=1+1']);
  await sheet.addRow(['李四', -50, 0.125, { formula: '=B3-C3', value: -50.125 }, null, false, { formula: 'IF(B3>0,"盈","亏")', value: '亏' }]);
  await sheet.addRow(['空', { value: null, style: 'money' }, 1e-7, { formula: 'SUM(B2:B3)', value: 1184.5 }]);
  await sheet.end();
  const notes = book.addSheet('Notes', { frozenRows: 2, frozenColumns: 1 });
  await notes.addRow(['说明', 'x']);
  await notes.end();
  await book.end();
}

/** Comments, merged cells, an image, a name and properties, written by exceljs. */
async function writeTheirs(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '测试';
  wb.title = 'Dump fixture';
  const ws = wb.addWorksheet('Extras');
  ws.getCell('A1').value = '合并标题';
  ws.mergeCells('A1:C1');
  ws.getCell('A2').value = 42;
  ws.getCell('A2').note = '引擎数字';
  ws.getCell('B2').note = 'a note on an empty cell';
  ws.addImage(wb.addImage({ base64: PIXEL, extension: 'png' }), 'D4:E6');
  wb.definedNames.add("'Extras'!$A$2", 'answer');
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'openpyxl-dump-'));
  ours = join(dir, 'ours.xlsx');
  theirs = join(dir, 'theirs.xlsx');
  await writeOurs(ours);
  await writeTheirs(theirs);
  dump = await dumpWorkbook(ours);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('dumpWorkbook', () => {
  it('lists the sheets with their views, filters and column widths', () => {
    expect(dump.dataOnly).toBe(false);
    expect(dump.sheets.map((s) => s.name)).toEqual(['客户明细', 'Notes']);
    const sheet = dumpSheet(dump, '客户明细');
    expect(sheet).toMatchObject({ maxRow: 4, maxColumn: 7, frozen: 'A2', autoFilter: 'A1:G4', images: 0, mergedCells: [] });
    expect(sheet.columnWidths).toEqual({ A: 18, B: 14, C: 14, D: 14 });
    expect(dumpSheet(dump, 'Notes').frozen).toBe('B3');
    expect(() => dumpSheet(dump, 'Missing')).toThrow(/"客户明细", "Notes"/);
  });

  it('gives values, formulas with their cached values, and styles', () => {
    const cells = dumpSheet(dump, '客户明细').cells;
    expect(cells.A1).toEqual({ value: '客户', numberFormat: 'General', bold: true, fill: 'FFDDEBF7', fontColor: 'FF1F3864' });
    expect(cells.B2).toEqual({ value: 1234.5, numberFormat: MONEY });
    expect(cells.D2).toEqual({ value: 1000.25, formula: '=B2-C2', numberFormat: MONEY });
    expect(cells.D3).toMatchObject({ value: -50.125, formula: '=B3-C3' });
    expect(cells.G3).toMatchObject({ value: '亏', formula: '=IF(B3>0,"盈","亏")' });
    expect(cells.E2).toEqual({ value: { date: '2024-01-31T00:00:00' }, numberFormat: 'yyyy-mm-dd' });
    expect(cells.F2?.value).toBe(true);
    expect(cells.F3?.value).toBe(false);
    expect(cells.C4?.value).toBe(1e-7);
    // Formula-like text is text, not a formula.
    expect(cells.G2).toEqual({ value: '=1+1', numberFormat: 'General' });
    // Empty cells, styled or not, are left out.
    expect(Object.hasOwn(cells, 'B4')).toBe(false);
    expect(Object.hasOwn(cells, 'E3')).toBe(false);
  });

  it('gives cached values only with dataOnly, and caps the rows with maxRows', async () => {
    const cached = await dumpWorkbook(ours, { dataOnly: true, maxRows: 2 });
    expect(cached.dataOnly).toBe(true);
    expect(cached.maxRows).toBe(2);
    const sheet = dumpSheet(cached, '客户明细');
    expect(sheet.maxRow).toBe(4);
    expect(sheet.cells.D2).toEqual({ value: 1000.25, numberFormat: MONEY });
    expect(Object.keys(sheet.cells).every((ref) => /^[A-Z]+[12]$/.test(ref))).toBe(true);
    expect(Object.values(sheet.cells).some((cell) => cell.formula !== undefined)).toBe(false);
  });

  it('reads comments, merged cells, images, defined names and properties', async () => {
    const extras = await dumpWorkbook(theirs);
    const sheet = dumpSheet(extras, 'Extras');
    expect(sheet.mergedCells).toEqual(['A1:C1']);
    expect(sheet.images).toBe(1);
    expect(sheet.cells.A2).toMatchObject({ value: 42, comment: '引擎数字' });
    expect(sheet.cells.B2).toMatchObject({ value: null, comment: 'a note on an empty cell' });
    expect(extras.definedNames).toEqual({ answer: 'Extras!$A$2' });
    expect(extras.properties).toMatchObject({ creator: '测试', title: 'Dump fixture' });
  });

  it('fails with openpyxl’s reason for a file it cannot read', async () => {
    await expect(dumpWorkbook(join(dir, 'missing.xlsx'))).rejects.toThrow(/openpyxl could not dump .*missing\.xlsx[\s\S]*FileNotFoundError/);
    await expect(dumpWorkbook(ours, { maxRows: 0 })).rejects.toThrow(/maxRows/);
  });
});

describe('parseWorkbookDump', () => {
  it('refuses JSON that is not a dump, naming the path', () => {
    expect(() => parseWorkbookDump('not json')).toThrow(/no valid JSON/);
    const bad = { dataOnly: false, maxRows: null, sheets: [{ name: 'S', maxRow: 1, maxColumn: 1, frozen: null, autoFilter: null, cells: { A1: { value: [1], numberFormat: 'General' } }, columnWidths: {}, images: 0, mergedCells: [] }], properties: {}, definedNames: {} };
    expect(() => parseWorkbookDump(JSON.stringify(bad))).toThrow(/sheets\.0\.cells\.A1\.value/);
  });
});
