/**
 * Workbook policies of the import: sheets that are not data tables (a 说明 page) are ignored
 * with a warning, and a bad value blocks the import only in a column the model uses.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import { REPO_ROOT, tempDir } from '../../support/paths.js';
import { row, writeWorkbook } from './support/workbook-builder.js';
import { decodeNumbers } from '../../../core/model/number-column.js';

const dir = tempDir('sheet-policies');
const HEADER = ['customer_id', 'month', 'billed_revenue', '备注'];

describe('workbook sheet policies', () => {
  it('imports a filled-in template: its 说明 sheet is ignored with a warning', async () => {
    const path = join(dir, 'usage-filled.xlsx');
    copyFileSync(join(REPO_ROOT, 'resources/templates/usage.xlsx'), path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const data = book.worksheets[0];
    if (data === undefined) throw new Error('template has no sheet');
    data.getRow(2).values = ['13800000001', '2026-09', 58.5];
    await book.xlsx.writeFile(path);

    const r = await readInputFiles([path]);
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'header.sheet_ignored', sheet: '说明' }));
    if (r.ok) expect(Array.from(decodeNumbers(r.input.facts.numbers.billed_revenue))).toEqual([58.5]);
  });

  it('a CSV without a header is still an error', async () => {
    const path = join(dir, 'notes.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, 'just,some,notes\n1,2,3\n');
    const r = await readInputFiles([path]);
    expect(r.ok).toBe(false);
    expect(r.report.problems.map((p) => p.code)).toContain('header.not_found');
  });

  it('an error value in an unused column is a warning naming the cell', async () => {
    const sheet = [row(1, HEADER), row(2, ['001', '2026-09', 10, null]).replace('</row>', '<c r="D2" t="e"><v>#N/A</v></c></row>')].join('');
    const path = writeWorkbook(dir, 'unused-error.xlsx', { sheets: [{ name: '账单', data: sheet }] });
    const r = await readInputFiles([path]);
    expect(r.ok).toBe(true);
    expect(r.report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'xlsx.error_value', sheet: '账单', row: 2, columnNumber: 4 }));
  });

  it('an error value in a used column blocks the import and names the cell', async () => {
    const sheet = [row(1, HEADER), row(2, ['001', '2026-09']).replace('</row>', '<c r="C2" t="e"><v>#DIV/0!</v></c></row>')].join('');
    const path = writeWorkbook(dir, 'used-error.xlsx', { sheets: [{ name: '账单', data: sheet }] });
    const r = await readInputFiles([path]);
    expect(r.ok).toBe(false);
    expect(r.report.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ code: 'xlsx.error_value', sheet: '账单', row: 2, columnNumber: 3 })]);
  });
});
