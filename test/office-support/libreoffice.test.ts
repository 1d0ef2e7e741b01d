import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbookWriter } from '../../core/io/xlsx-writer/workbook-writer.js';
import { compareRecalculated, convertWithLibreOffice, formatMismatches, recalculateWithLibreOffice } from '../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook, type WorkbookDump } from '../support/office/openpyxl-dump.js';

const LONG = 240_000;
let dir = '';
let path = '';
let original: WorkbookDump;

/**
 * Some cached values are right and some deliberately stale (marked ✗): only a real recalculation
 * changes the stale ones, and the comparison must flag exactly those.
 */
async function writeCanary(target: string): Promise<void> {
  const book = await createWorkbookWriter(target, { styles: { money: { numFmt: '#,##0.00' } } });
  const detail = book.addSheet('明细', { frozenRows: 1 });
  await detail.addRow(['客户', '收入', '成本', '利润', '税额', '备注']);
  await detail.addRow(['甲', 100, 40, { formula: 'B2-C2', value: 60, style: 'money' }, { formula: "'参数'!B2*C2", value: 2.4 }, { formula: 'IF(D2>50,"高","低")', value: '高' }]);
  await detail.addRow(['乙', 200, 50, { formula: 'B3-C3', value: 150 }, { formula: "'参数'!B2*C3", value: -1 /* ✗ 3 */ }, { formula: '"a"&"b"', value: 'zz' /* ✗ ab */ }]);
  await detail.addRow([
    '合计',
    { formula: 'SUM(B2:B3)', value: 300 },
    { formula: 'SUM(C2:C3)', value: 90 },
    { formula: '2*3', value: -1 /* ✗ 6 */ },
    { formula: "SUMPRODUCT(B2:B3,'参数'!C2:C3)", value: 0 /* ✗ 500 */ },
  ]);
  await detail.end();
  const parameters = book.addSheet('参数');
  await parameters.addRow(['名称', '值', '权重']);
  await parameters.addRow(['税率', 0.06, 1]);
  await parameters.addRow(['—', null, 2]);
  await parameters.end();
  await book.end();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'office-libreoffice-'));
  path = join(dir, 'canary.xlsx');
  await writeCanary(path);
  original = await dumpWorkbook(path);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('recalculateWithLibreOffice', () => {
  it(
    'recalculates every formula, across sheets with quoted Chinese names, and the comparison flags exactly the stale cached values',
    async () => {
      const recalculatedPath = await recalculateWithLibreOffice(path, dir);
      expect(recalculatedPath).toBe(join(dir, 'canary.recalculated.xlsx'));
      const recalculated = await dumpWorkbook(recalculatedPath, { dataOnly: true });
      expect(recalculated.sheets.map((s) => s.name)).toEqual(['明细', '参数']);
      const cells = dumpSheet(recalculated, '明细').cells;
      expect(cells.D4?.value).toBe(6);
      expect(cells.E3?.value).toBeCloseTo(3, 9);
      expect(cells.E4?.value).toBe(500);
      expect(cells.F3?.value).toBe('ab');
      expect(cells.B2?.value).toBe(100);

      const mismatches = compareRecalculated(original, recalculated);
      expect(mismatches.map((m) => m.ref).sort(), formatMismatches(mismatches)).toEqual(['D4', 'E3', 'E4', 'F3']);
      expect(mismatches.find((m) => m.ref === 'D4')).toEqual({ sheet: '明细', ref: 'D4', formula: '=2*3', cached: -1, recalculated: 6 });
      expect(mismatches.find((m) => m.ref === 'E4')).toMatchObject({ formula: "=SUMPRODUCT(B2:B3,'参数'!C2:C3)", cached: 0, recalculated: 500 });
      expect(formatMismatches(mismatches)).toContain('明细!D4 =2*3: cached -1, LibreOffice 6');
    },
    LONG,
  );

  it(
    'is needed: a plain conversion keeps the stale cached values (LibreOffice never recalculates .xlsx on load by default)',
    async () => {
      const copied = await convertWithLibreOffice(path, 'xlsx', dir, { outputName: 'plain-copy', recalcOnLoad: 'never' });
      const values = await dumpWorkbook(copied, { dataOnly: true });
      const cells = dumpSheet(values, '明细').cells;
      expect([cells.D4?.value, cells.E3?.value, cells.E4?.value]).toEqual([-1, -1, 0]);
      // Which is why comparing against a plain conversion would pass stale numbers. (LibreOffice
      // 7.4 does recompute formulas with a cached text result, t="str", even then.)
      expect(compareRecalculated(original, values).map((m) => m.ref)).toEqual(['F3']);
    },
    LONG,
  );
});

describe('convertWithLibreOffice', () => {
  it(
    'converts to csv and reports failures with soffice’s own output',
    async () => {
      const csv = await convertWithLibreOffice(path, 'csv', dir, { recalcOnLoad: 'always' });
      const lines = (await readFile(csv, 'utf8')).trim().split('\n');
      expect(lines[0]).toBe('客户,收入,成本,利润,税额,备注');
      expect(lines[3]).toBe('合计,300,90,6,500,');

      const broken = join(dir, 'broken.xlsx');
      await writeFile(broken, 'PK\u0003\u0004 not really a zip');
      await expect(convertWithLibreOffice(join(dir, 'missing.xlsx'), 'pdf', dir)).rejects.toThrow(/LibreOffice could not convert .*missing\.xlsx[\s\S]*--convert-to[\s\S]*stderr:/);
      await expect(convertWithLibreOffice(path, 'xlsx', join(dir, 'slow'), { timeoutMs: 50 })).rejects.toThrow(/timed out after 0\.05 s/);
      await expect(convertWithLibreOffice(path, 'xlsx', dir)).rejects.toThrow(/would overwrite/);
    },
    LONG,
  );
});

describe('compareRecalculated', () => {
  const sheet = (cells: WorkbookDump['sheets'][number]['cells'], name = 'S'): WorkbookDump['sheets'][number] => ({ name, maxRow: 1, maxColumn: 1, frozen: null, autoFilter: null, cells, columnWidths: {}, images: 0, mergedCells: [] });
  const book = (dataOnly: boolean, ...sheets: WorkbookDump['sheets'][number][]): WorkbookDump => ({
    dataOnly,
    maxRows: null,
    sheets,
    properties: { title: null, subject: null, creator: null, keywords: null, description: null, lastModifiedBy: null, category: null, created: null, modified: null, language: null, identifier: null, version: null, revision: null, contentStatus: null },
    definedNames: {},
  });
  const f = (formula: string, value: WorkbookDump['sheets'][number]['cells'][string]['value']) => ({ formula, value, numberFormat: 'General' });
  const v = (value: WorkbookDump['sheets'][number]['cells'][string]['value']) => ({ value, numberFormat: 'General' });

  it('accepts numbers within 1e-6 absolute or 1e-9 relative, equal text, and empty ≡ ""', () => {
    const cached = book(false, sheet({ A1: f('=x', 1), B1: f('=x', 1e12), C1: f('=x', ''), D1: f('=x', null), E1: f('=x', '文'), F1: f('=x', true), G1: f('=x', { date: '2024-01-31T00:00:00' }), H1: v(99) }));
    const recalculated = book(true, sheet({ A1: v(1 + 9e-7), B1: v(1e12 + 900), C1: v(null), E1: v('文'), F1: v(true), G1: v({ date: '2024-01-31T00:00:00' }), H1: v(-1) }));
    expect(compareRecalculated(cached, recalculated)).toEqual([]);
  });

  it('flags numbers outside the tolerance, different text and types, and missing values', () => {
    const cached = book(false, sheet({ A1: f('=x', 1), B1: f('=x', 1e12), C1: f('=x', 'a'), D1: f('=x', 5), E1: f('=x', 1), F1: f('=x', { date: '2024-01-31T00:00:00' }) }));
    const recalculated = book(true, sheet({ A1: v(1 + 2e-6), B1: v(1e12 + 2000), C1: v('b'), D1: v('5'), F1: v({ date: '2024-02-01T00:00:00' }) }));
    expect(compareRecalculated(cached, recalculated).map((m) => `${m.ref}:${JSON.stringify(m.recalculated)}`)).toEqual(['A1:1.000002', 'B1:1000000002000', 'C1:"b"', 'D1:"5"', 'E1:null', 'F1:{"date":"2024-02-01T00:00:00"}']);
    expect(compareRecalculated(cached, recalculated, { absolute: 1e-5, relative: 1e-8 }).map((m) => m.ref)).toEqual(['C1', 'D1', 'E1', 'F1']);
  });

  it('refuses a data-only original and a recalculated workbook without the sheet', () => {
    expect(() => compareRecalculated(book(true, sheet({ A1: v(1) })), book(true, sheet({})))).toThrow(/with formulas/);
    expect(() => compareRecalculated(book(false, sheet({ A1: f('=1', 1) }, '汇总')), book(true, sheet({}, 'Other')))).toThrow(/"汇总" is missing .*"Other"/);
    expect(compareRecalculated(book(false, sheet({ A1: v(1) }, '汇总')), book(true))).toEqual([]);
  });
});
