/** Every sheet of a workbook as rows of raw cells, read with the app's own .xlsx reader. */
import type { RawCell } from '../../../core/io/raw-table.js';
import { readXlsxFile } from '../../../core/io/xlsx/read-xlsx-file.js';

export async function readSheets(path: string): Promise<{ readonly sheets: ReadonlyMap<string, readonly (readonly RawCell[])[]>; readonly errors: readonly string[] }> {
  const sheets = new Map<string, RawCell[][]>();
  const errors: string[] = [];
  await readXlsxFile(path, {
    openSheet(source) {
      const rows: RawCell[][] = [];
      sheets.set(source.sheet ?? '', rows);
      return (cells) => {
        rows.push([...cells]);
      };
    },
    closeSheet() {},
    problem(severity, problem, at) {
      if (severity === 'error') errors.push(`${at.sheet ?? ''}: ${problem.en}`);
    },
  });
  return { sheets, errors };
}
