/**
 * Measures the streaming .xlsx writer (core/io/xlsx-writer) on synthetic rows shaped like
 * PERF-BASELINES.md §3: 25 columns — ids and names (text), a month date, 14 money columns,
 * a profit formula with its cached value, 4 scores, a grade (text) — with a date format,
 * 0.00 on the money columns and a red 0.00 on negative profit. Not wired into run-benchmarks.
 *
 *   npx tsx bench/xlsx-writer-bench.ts [rows=100000] [out=<tmp>/xlsx-writer-bench.xlsx] [--keep]
 *
 * Prints one JSON object: rows, seconds, MB, peak RSS.
 */
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbookWriter, type Cell } from '../core/io/xlsx-writer/workbook-writer.js';
import { seededRandom } from './seeded-random.js';

type Style = 'head' | 'money' | 'loss' | 'month';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const keep = process.argv.includes('--keep');
const rows = Number(args[0] ?? 100_000);
const out = args[1] ?? join(tmpdir(), `xlsx-writer-bench-${process.pid}.xlsx`);
const GRADES = ['A', 'B', 'C', 'D', 'E'];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '=cmd|x', '+86 139', 'O\'Brien & Co'];


async function main(): Promise<void> {
  const next = seededRandom(42);
  const money = (): number => Math.round(next() * 20_000) / 100;
  const started = process.hrtime.bigint();
  const book = await createWorkbookWriter<Style>(out, {
    styles: { head: { bold: true, fill: 'DDEBF7' }, money: { numFmt: '0.00' }, loss: { numFmt: '0.00', fontColor: 'FF0000' }, month: { numFmt: 'yyyy-mm' } },
  });
  const header = ['customer_id', 'name', 'branch', 'month', ...Array.from({ length: 14 }, (_, i) => `m${i + 1}`), 'profit', 's1', 's2', 's3', 's4', 'score', 'grade'];
  const sheet = book.addSheet('明细', {
    columns: header.map((_, i) => ({ width: i < 3 ? 14 : 10, ...(i >= 4 && i < 18 ? { style: 'money' as const } : {}) })),
    frozenRows: 1,
    autoFilter: true,
  });
  await sheet.addRow(header.map((value) => ({ value, style: 'head' as const })));
  const month = new Date(Date.UTC(2025, 5, 1));
  for (let r = 2; r <= rows + 1; r++) {
    const m: number[] = [];
    for (let i = 0; i < 14; i++) m.push(money());
    // profit = m1 + m2 − m3 … m7 (columns E, F, G … K) with its cached value.
    const profit = Math.round(((m[0] ?? 0) + (m[1] ?? 0) - (m[2] ?? 0) - (m[3] ?? 0) - (m[4] ?? 0) - (m[5] ?? 0) - (m[6] ?? 0)) * 100) / 100;
    const scores = [next() * 100, next() * 100, next() * 100, next() * 100];
    const cells: Cell<Style>[] = [
      `C${String(r).padStart(9, '0')}`,
      NAMES[r % NAMES.length] ?? '',
      `分公司${r % 21}`,
      { value: month, style: 'month' },
      ...m,
      { formula: `E${r}+F${r}-G${r}-H${r}-I${r}-J${r}-K${r}`, value: profit, style: profit < 0 ? 'loss' : 'money' },
      ...scores,
      scores.reduce((a, b) => a + b, 0) / 4,
      GRADES[r % GRADES.length] ?? 'E',
    ];
    await sheet.addRow(cells);
  }
  await sheet.end();
  await book.end();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { size } = await stat(out);
  if (!keep) await rm(out, { force: true });
  console.log(
    JSON.stringify({
      bench: 'xlsx-writer',
      rows,
      columns: header.length,
      seconds: Math.round(seconds * 100) / 100,
      mb: Math.round((size / 1e6) * 10) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      node: process.version,
      ...(keep ? { out } : {}),
    }),
  );
}

await main();
