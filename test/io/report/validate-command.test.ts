/** `cvalue validate`: exit 0 without errors, 1 with errors, 2 on bad usage; the report workbook when asked. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cvalue } from '../../support/cvalue.js';
import { tempDir } from '../../support/paths.js';
import { readReport, writeCsvInput, writeWorkbookInput } from './report-fixtures.js';


describe('cvalue validate', () => {
  const dir = tempDir('validate');

  it('exits 0 on valid input and writes a report with only the summary', async () => {
    const usage = join(dir, 'fine.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n');
    const report = join(dir, 'fine-report.xlsx');
    const r = await cvalue('validate', usage, '--report', report);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 个错误 errors');
    expect(r.out).toContain(report);
    expect((await readReport(report)).worksheets.map((s) => s.name)).toEqual(['问题清单']);
  });

  it('exits 1 on errors, naming file, row and column, and still writes the report', async () => {
    const sub = tempDir('validate-bad');
    const csv = writeCsvInput(sub);
    await writeWorkbookInput(sub);
    const report = join(dir, 'bad-report.xlsx');
    const r = await cvalue('validate', sub, '--report', report, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain(csv);
    expect(r.err).toContain('行 row 3');
    expect(r.err).toContain('billed_revenue');
    expect(r.err).toContain('cell.not_a_number');
    expect(r.out).toContain('警告 warning');
    // A folder is read in name order.
    expect((await readReport(report)).worksheets.map((s) => s.name)).toEqual(['Problems', 'book-用量', 'usage']);
  });

  it('exits 1 on errors without --report and writes nothing', async () => {
    const sub = tempDir('validate-plain');
    const r = await cvalue('validate', writeCsvInput(sub));
    expect(r.code).toBe(1);
    expect(r.err).toContain('cell.required_empty');
    expect(readdirSync(sub)).toEqual(['usage.csv']);
  });

  it('exits 1 with a clear message when the report cannot be written', async () => {
    const sub = tempDir('validate-unwritable');
    const report = join(sub, 'missing', 'r.xlsx');
    const r = await cvalue('validate', writeCsvInput(sub), '--report', report);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Cannot write the validation report ${report}: ENOENT`);
  });

  it.each([
    [['validate']],
    [['validate', 'x.csv', '--lang', 'fr']],
    [['validate', 'x.csv', '--report', 'out.csv']],
    [['validate', 'x.csv', '--report', '']],
    [['validate', 'x.csv', '--bogus']],
  ])('exits 2 on bad usage: %j', async (args) => {
    expect((await cvalue(...args)).code).toBe(2);
  });

  it('refuses to write the report over an input file', async () => {
    const sub = tempDir('validate-self');
    const book = await writeWorkbookInput(sub);
    const r = await cvalue('validate', sub, '--report', book);
    expect(r.code).toBe(2);
    expect(existsSync(book)).toBe(true);
    expect((await readReport(book)).worksheets.map((s) => s.name)).toEqual(['用量', '说明']);
  });
});
