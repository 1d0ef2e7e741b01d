import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbookWriter } from '../../core/io/xlsx-writer/workbook-writer.js';
import { parseOutline, renderWorkbookPages } from '../support/office/render-pages.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let dir = '';
let path = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'office-render-'));
  path = join(dir, 'report.xlsx');
  const book = await createWorkbookWriter(path);
  // 120 rows: more than one A4 page; 40 columns: wider than one.
  for (const [name, rows, columns] of [['客户 & 明细', 120, 4], ['汇总', 5, 3], ['Wide', 5, 40]] as const) {
    const sheet = book.addSheet(name, { frozenRows: 1 });
    await sheet.addRow(Array.from({ length: columns }, (_, i) => `${name} ${i + 1}`));
    for (let r = 1; r <= rows; r++) await sheet.addRow(Array.from({ length: columns }, (_, i) => r * 100 + i));
    await sheet.end();
  }
  await book.end();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('render-workbook-pages', () => {
  it(
    'renders every page as a PNG and tells which sheet each page shows',
    async () => {
      const out = join(dir, 'pages');
      const rendered = await renderWorkbookPages(path, out);
      expect(rendered.sheets.map((s) => s.name)).toEqual(['客户 & 明细', '汇总', 'Wide']);
      const [detail, summary, wide] = rendered.sheets;
      expect(detail?.firstPage).toBe(1);
      expect(detail?.lastPage).toBeGreaterThan(1);
      expect(summary?.firstPage).toBe(summary?.lastPage);
      expect(wide?.lastPage).toBe(rendered.pageCount);
      expect(wide?.lastPage).toBeGreaterThan(wide?.firstPage ?? Infinity);
      expect(rendered.pages.map((p) => p.page)).toEqual(Array.from({ length: rendered.pageCount }, (_, i) => i + 1));
      expect(rendered.pages.every((p) => p.sheet !== null)).toBe(true);
      for (const page of rendered.pages) expect((await readFile(page.file)).subarray(0, 8)).toEqual(PNG_SIGNATURE);

      // The script for humans prints the same, run as `npx tsx scripts/render-workbook-pages.ts`.
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'render-workbook-pages.ts'), path, join(dir, 'cli')], { cwd: ROOT, timeout: 240_000 });
      expect(stdout).toMatch(new RegExp(`report\\.pdf: ${rendered.pageCount} pages at 70 dpi`));
      expect(stdout).toContain(`汇总: page ${summary?.firstPage}\n`);
      expect(stdout).toContain(`Wide: pages ${wide?.firstPage}–${wide?.lastPage}\n`);
    },
    240_000,
  );

  it('reads the top level of pdftohtml’s outline', () => {
    const xml = '<pdf2xml><page number="1"/><outline>\n<item page="1">A &amp; B</item>\n<outline><item page="2">nested</item></outline>\n<item page="3">&#27719;&#x603B;</item>\n</outline>\n</pdf2xml>';
    expect(parseOutline(xml)).toEqual([
      { title: 'A & B', page: 1 },
      { title: '汇总', page: 3 },
    ]);
    expect(parseOutline('<pdf2xml></pdf2xml>')).toEqual([]);
  });
});
