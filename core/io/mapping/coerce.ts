/**
 * Raw cell → typed value, by field type (fields.ts). Each function returns the value, null for
 * an empty cell, or a coded problem from the catalogue; never a silent 0 or NaN. Numbers stored
 * as text are the norm in CSV and common in xlsx, so text is parsed strictly rather than with
 * Number(), which would accept "" as 0 and "0x1A" as 26.
 */
import type { Problem } from '../../model/messages.js';
import { cellIssues } from '../input-messages.js';
import type { RawCell } from '../raw-table.js';

/** A coerced cell: the value, null when the cell is empty, or the problem with it. */
export type Coerced<T extends string | number> = T | null | Problem;

export function isIssue<T extends string | number>(result: Coerced<T>): result is Problem {
  return typeof result === 'object' && result !== null;
}

/** Excel's cell limit; longer text means a broken export rather than data. */
const MAX_TEXT_CHARS = 32_767;
/** Excel keeps 15 significant digits, so a longer numeric id has already lost digits. */
const MAX_NUMERIC_ID = 999_999_999_999_999;
/** Largest magnitude accepted for a fact number (yuan, minutes, MB …) of one customer-month. */
export const MAX_ABS_NUMBER = 1e12;
const MIN_YEAR = 1900;

export function isBlankCell(cell: RawCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** NFC is the identity on text without code points from U+0300 on, which saves ICU calls on ids. */
const MAY_NEED_NFC = /[\u0300-\uffff]/;
function nfc(text: string): string {
  return MAY_NEED_NFC.test(text) ? text.normalize('NFC') : text;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Numeric text → a plain JS numeric literal, or null when empty ("" or "-").
 * Accepts surrounding spaces, full-width forms (NFKC), thousands separators in groups of three
 * and accounting negatives "(1,234.56)"; anything else is not a number.
 */
function canonicalNumber(text: string): string | null | Problem {
  if (PLAIN_NUMBER.test(text)) return text;
  let s = text.normalize('NFKC').replace(/\u2212/g, '-').trim();
  if (s === '' || s === '-') return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
    if (s.startsWith('-') || s.startsWith('+')) return cellIssues.notANumber;
  }
  if (s.includes(',')) {
    if (!GROUPED_NUMBER.test(s)) return cellIssues.notANumber;
    s = s.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(s)) return cellIssues.notANumber;
  return negative ? `-${s}` : s;
}

/** Field types 'number' and 'money' (money stays float64 yuan; SPEC §0). */
export function coerceNumber(cell: RawCell): Coerced<number> {
  let value: number;
  if (cell === null) return null;
  if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    const text = canonicalNumber(cell);
    if (text === null || typeof text === 'object') return text;
    value = Number(text);
  } else {
    return cellIssues.expectedNumber;
  }
  if (!Number.isFinite(value)) return cellIssues.notFinite;
  // A customer-month beyond a trillion is an export fault, and summing such values could overflow.
  if (Math.abs(value) > MAX_ABS_NUMBER) return cellIssues.numberOutOfRange;
  // + 0 turns −0 (from "-0" or "(0)") into 0, so it prints and compares as 0.
  return value + 0;
}

const DECIMAL_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Digits of Number.MAX_SAFE_INTEGER; more fen digits cannot be exact. */
const MAX_FEN_DIGITS = 16;

/**
 * A non-negative amount in fen, rounded half-up on the decimal digits as written, so that
 * 1.005 gives 101 (float arithmetic would give 100, as 1.005 is stored as 1.00499…).
 * A number cell is read through its shortest round-trip decimal form (String(1.005) = "1.005").
 */
export function coerceAmountFen(cell: RawCell): Coerced<number> {
  let text: string;
  if (cell === null) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return cellIssues.notFinite;
    text = String(cell);
  } else if (typeof cell === 'string') {
    const canonical = canonicalNumber(cell);
    if (canonical === null || typeof canonical === 'object') return canonical;
    text = canonical;
  } else {
    return cellIssues.expectedNumber;
  }
  const parts = DECIMAL_PARTS.exec(text);
  if (parts === null) return cellIssues.notANumber;
  const [, sign, whole = '', fraction = '', exponent = '0'] = parts;
  const allDigits = whole + fraction;
  const significant = allDigits.replace(/^0+/, '');
  if (significant === '') return 0;
  if (sign === '-') return cellIssues.negative;
  // Index in `significant` just after the fen digit: the decimal point sits after
  // whole.length digits of allDigits, moved by the exponent, minus the stripped zeros.
  const fenEnd = whole.length + Number(exponent) - (allDigits.length - significant.length) + 2;
  if (fenEnd > MAX_FEN_DIGITS) return cellIssues.outOfRange;
  const kept = fenEnd <= 0 ? '0' : significant.slice(0, fenEnd).padEnd(fenEnd, '0');
  const nextDigit = fenEnd >= 0 ? (significant[fenEnd] ?? '0') : '0';
  const fen = BigInt(kept) + (nextDigit >= '5' ? 1n : 0n);
  return fen > BigInt(Number.MAX_SAFE_INTEGER) ? cellIssues.outOfRange : Number(fen);
}

const SCIENTIFIC_ID = /^\d(?:\.\d+)?[eE]\+\d+$/;

/**
 * customer_id (SPEC §0): text is trimmed and keeps leading zeros; a number cell gives its
 * integer digits. "8.9E+18" as text is what Excel writes for a long id it has already
 * truncated, so it is refused rather than taken as an id.
 */
export function coerceCustomerId(cell: RawCell): Coerced<string> {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    if (SCIENTIFIC_ID.test(text)) return cellIssues.idScientific;
    return text.length > MAX_TEXT_CHARS ? cellIssues.textTooLong : nfc(text);
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return cellIssues.idNotInteger;
    return cell > MAX_NUMERIC_ID ? cellIssues.idTooLong : String(cell);
  }
  return cellIssues.expectedText;
}

/** Trimmed, NFC text (so names typed on different systems compare equal); null when empty. */
export function coerceText(cell: RawCell): Coerced<string> {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const text = cell.trim();
    if (text === '') return null;
    return text.length > MAX_TEXT_CHARS ? cellIssues.textTooLong : nfc(text);
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : cellIssues.notFinite;
  return cellIssues.expectedText;
}

const MONTH_PATTERNS = [/^(\d{4})(\d{2})$/, /^(\d{4})[-/](\d{1,2})$/, /^(\d{4})年(\d{1,2})月$/];
/** Exports often append a midnight time to dates ("2026/9/1 0:00"); it is ignored. */
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DATE_PATTERNS = [
  new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`),
  new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME}$`),
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

/** Month number as in core/model/month.ts (year·12 + month − 1), or null when out of range. */
function monthOf(year: number, month: number): number | null {
  return year >= MIN_YEAR && month >= 1 && month <= 12 ? year * 12 + month - 1 : null;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A date's month number, null if the text is no date, the problem if the day does not exist. */
function dateTextMonth(text: string): number | null | Problem {
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m === null) continue;
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const num = monthOf(year, month);
    if (num === null) return null;
    return day >= 1 && day <= daysIn(year, month) ? num : cellIssues.badDay;
  }
  return null;
}

/** Dates are calendar days at UTC midnight (raw-table.ts), so UTC fields give the same day in every time zone. */
function dateCellMonth(cell: Date): number | null {
  return Number.isNaN(cell.getTime()) ? null : monthOf(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Text of a text or integer cell for the month and date parsers; null when it cannot be one. */
function calendarText(cell: string | number): string | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : null;
  // NFKC folds full-width digits (２０２６年９月); ASCII text, the usual case, needs no ICU call.
  return (NON_ASCII.test(cell) ? cell.normalize('NFKC') : cell).trim();
}

/** month, start_month: a month in any of the usual spellings, or any date (its month). */
export function coerceMonth(cell: RawCell): Coerced<number> {
  if (cell === null) return null;
  if (cell instanceof Date) return dateCellMonth(cell) ?? cellIssues.badMonth;
  if (typeof cell === 'boolean') return cellIssues.badMonth;
  const text = calendarText(cell);
  if (text === '') return null;
  if (text === null) return cellIssues.badMonth;
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (m !== null) return monthOf(Number(m[1]), Number(m[2])) ?? cellIssues.badMonth;
  }
  return dateTextMonth(text) ?? cellIssues.badMonth;
}

/** join_date: a full date, checked to the day; the engine needs only its month number. */
export function coerceDateMonth(cell: RawCell): Coerced<number> {
  if (cell === null) return null;
  if (cell instanceof Date) return dateCellMonth(cell) ?? cellIssues.badDate;
  if (typeof cell === 'boolean') return cellIssues.badDate;
  const text = calendarText(cell);
  if (text === '') return null;
  if (text === null) return cellIssues.badDate;
  return dateTextMonth(text) ?? cellIssues.badDate;
}
