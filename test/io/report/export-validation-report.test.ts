/** The exported validation report read back with exceljs: the problem list, the original rows, the styles. */
import { appendFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import { exportValidationReport } from '../../../core/io/report/export-validation-report.js';
import type { ReportProblem, ValidationReport } from '../../../core/io/validation-report.js';
import { tempDir } from '../../support/paths.js';
import { FORMULA_TEXT, readReport, rowsBelow, rowValues, sheetOf, writeCsvInput, writeWorkbookInput } from './report-fixtures.js';

const ERROR_FILL = 'FFFFC7CE';
const WARNING_FILL = 'FFFFE5CC';

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.Fill | undefined;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

function fontColour(cell: ExcelJS.Cell): string | undefined {
  return cell.font?.color?.argb;
}

/** Original row number (column A) → the row, for a sheet of original rows. */
function byOriginalRow(sheet: ExcelJS.Worksheet, rowLabel = '原行号'): Map<number, ExcelJS.Row> {
  const rows = new Map<number, ExcelJS.Row>();
  for (const row of rowsBelow(sheet, rowLabel)) {
    const n = row.getCell(1).value;
    if (typeof n === 'number') rows.set(n, row);
  }
  return rows;
}

function rowOf(rows: Map<number, ExcelJS.Row>, n: number): ExcelJS.Row {
  const row = rows.get(n);
  if (row === undefined) throw new Error(`original row ${n} missing`);
  return row;
}

describe('exportValidationReport', () => {
  const dir = tempDir('report');
  let csv = '';
  let book = '';
  let report: ValidationReport;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    csv = writeCsvInput(dir);
    book = await writeWorkbookInput(dir);
    const read = await readInputFiles([csv, book]);
    expect(read.ok).toBe(false);
    report = read.report;
    const out = join(dir, 'report.xlsx');
    await exportValidationReport(report, out, { lang: 'zh' });
    workbook = await readReport(out);
  });

  it('has the problem list first, then one sheet per table with row problems', () => {
    // 说明 has only a warning without a row, so it gets no sheet.
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['问题清单', 'usage', 'book-用量']);
  });

  it('finds the problems the fixtures were made with', () => {
    const found = report.problems.map((p) => [p.file === csv ? 'csv' : 'book', p.sheet ?? null, p.row ?? null, p.columnNumber ?? null, p.code]);
    expect(found).toEqual([
      ['csv', null, 2, 4, 'cell.formula_like'],
      ['csv', null, 3, 3, 'cell.not_a_number'],
      ['csv', null, 4, 3, 'cell.required_empty'],
      ['csv', null, 5, 1, 'row.duplicate_key'],
      ['book', '用量', 2, null, 'header.below_title'],
      ['book', '用量', 3, 4, 'cell.formula_like'],
      ['book', '用量', 4, 3, 'cell.not_a_number'],
      ['book', '用量', 5, 3, 'cell.required_empty'],
      ['book', '用量', 6, 1, 'row.duplicate_key'],
      ['book', '用量', 8, 3, 'xlsx.error_value'],
      ['book', '说明', null, null, 'header.sheet_ignored'],
    ]);
  });

  it('lists every problem with file, sheet, row, column, code, both messages and value', () => {
    const sheet = sheetOf(workbook, '问题清单');
    expect(rowValues(sheet.getRow(1), 1)).toEqual(['校验报告']);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(
      `读取 3 个表（文件/工作表），12 行数据；错误 ${report.errorCount} 个，警告 ${report.warningCount} 个；超出上限未列出的问题 0 个`,
    );
    expect(rowValues(sheet.getRow(4), 9)).toEqual(['严重程度', '文件', '工作表', '行', '列', '代码', '说明', '说明（英文）', '值']);
    const rows = rowsBelow(sheet, '严重程度');
    expect(rows).toHaveLength(report.problems.length);
    const column = (p: ReportProblem): string | null =>
      p.columnNumber === 3 ? 'C billed_revenue' : p.columnNumber === 1 ? 'A customer_id' : p.columnNumber === 4 ? 'D plan' : null;
    rows.forEach((row, i) => {
      const p = report.problems[i] as ReportProblem;
      expect(rowValues(row, 9)).toEqual([p.severity === 'error' ? '错误' : '警告', p.file, p.sheet ?? null, p.row ?? null, column(p), p.code, p.zh, p.en, p.value ?? null]);
      expect(fontColour(row.getCell(1))).toBe(p.severity === 'error' ? 'FFC00000' : 'FFE26B0A');
    });
    // The workbook reader names a cell by its letter; the label still gets the header text.
    expect(rows[9]?.getCell(5).value).toBe('C billed_revenue');
    expect(rows[9]?.getCell(9).value).toBe('#DIV/0!');
  });

  it('freezes and filters the problem list header', () => {
    const sheet = sheetOf(workbook, '问题清单');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe(`A4:I${4 + report.problems.length}`);
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths[6]).toBeGreaterThan(widths[0] ?? 0);
  });

  it('copies the CSV rows in order with the problems beside the bad rows only', () => {
    const sheet = sheetOf(workbook, 'usage');
    expect(rowValues(sheet.getRow(1), 6)).toEqual(['原行号', 'A', 'B', 'C', 'D', '错误']);
    const rows = rowsBelow(sheet, '原行号').map((row) => rowValues(row, 6));
    expect(rows).toEqual([
      [1, 'customer_id', 'month', 'billed_revenue', 'plan', null],
      [2, '001', '2026-09', '12.5', FORMULA_TEXT, expect.stringMatching(/^（警告）列 D plan：文本以 = \+ - @/)],
      [3, '002', '2026-09', 'abc', 'A', '列 C billed_revenue：不是数字（可写作 1234.56、1,234.56 或会计负数 (1,234.56)）'],
      [4, '003', '2026-09', null, 'B', '列 C billed_revenue：必填单元格为空'],
      [5, '001', '2026-09', '3', 'C', expect.stringMatching(/^列 A customer_id：同一表中用户编号\+月份重复（第2行已有）/)],
      [6, '004', '2026-09', '5', 'D', null],
      [7, '005', '2026-09', '6', 'E', null],
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(sheet.autoFilter).toBe('A1:F8');
  });

  it('fills the cells with a problem and no other', () => {
    const rows = byOriginalRow(sheetOf(workbook, 'usage'));
    expect(fillOf(rowOf(rows, 3).getCell(4))).toBe(ERROR_FILL);
    expect(fillOf(rowOf(rows, 4).getCell(4))).toBe(ERROR_FILL);
    expect(fillOf(rowOf(rows, 5).getCell(2))).toBe(ERROR_FILL);
    for (let c = 1; c <= 6; c++) expect(fillOf(rowOf(rows, 6).getCell(c)), `row 6 column ${c}`).toBeUndefined();
    // The formula-like text is kept, with a warning: only its cell is marked, in orange.
    expect(fillOf(rowOf(rows, 2).getCell(5))).toBe(WARNING_FILL);
    expect(fillOf(rowOf(rows, 2).getCell(4))).toBeUndefined();
    expect(fillOf(rowOf(rows, 3).getCell(2))).toBeUndefined();
    expect(fontColour(rowOf(rows, 3).getCell(6))).toBe('FFC00000');
  });

  it('writes formula-like text from the input as a plain string cell', () => {
    for (const [name, column, row] of [['usage', 5, 2], ['book-用量', 5, 3]] as const) {
      const cell = rowOf(byOriginalRow(sheetOf(workbook, name)), row).getCell(column);
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(FORMULA_TEXT);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('copies a workbook sheet with its title row, numbers as numbers and dates as dates', () => {
    const sheet = sheetOf(workbook, 'book-用量');
    const rows = byOriginalRow(sheet);
    expect([...rows.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rowValues(rowOf(rows, 1), 7)).toEqual([1, '2026年9月用量', null, null, null, null, null]);
    expect(rowValues(rowOf(rows, 2), 7)).toEqual([2, 'customer_id', 'month', 'billed_revenue', 'plan', 'join_date', '（警告）表头在第2行，上方各行已忽略']);
    expect(fontColour(rowOf(rows, 2).getCell(7))).toBe('FFE26B0A');
    const good = rowOf(rows, 3);
    expect(good.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(good.getCell(4).value).toBe(12.5);
    expect(good.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect(good.getCell(6).value).toEqual(new Date(Date.UTC(2020, 0, 15)));
    expect(good.getCell(6).numFmt).toBe('yyyy-mm-dd');
    expect(String(good.getCell(7).value)).toMatch(/^（警告）列 D plan：/);
    expect(rowOf(rows, 7).getCell(7).value).toBeNull();
    // The error cell reaches the report empty (the reader does not pass #DIV/0! on), highlighted and explained.
    const div0 = rowOf(rows, 8);
    expect(div0.getCell(4).value).toBeNull();
    expect(fillOf(div0.getCell(4))).toBe(ERROR_FILL);
    expect(String(div0.getCell(7).value)).toMatch(/^列 C billed_revenue：/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('exportValidationReport limits and languages', () => {
  const dir = tempDir('report-limits');

  it('keeps only the header and the problem rows of a table over the cap, and says so', async () => {
    const csv = writeCsvInput(dir);
    const { report } = await readInputFiles([csv]);
    const out = join(dir, 'capped.xlsx');
    await exportValidationReport(report, out, { lang: 'zh', maxSheetRows: 3 });
    const workbook = await readReport(out);
    expect([...byOriginalRow(sheetOf(workbook, 'usage')).keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(String(sheetOf(workbook, '问题清单').getRow(3).getCell(1).value)).toBe(
      `工作表「usage」：${csv} 有 7 行，超过 3 行，只列出表头及其以上各行和有问题的行`,
    );
    expect(rowsBelow(sheetOf(workbook, '问题清单'), '严重程度')).toHaveLength(report.problems.length);
  });

  it('writes English texts with the Chinese message beside them', async () => {
    const { report } = await readInputFiles([writeCsvInput(dir)]);
    const out = join(dir, 'en.xlsx');
    await exportValidationReport(report, out, { lang: 'en' });
    const workbook = await readReport(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Problems', 'usage']);
    const problems = sheetOf(workbook, 'Problems');
    const [warning, first] = rowsBelow(problems, 'Severity');
    expect(warning?.getCell(1).value).toBe('Warning');
    expect(rowValues(problems.getRow(4), 9)).toEqual(['Severity', 'File', 'Sheet', 'Row', 'Column', 'Code', 'Message', 'Message (Chinese)', 'Value']);
    expect(first?.getCell(1).value).toBe('Error');
    expect(String(first?.getCell(7).value)).toMatch(/^not a number/);
    expect(String(first?.getCell(8).value)).toMatch(/^不是数字/);
    const usage = sheetOf(workbook, 'usage');
    expect(rowValues(usage.getRow(1), 6)).toEqual(['Row', 'A', 'B', 'C', 'D', 'Problems']);
    expect(String(rowOf(byOriginalRow(usage, 'Row'), 3).getCell(6).value)).toMatch(/^Column C billed_revenue: not a number/);
  });

  it('writes only the summary when there are no problems, replacing an earlier report', async () => {
    const usage = join(dir, 'fine.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n');
    const { report } = await readInputFiles([usage]);
    expect(report.problems).toEqual([]);
    const out = join(dir, 'fine.xlsx');
    writeFileSync(out, 'an older report');
    await exportValidationReport(report, out, { lang: 'zh' });
    const workbook = await readReport(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['问题清单']);
    const sheet = sheetOf(workbook, '问题清单');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('错误 0 个，警告 0 个');
    expect(rowsBelow(sheet, '严重程度')).toEqual([]);
  });

  it('copies no rows of a file changed since it was validated, and says so', async () => {
    const sub = tempDir('report-changed');
    const csv = writeCsvInput(sub);
    const { report } = await readInputFiles([csv]);
    appendFileSync(csv, '006,2026-09,7,F\n');
    const out = join(sub, 'changed.xlsx');
    await exportValidationReport(report, out, { lang: 'zh' });
    const workbook = await readReport(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['问题清单']);
    expect(String(sheetOf(workbook, '问题清单').getRow(3).getCell(1).value)).toBe(`${csv} 在校验后已改变，未复制其原始行（请重新校验）`);
  });

  it('cuts a row wider than a worksheet at the last column Excel has, and says so', async () => {
    const csv = join(dir, 'wide.csv');
    writeFileSync(csv, `customer_id,month,billed_revenue\n001,2026-09,1${',x'.repeat(16_400)}\n`);
    const { report } = await readInputFiles([csv]);
    const out = join(dir, 'wide.xlsx');
    await exportValidationReport(report, out, { lang: 'en' });
    const workbook = await readReport(out);
    expect(String(sheetOf(workbook, 'Problems').getRow(3).getCell(1).value)).toBe(
      'Sheet "wide": only the first 16,382 columns were copied (Excel has at most 16,384 columns per sheet)',
    );
    const wide = sheetOf(workbook, 'wide');
    expect(wide.getRow(1).getCell(16_384).value).toBe('Problems');
    expect(wide.getRow(3).getCell(16_383).value).toBe('x');
    expect(String(wide.getRow(3).getCell(16_384).value)).toMatch(/^Column D: the header has 3 columns/);
  });

  it('fails without leaving a file when the folder does not exist', async () => {
    const { report } = await readInputFiles([writeCsvInput(dir)]);
    const missing = join(dir, 'no-such-folder');
    await expect(exportValidationReport(report, join(missing, 'r.xlsx'), { lang: 'zh' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(missing)).toBe(false);
  });

  it('marks a cell with only a warning in orange', async () => {
    const workbookPath = join(dir, 'unused.xlsx');
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet('用量');
    sheet.addRow(['customer_id', 'month', 'billed_revenue', '备注']);
    sheet.addRow(['101', '2026-09', 1, { error: '#N/A' }]);
    await source.xlsx.writeFile(workbookPath);
    const { report } = await readInputFiles([workbookPath]);
    expect(report.problems.map((p) => [p.severity, p.code, p.row, p.columnNumber])).toContainEqual(['warning', 'xlsx.error_value', 2, 4]);
    const out = join(dir, 'warning.xlsx');
    await exportValidationReport(report, out, { lang: 'zh' });
    const row = rowOf(byOriginalRow(sheetOf(await readReport(out), 'unused-用量')), 2);
    expect(fillOf(row.getCell(5))).toBe(WARNING_FILL);
  });
});
