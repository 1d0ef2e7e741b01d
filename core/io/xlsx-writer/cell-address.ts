/** Column letters and cell addresses for the writer; limits of the xlsx grid. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const letters: string[] = [];

/** 1-based column number → letters (1 → A, 27 → AA, 16384 → XFD). */
export function columnLetters(column: number): string {
  const cached = letters[column];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS) throw new RangeError(`column ${column} is outside 1 … ${MAX_COLUMNS}`);
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  letters[column] = name;
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
