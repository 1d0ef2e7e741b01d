/** A CSV file the app or the CLI wrote, as rows of cells (UTF-8, a leading BOM dropped), and as records by header. */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

export async function readCsvRows(path: string): Promise<string[][]> {
  return parse(await readFile(path, 'utf8'), { bom: true, relax_column_count: false }) as string[][];
}

export async function readCsvRecords(path: string): Promise<{ readonly header: readonly string[]; readonly records: readonly Record<string, string>[] }> {
  const [header = [], ...rows] = await readCsvRows(path);
  return { header, records: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))) };
}

/** A number cell: '' is NaN (the files write no figure as an empty cell). */
export function cellNumber(cell: string | undefined): number {
  return cell === undefined || cell === '' ? NaN : Number(cell);
}
