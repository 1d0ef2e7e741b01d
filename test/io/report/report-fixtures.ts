/** Small inputs with known problems, and helpers to read an exported report back with exceljs. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const FORMULA_TEXT = '=HYPERLINK("http://x")';

/**
 * usage.csv: row 3 has a non-number amount, row 4 an empty required amount, row 5 repeats row
 * 2's key, row 2's plan is formula-like text (fine), rows 6 and 7 are fine.
 */
export function writeCsvInput(dir: string): string {
  const path = join(dir, 'usage.csv');
  writeFileSync(
    path,
    [
      'customer_id,month,billed_revenue,plan',
      `001,2026-09,12.5,"=HYPERLINK(""http://x"")"`,
      '002,2026-09,abc,A',
      '003,2026-09,,B',
      '001,2026-09,3,C',
      '004,2026-09,5,D',
      '005,2026-09,6,E',
      '',
    ].join('\n'),
  );
  return path;
}

/**
 * book.xlsx: sheet 用量 (customers 1xx, so no clash with the CSV) with a title row above the
 * header on row 2; row 4 has a non-number, row 5 an empty required amount, row 6 repeats row 3's
 * key, row 3's plan is formula-like text, row 8's amount is #DIV/0!. Sheet 说明 is a notes page
 * (a warning without a row).
 */
export async function writeWorkbookInput(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const usage = workbook.addWorksheet('用量');
  usage.addRow(['2026年9月用量']);
  usage.addRow(['customer_id', 'month', 'billed_revenue', 'plan', 'join_date']);
  const joined = new Date(Date.UTC(2020, 0, 15));
  usage.addRow(['101', '2026-09', 12.5, FORMULA_TEXT, joined]);
  usage.addRow(['102', '2026-09', 'abc', 'A', joined]);
  usage.addRow(['103', '2026-09', null, 'B', joined]);
  usage.addRow(['101', '2026-09', 3, 'C', joined]);
  usage.addRow(['104', '2026-09', 5, 'D', joined]);
  usage.addRow(['105', '2026-09', { error: '#DIV/0!' }, 'E', joined]);
  usage.getColumn(5).numFmt = 'yyyy-mm-dd';
  workbook.addWorksheet('说明').addRow(['本工作簿为测试数据']);
  const path = join(dir, 'book.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function readReport(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

/** The row's values from column A, empty cells as null. */
export function rowValues(row: ExcelJS.Row, columns: number): ExcelJS.CellValue[] {
  return Array.from({ length: columns }, (_, i) => row.getCell(i + 1).value ?? null);
}

/** Rows below the one whose column A holds `headerText`. */
export function rowsBelow(sheet: ExcelJS.Worksheet, headerText: string): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  let found = false;
  sheet.eachRow((row) => {
    if (found) rows.push(row);
    else found = row.getCell(1).value === headerText;
  });
  if (!found) throw new Error(`no row starting with ${headerText} in ${sheet.name}`);
  return rows;
}
