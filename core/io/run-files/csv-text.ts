/** CSV cells for the files of SPEC §13: full-precision numbers, empty for "no value". */

export type CsvCell = string | number | boolean | null;

/** Shortest text that reads back to the same double; NaN and null are empty cells. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** An integer number of fen as yuan with exactly two decimals, without float formatting. */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
