/**
 * Workbook-scoped defined names (`权重_利润` → `'参数'!$B$5`) under Excel's rules, which Excel
 * enforces when it opens a file: a name that breaks them makes it offer to repair the workbook.
 */
import { MAX_COLUMNS, MAX_ROWS } from './cell-address.js';

export interface DefinedName {
  readonly name: string;
  /** Without the leading `=`. */
  readonly refersTo: string;
}

const MAX_NAME = 255;
const MAX_FORMULA = 8192;
/** A letter, `_` or `\` first; then letters, digits, `_`, `.` and `\`. */
const NAME = /^[\p{L}_\\][\p{L}\p{M}\p{N}_.\\]*$/u;
const A1 = /^([A-Z]{1,3})(\d+)$/i;
const R1C1 = /^(?:R\d*(?:C\d*)?|C\d*)$/i;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;
/** A sheet before `!`: quoted ('It''s', '参数') or bare (参数, Sheet1). */
const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([\p{L}\p{M}\p{N}_.\\]+))!/gu;

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

function isCellReference(name: string): boolean {
  if (R1C1.test(name)) return true;
  const match = A1.exec(name);
  if (match === null || match[1] === undefined || match[2] === undefined) return false;
  const row = Number(match[2]);
  return columnNumber(match[1]) <= MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
}

/** The checked name with its formula (a leading `=` dropped); throws a RangeError naming the rule broken. */
export function checkDefinedName(name: string, refersTo: string, taken: readonly DefinedName[]): DefinedName {
  if (name.length === 0) throw new RangeError('a defined name cannot be empty');
  if (name.length > MAX_NAME) throw new RangeError(`defined name "${name}" is longer than ${MAX_NAME} characters`);
  if (!NAME.test(name)) {
    throw new RangeError(`defined name "${name}" must start with a letter, _ or \\ and hold only letters, digits, _ . and \\ (no spaces)`);
  }
  if (isCellReference(name)) throw new RangeError(`defined name "${name}" looks like a cell reference`);
  if (name.toLowerCase().startsWith('_xlnm.')) throw new RangeError(`defined name "${name}" is reserved for Excel's built-in names`);
  const lower = name.toLowerCase();
  if (taken.some((t) => t.name.toLowerCase() === lower)) throw new RangeError(`defined name "${name}" is already used`);
  const formula = refersTo.startsWith('=') ? refersTo.slice(1) : refersTo;
  if (formula.trim().length === 0) throw new RangeError(`defined name "${name}" refers to nothing`);
  if (formula.length > MAX_FORMULA) throw new RangeError(`the formula of defined name "${name}" is longer than ${MAX_FORMULA} characters`);
  return { name, refersTo: formula };
}

/** Throws a RangeError when the name refers to a sheet the workbook lacks (Excel would repair it away). */
export function checkSheetReferences(defined: DefinedName, sheetNames: readonly string[]): void {
  const known = new Set(sheetNames.map((s) => s.toLowerCase()));
  for (const match of defined.refersTo.replace(STRING_LITERAL, '""').matchAll(SHEET_PREFIX)) {
    const quoted = match[1];
    // A 3-D reference names its first and last sheet: 'Jan:Mar'!A1.
    const sheets = quoted === undefined ? [match[2] ?? ''] : quoted.replace(/''/g, "'").split(':');
    for (const sheet of sheets) {
      if (!known.has(sheet.toLowerCase())) throw new RangeError(`defined name "${defined.name}" refers to sheet "${sheet}", which the workbook does not have`);
    }
  }
}
