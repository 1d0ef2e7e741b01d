/**
 * Reading a cell's attributes and value straight from the sheet's text, between two indexes,
 * without cutting a substring: the per-cell work of a million-row sheet.
 */

// Cell types (the t attribute).
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_DATE = 6;
export const T_UNKNOWN = 7;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** The cell type code of a `t` attribute's value. */
export function typeCode(s: string, start: number, end: number): number {
  const length = end - start;
  const c = s.charCodeAt(start);
  if (length === 1) {
    if (c === 110) return T_NUMBER; // n
    if (c === 115) return T_SHARED; // s
    if (c === 98) return T_BOOL; // b
    if (c === 101) return T_ERROR; // e
    if (c === 100) return T_DATE; // d
  } else if (length === 3 && s.startsWith('str', start)) {
    return T_STR;
  } else if (length === 9 && s.startsWith('inlineStr', start)) {
    return T_INLINE;
  }
  return T_UNKNOWN;
}

/** Digits → a number; −1 when the text is not all digits (or too long to be an index). */
export function digitsValue(s: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let value = 0;
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    value = value * 10 + c - DIGIT_0;
  }
  return value;
}

/**
 * Whether Number() read the text as a decimal: it also takes "0x1A", "0b1", "Infinity" and
 * padding, none of which Excel writes, so those are refused by their first two characters.
 */
export function isDecimal(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 === 48 /* 0 */) {
    const c1 = text.charCodeAt(1) | 0x20;
    return c1 !== 120 /* x */ && c1 !== 111 /* o */ && c1 !== 98 /* b */;
  }
  return (c0 > DIGIT_0 && c0 <= DIGIT_9) || c0 === 45 /* - */ || c0 === 43 /* + */ || c0 === 46 /* . */;
}

/** 10^k for every scale a 15-digit decimal can have. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * A plain decimal ("-123.45") read in place. With at most 15 digits the digits form an exact
 * integer and 10^k is exact up to k = 22, so the one division rounds exactly as Number() does.
 * NaN for anything else (exponents, 16+ digits, junk), which the caller reads with Number().
 */
export function parseDecimal(s: string, start: number, end: number): number {
  let i = start;
  const negative = s.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + c - DIGIT_0;
      digits++;
      if (dot) scale++;
    } else if (c === 46 /* . */ && !dot) {
      dot = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = scale === 0 ? mantissa : mantissa / (POWERS_OF_TEN[scale] as number);
  return negative ? -value : value;
}

