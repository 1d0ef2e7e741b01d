import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbookWriter } from '../../../core/io/xlsx-writer/workbook-writer.js';
import { readWorkbook } from '../xlsx/support/read-workbook.js';
import { convertWithLibreOffice } from './support/libreoffice.js';
import { checkPackage } from './support/package-check.js';
const MONEY = '¥#,##0.00;[Red]-¥#,##0.00';
let dir = '';
let path = '';

async function writeSample(target: string): Promise<void> {
  const book = await createWorkbookWriter(target, {
    styles: {
      header: { bold: true, fill: 'DDEBF7', fontColor: '#1F3864', horizontal: 'center' },
      money: { numFmt: MONEY },
      ratio: { numFmt: '0.00' },
      day: { numFmt: 'yyyy-mm-dd', fill: 'FFF2CC' },
    },
  });
  const sheet = book.addSheet('客户明细', {
    columns: [{ width: 18 }, { width: 14, style: 'money' }, { width: 12, style: 'ratio' }, { width: 14, style: 'money' }, { width: 12 }, { width: 8 }, { width: 20 }],
    frozenRows: 1,
    autoFilter: true,
  });
  const h = (text: string) => ({ value: text, style: 'header' as const });
  await sheet.addRow([h('客户'), h('收入'), h('成本'), h('利润'), h('日期'), h('有效'), h('备注')]);
  await sheet.addRow(['张三 & <Co> "q"', 1234.5, 234.25, { formula: 'B2-C2', value: 1000.25 }, new Date(Date.UTC(2024, 0, 31)), true, '=1+1']);
  await sheet.addRow(['+86 138', -50, 0.125, { formula: '=B3-C3', value: -50.125 }, { value: new Date(Date.UTC(2024, 1, 29, 23, 30)), style: 'day' }, false, '@home']);
  // D4's cached value is deliberately stale: LibreOffice must recalculate it to 6.
  await sheet.addRow(['-minus', null, 3, { formula: '2*3', value: -1 }, null, null, 'bad\u0001char\uD800 ok']);
  await sheet.addRow([{ formula: '"a"&"b"', value: 'ab' }, { value: null, style: 'money' }, 1e-7, { formula: 'SUM(B2:B3)', value: 1184.5, style: 'money' }]);
  await sheet.end();
  const notes = book.addSheet('Notes', { frozenRows: 2, frozenColumns: 1 });
  await notes.addRow(['说明', 'x']);
  await notes.addRow([1, 2, 3]);
  await notes.end();
  await book.end();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-writer-'));
  path = join(dir, 'sample.xlsx');
  await writeSample(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createWorkbookWriter', () => {
  it('leaves only the target file (the temporary name is renamed)', async () => {
    expect(await readdir(dir)).toEqual(['sample.xlsx']);
  });

  it('writes a consistent package with document properties and no drawing parts', async () => {
    const { parts, problems } = await checkPackage(path);
    expect(problems).toEqual([]);
    expect([...parts].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });

  it('reads back in exceljs with values, types, formulas, formats and views', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户明细', 'Notes']);
    const ws = wb.getWorksheet('客户明细');
    if (ws === undefined) throw new Error('sheet missing');
    const cell = (ref: string) => ws.getCell(ref);
    expect(cell('A1').value).toBe('客户');
    expect(cell('A1').font.bold).toBe(true);
    expect(cell('A2').value).toBe('张三 & <Co> "q"');
    // Formula-like text stays text.
    for (const [ref, text] of [['G2', '=1+1'], ['A3', '+86 138'], ['G3', '@home'], ['A4', '-minus']] as const) {
      expect(cell(ref).type).toBe(ExcelJS.ValueType.String);
      expect(cell(ref).value).toBe(text);
    }
    expect(cell('G4').value).toBe('badchar ok');
    expect(cell('B2').value).toBe(1234.5);
    expect(cell('B2').numFmt).toBe(MONEY);
    expect(cell('C3').numFmt).toBe('0.00');
    expect(cell('C5').value).toBe(1e-7);
    expect(cell('D2').type).toBe(ExcelJS.ValueType.Formula);
    expect(cell('D2').formula).toBe('B2-C2');
    expect(cell('D2').result).toBe(1000.25);
    expect(cell('D3').formula).toBe('B3-C3');
    expect(cell('D3').result).toBe(-50.125);
    expect(cell('D5').numFmt).toBe(MONEY);
    expect(cell('A5').formula).toBe('"a"&"b"');
    expect(cell('A5').result).toBe('ab');
    expect(cell('E2').value).toEqual(new Date(Date.UTC(2024, 0, 31)));
    expect(cell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(cell('E3').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(cell('F2').value).toBe(true);
    expect(cell('F3').value).toBe(false);
    expect(cell('B4').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(ws.getColumn(1).width).toBe(18);
    expect(JSON.stringify(ws.autoFilter)).toContain('A1:G5');
    const notes = wb.getWorksheet('Notes');
    expect(notes?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  it('reads back in our own reader', async () => {
    const collected = await readWorkbook(path);
    expect(collected.errors).toEqual([]);
    const first = collected.sheets[0];
    expect(first?.rows.map((r) => r.cells)).toEqual([
      ['客户', '收入', '成本', '利润', '日期', '有效', '备注'],
      ['张三 & <Co> "q"', 1234.5, 234.25, 1000.25, new Date(Date.UTC(2024, 0, 31)), true, '=1+1'],
      ['+86 138', -50, 0.125, -50.125, new Date(Date.UTC(2024, 1, 29)), false, '@home'],
      ['-minus', null, 3, -1, null, null, 'badchar ok'],
      ['ab', null, 1e-7, 1184.5],
    ]);
  });

  it('opens in LibreOffice, which recalculates the formulas to their cached values', async () => {
    const csv = await convertWithLibreOffice(path, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false', join(dir, 'csv'));
    const rows = parse(await readFile(csv, 'utf8'), { relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(['客户', '收入', '成本', '利润', '日期', '有效', '备注']);
    expect(rows[1]?.[0]).toBe('张三 & <Co> "q"');
    expect(rows[1]?.[6]).toBe('=1+1');
    expect(rows[2]?.[6]).toBe('@home');
    expect(Number(rows[1]?.[3])).toBeCloseTo(1000.25, 9);
    expect(Number(rows[2]?.[3])).toBeCloseTo(-50.125, 9);
    expect(rows[3]?.[3]).toBe('6');
    expect(rows[4]?.[0]).toBe('ab');
    expect(Number(rows[4]?.[3])).toBeCloseTo(1184.5, 9);
  }, 240_000);

  it('deletes the temporary file when a write fails, and leaves no target', async () => {
    const failDir = await mkdtemp(join(tmpdir(), 'xlsx-writer-fail-'));
    try {
      const book = await createWorkbookWriter(join(failDir, 'x.xlsx'));
      const sheet = book.addSheet('S');
      await sheet.addRow([1]);
      await expect(sheet.addRow([Number.NaN])).rejects.toThrow(/NaN/);
      await expect(book.end()).rejects.toThrow(/failed/);
      expect(await readdir(failDir)).toEqual([]);
    } finally {
      await rm(failDir, { recursive: true, force: true });
    }
  });

  it('refuses bad sheet names, unknown styles and bad colours', async () => {
    const failDir = await mkdtemp(join(tmpdir(), 'xlsx-writer-names-'));
    try {
      await expect(createWorkbookWriter(join(failDir, 'c.xlsx'), { styles: { x: { fill: 'red' } } })).rejects.toThrow(/RRGGBB/);
      const book = await createWorkbookWriter(join(failDir, 'y.xlsx'), { styles: { ok: { bold: true } } });
      expect(() => book.addSheet('a'.repeat(32))).toThrow(/31/);
      expect(() => book.addSheet('a/b')).toThrow(/contains/);
      expect(() => book.addSheet('History')).toThrow(/reserved/);
      const sheet = book.addSheet('S');
      expect(() => book.addSheet('T')).toThrow(/end sheet/);
      await sheet.end();
      expect(() => book.addSheet('s')).toThrow(/already used/);
      const other = book.addSheet('T');
      await expect(other.addRow([{ value: 1, style: 'nope' as 'ok' }])).rejects.toThrow(/not defined/);
      expect(await readdir(failDir)).toEqual([]);
    } finally {
      await rm(failDir, { recursive: true, force: true });
    }
  });
});
