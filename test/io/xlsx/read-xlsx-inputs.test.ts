/** .xlsx through readInputFiles: the same rules and results as CSV, errors block, warnings do not. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readInputFiles, type ReadInputsResult } from '../../../core/io/read-inputs.js';
import type { RawCell } from '../../../core/io/raw-table.js';
import { formatProblem } from '../../../core/io/validation-report.js';
import type { ModelInput } from '../../../core/model/dataset.js';
import { MINI, tempDir } from '../../support/paths.js';
import { readWorkbook } from './support/read-workbook.js';
import { row, STYLE, writeWorkbook } from './support/workbook-builder.js';
import { plainInput } from '../../support/plain-input.js';
import { decodeNumbers } from '../../../core/model/number-column.js';

const dir = tempDir('xlsx-inputs');
const MINI_FILES = ['usage', 'settlement', 'individual_costs', 'credit', 'cost_pools', 'campaigns'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function input(result: ReadInputsResult): ModelInput {
  if (!result.ok) throw new Error(result.report.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  return result.input;
}

/** The CSV cell as an analyst's workbook holds it: ids and months as text, amounts as numbers, dates as date cells. */
function typedCell(header: string, text: string): ExcelJS.CellValue {
  if (text === '') return null;
  if (DATE.test(text)) return new Date(`${text}T00:00:00Z`);
  const keepText = header === 'customer_id' || header.endsWith('month') || !NUMBER.test(text);
  return keepText ? text : Number(text);
}


describe('readInputFiles with workbooks', () => {
  it('gives the worked example the same input from one workbook as from its CSV files', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of MINI_FILES) {
      const [header = [], ...records] = parse(readFileSync(join(MINI, `${name}.csv`), 'utf8')) as string[][];
      const sheet = workbook.addWorksheet(name);
      sheet.addRow(header);
      for (const record of records) sheet.addRow(record.map((text, i) => typedCell(header[i] ?? '', text)));
      header.forEach((h, i) => {
        if (h === 'join_date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
    const path = join(dir, 'mini.xlsx');
    await workbook.xlsx.writeFile(path);

    const fromCsv = await readInputFiles([MINI]);
    const fromXlsx = await readInputFiles([path]);
    expect(fromXlsx.report.problems).toEqual([]);
    expect(plainInput(input(fromXlsx))).toEqual(plainInput(input(fromCsv)));
    expect(fromXlsx.report.files.map((f) => [f.sheet, f.kind, f.rows])).toEqual([
      ['usage', 'usage', 11],
      ['settlement', 'settlement', 6],
      ['individual_costs', 'individual_costs', 3],
      ['credit', 'credit', 1],
      ['cost_pools', 'pools', 8],
      ['campaigns', 'campaigns', 3],
    ]);
  });

  it('blocks the import on a cell error, naming file, sheet, row and column once', async () => {
    const data =
      row(1, ['customer_id', 'month', 'billed_revenue', 'plan']) +
      row(2, ['001', '2026-01', 10, 'X']) +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>002</t></is></c><c r="B3" t="inlineStr"><is><t>2026-01</t></is></c><c r="C3"><f>C2*2</f></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>003</t></is></c><c r="B4" t="inlineStr"><is><t>2026-01</t></is></c><c r="C4" t="e"><v>#DIV/0!</v></c></row>';
    const path = writeWorkbook(dir, 'errors.xlsx', { sheets: [{ name: 'Billing', data }] });
    const result = await readInputFiles([path]);
    expect(result.ok).toBe(false);
    expect(result.report.problems.map((p) => [p.severity, p.code, p.file, p.sheet, p.row, p.column, p.columnNumber])).toEqual([
      ['error', 'xlsx.formula_no_value', path, 'Billing', 3, 'billed_revenue', 3],
      ['error', 'xlsx.error_value', path, 'Billing', 4, 'billed_revenue', 3],
    ]);
    expect(formatProblem(result.report.problems[1] as (typeof result.report.problems)[number], 'en')).toBe(
      `${path} [Billing], row 4, column 3 "billed_revenue": the cell holds an Excel error value; fix it in the workbook (value: "#DIV/0!")`,
    );
  });

  it('maps typed cells: numeric ids, date cells for months and join dates', async () => {
    const data =
      row(1, ['用户编号', '账期', '应收费用', '入网日期']) +
      `<row r="2"><c r="A2"><v>13812345678</v></c><c r="B2" s="${STYLE.date}"><v>46266</v></c><c r="C2" s="${STYLE.money}"><v>12.5</v></c><c r="D2" s="${STYLE.chineseDate}"><v>43845</v></c></row>`;
    const { facts } = input(await readInputFiles([writeWorkbook(dir, 'typed.xlsx', { sheets: [{ name: '账单', data }], date1904: false })]));
    expect(facts.customerIds.at(0)).toBe('13812345678');
    expect(Array.from(facts.months)).toEqual([2026 * 12 + 8]);
    expect(Array.from(facts.joinMonth)).toEqual([2020 * 12]);
  });

  it('imports with warnings: macros, hidden sheets; reads folders with CSV and workbooks but not lock files', async () => {
    const folder = tempDir('xlsx-folder');
    const usage = row(1, ['customer_id', 'month', 'billed_revenue']) + row(2, ['001', '2026-01', 10]);
    writeWorkbook(folder, 'a.xlsm', {
      sheets: [
        { name: 'usage', data: usage },
        { name: 'old', data: usage, state: 'hidden' },
      ],
      parts: [{ name: 'xl/vbaProject.bin', data: 'x' }],
    });
    writeFileSync(join(folder, 'b.csv'), 'customer_id,month,minutes\n001,2026-01,7\n');
    writeFileSync(join(folder, '~$a.xlsm'), Buffer.from([1, 2, 3]));
    const result = await readInputFiles([folder]);
    const { facts } = input(result);
    expect(Array.from(decodeNumbers(facts.numbers.minutes))).toEqual([7]);
    expect(result.report.problems.map((p) => [p.severity, p.code, p.sheet])).toEqual([
      ['warning', 'xlsx.macros_ignored', undefined],
      ['warning', 'xlsx.hidden_sheet', 'old'],
    ]);
    expect(result.report.files.map((f) => [f.file.slice(folder.length + 1), f.sheet, f.rows])).toEqual([
      ['a.xlsm', 'usage', 1],
      ['b.csv', undefined, 1],
    ]);
  });

  it('reports a workbook that is no workbook among the other files', async () => {
    const path = join(dir, 'renamed.xlsx');
    writeFileSync(path, 'customer_id,month\n');
    const result = await readInputFiles([path, join(dir, 'old.xls')]);
    expect(result.report.problems.map((p) => [p.code, p.file])).toEqual([
      ['file.not_found', join(dir, 'old.xls')],
      ['xlsx.not_xlsx_text', path],
    ]);
  });
});

describe('workbooks written by exceljs', () => {
  const expected: (readonly RawCell[])[] = [
    ['text', 'number', 'date', 'bool', 'formula', 'rich', 'blank', 'long id'],
    ['中文 & <x>', 1234.5, new Date(Date.UTC(2026, 8, 1)), true, 6, 'Bold plain', null, '89860012345678901234'],
    ['', -0.25, new Date(Date.UTC(1999, 11, 31)), false, 'ok', 'x', null, '0612345678'],
  ];

  function fill(sheet: ExcelJS.Worksheet): void {
    sheet.addRow(expected[0] as string[]).commit();
    sheet.addRow(['中文 & <x>', 1234.5, new Date(Date.UTC(2026, 8, 1)), true, { formula: 'B2*0+6', result: 6 }, { richText: [{ text: 'Bold', font: { bold: true } }, { text: ' plain' }] }, null, '89860012345678901234']).commit();
    sheet.addRow(['', -0.25, new Date(Date.UTC(1999, 11, 31)), false, { formula: '"ok"', result: 'ok' }, 'x', null, '0612345678']).commit();
  }

  it('reads back what the document writer wrote', async () => {
    const workbook = new ExcelJS.Workbook();
    fill(workbook.addWorksheet('Data'));
    const path = join(dir, 'exceljs.xlsx');
    await workbook.xlsx.writeFile(path);
    const collected = await readWorkbook(path);
    expect(collected.problems).toEqual([]);
    expect(collected.sheets[0]?.rows.map((r) => [r.row, r.cells])).toEqual([
      [1, expected[0]],
      [2, expected[1]?.slice(0, 6).concat([null, '89860012345678901234'])],
      [3, [null, -0.25, expected[2]?.[2], false, 'ok', 'x', null, '0612345678']],
    ]);
  });

  it('reads back what the streaming writer wrote, with shared strings and styles', async () => {
    const path = join(dir, 'exceljs-stream.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const sheet = workbook.addWorksheet('Data');
    sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
    fill(sheet);
    sheet.commit();
    await workbook.commit();
    const collected = await readWorkbook(path);
    expect(collected.problems).toEqual([]);
    expect(collected.sheets[0]?.rows.map((r) => r.cells[2])).toEqual(['date', new Date(Date.UTC(2026, 8, 1)), new Date(Date.UTC(1999, 11, 31))]);
    expect(collected.sheets[0]?.rows.map((r) => r.cells[0])).toEqual(['text', '中文 & <x>', null]);
  });
});
