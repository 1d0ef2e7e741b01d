/** One import measurement in a fresh process: readInputFiles on a workbook, or exceljs's plain streaming read of it. */
import ExcelJS from 'exceljs';
import { readInputFiles } from '../core/io/read-inputs.js';
import { rowCount } from '../core/model/dataset.js';

const [mode, file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: import-bench-child <ours|exceljs> <file.xlsx>');
const started = performance.now();
let rows = 0;
if (mode === 'ours') {
  const read = await readInputFiles([file]);
  if (!read.ok) throw new Error(`import failed: ${read.report.problems[0]?.en ?? '?'}`);
  rows = rowCount(read.input.facts);
} else {
  // Every cell of every row visited, as PERF-BASELINES measured exceljs.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      row.eachCell({ includeEmpty: false }, () => void cells++);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ mode, rows, seconds, rowsPerSecond: rows / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
