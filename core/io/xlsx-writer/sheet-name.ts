/** Excel's rules for worksheet names. */

const FORBIDDEN = /[[\]:*?/\\]/;
export const MAX_SHEET_NAME = 31;

/** Throws a RangeError naming the rule a sheet name breaks; `taken` holds names already used. */
export function checkSheetName(name: string, taken: Iterable<string>): void {
  if (name.length === 0) throw new RangeError('a sheet name cannot be empty');
  if (name.length > MAX_SHEET_NAME) throw new RangeError(`sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters`);
  if (FORBIDDEN.test(name)) throw new RangeError(`sheet name "${name}" contains one of [ ] : * ? / \\`);
  if (name.startsWith("'") || name.endsWith("'")) throw new RangeError(`sheet name "${name}" begins or ends with an apostrophe`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F]/.test(name)) throw new RangeError(`sheet name "${name}" contains a control character`);
  if (name.toLowerCase() === 'history') throw new RangeError('"History" is reserved by Excel');
  const lower = name.toLowerCase();
  for (const other of taken) if (other.toLowerCase() === lower) throw new RangeError(`sheet name "${name}" is already used`);
}

/** A sheet name quoted for a formula or defined name: 'It''s'!… */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
