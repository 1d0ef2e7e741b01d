import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../../core/io/csv/read-csv-table.js';
import { parseCsvRows } from './whole-file-csv.js';
import { tempDir } from '../../support/paths.js';

const dir = tempDir('csv');

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readCsvTable', () => {
  it('gives the rows with Excel row numbers: blank lines count, a quoted line break does not', async () => {
    const path = file('rows.csv', 'a,b\n\n"x\ny",2\n3\n');
    const read = await readCsvTable(path);
    expect(read.ok && read.table.rows).toEqual([['a', 'b'], [''], ['x\ny', '2'], ['3']]);
    expect(read.ok && read.table.rowNumbers).toEqual([1, 2, 3, 4]);
    expect(read.ok && read.table.source.file).toBe(path);
    expect(read.ok && read.table.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads GBK and UTF-8-with-BOM files to the same cells', async () => {
    const text = '用户编号,分公司\r\n001,郑州\r\n';
    const gbk = await readCsvTable(file('gbk.csv', iconv.encode(text, 'gbk')));
    const bom = await readCsvTable(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    const expected = [
      ['用户编号', '分公司'],
      ['001', '郑州'],
    ];
    expect(gbk.ok && gbk.table.rows).toEqual(expected);
    expect(bom.ok && bom.table.rows).toEqual(expected);
  });

  it('reports a malformed record with its row, text line and column', async () => {
    const read = await readCsvTable(file('bad.csv', 'a,b,c\n"x\ny",1,2\n3,"4"x,5\n'));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.failure.row).toBe(3);
    expect(read.failure.columnNumber).toBe(2);
    expect(read.failure.problem.code).toBe('row.csv_syntax');
    expect(read.failure.problem.en).toContain('line 4');
  });

  it('reports an unclosed quote', () => {
    expect(parseCsvRows('a,b\n1,"open\n', () => undefined)?.problem.en).toContain('a quote is never closed');
  });

  it('refuses an empty or missing file', async () => {
    const empty = await readCsvTable(file('empty.csv', ''));
    const missing = await readCsvTable(join(dir, 'missing.csv'));
    expect(empty.ok ? null : empty.failure.problem.code).toBe('file.empty');
    expect(missing.ok ? null : missing.failure.problem.code).toBe('file.not_found');
  });
});
