import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../core/io/raw-table.js';
import {
  coerceAmountFen,
  coerceCustomerId,
  coerceDateMonth,
  coerceMonth,
  coerceNumber,
  coerceText,
  isIssue,
  type Coerced,
} from '../../../core/io/mapping/coerce.js';
import { monthNumber } from '../../../core/model/month.js';

/** The value, null, or the problem's code: what a table row expects. */
function outcome<T extends string | number>(result: Coerced<T>): T | null | string {
  return isIssue(result) ? result.code : result;
}

const m = monthNumber;

describe('coerceNumber (number and money fields)', () => {
  it.each<[RawCell, number | null | string]>([
    ['1234.56', 1234.56],
    ['  42 ', 42],
    ['1,234.56', 1234.56],
    ['1,234,567', 1234567],
    ['-1,234.5', -1234.5],
    ['(1,234.56)', -1234.56],
    [' ( 7 ) ', -7],
    ['１，２３４．５', 1234.5], // full-width digits and punctuation
    ['－３', -3],
    ['+5', 5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-0', 0],
    ['(0)', 0],
    ['', null],
    ['   ', null],
    ['-', null],
    [null, null],
    [12.5, 12.5],
    ['abc', 'cell.not_a_number'],
    ['12abc', 'cell.not_a_number'],
    ['1,23', 'cell.not_a_number'],
    ['1,2345.6', 'cell.not_a_number'],
    ['1 234,56', 'cell.not_a_number'],
    ['1.234,56', 'cell.not_a_number'],
    ['$1,234.56', 'cell.not_a_number'],
    ['1234-', 'cell.not_a_number'],
    ['12 CR', 'cell.not_a_number'],
    ['(-5)', 'cell.not_a_number'],
    ['0x1A', 'cell.not_a_number'],
    ['NaN', 'cell.not_a_number'],
    ['Infinity', 'cell.not_a_number'],
    ['1e999', 'cell.not_finite'],
    [Number.POSITIVE_INFINITY, 'cell.not_finite'],
    [Number.NaN, 'cell.not_finite'],
    [true, 'cell.expected_number'],
    [new Date(Date.UTC(2026, 0, 1)), 'cell.expected_number'],
  ])('%j → %j', (cell, expected) => {
    const result = outcome(coerceNumber(cell));
    expect(result).toBe(expected);
    if (typeof result === 'number') expect(Object.is(result, -0)).toBe(false);
  });
});

describe('coerceAmountFen (pool amounts, decimal half-up)', () => {
  it.each<[RawCell, number | null | string]>([
    ['1.005', 101], // float: Math.round(1.005 * 100) = 100
    [1.005, 101],
    ['1.004999', 100],
    ['0.005', 1],
    ['0.0049', 0],
    ['1,234.565', 123457],
    ['80', 8000],
    ['80.00', 8000],
    ['.5', 50],
    ['1.5e2', 15000],
    ['1.2345e-1', 12],
    [1e-7, 0],
    ['0', 0],
    ['-0.00', 0],
    ['', null],
    ['-', null],
    ['-1', 'cell.negative'],
    ['(1.00)', 'cell.negative'],
    ['-0.001', 'cell.negative'],
    ['90071992547409.91', 9007199254740991],
    ['90071992547409.92', 'cell.out_of_range'],
    ['1e21', 'cell.out_of_range'],
    ['1e999999999999', 'cell.out_of_range'],
    ['1e-999999999999', 0],
    ['abc', 'cell.not_a_number'],
    [false, 'cell.expected_number'],
  ])('%j → %j', (cell, expected) => {
    expect(outcome(coerceAmountFen(cell))).toBe(expected);
  });
});

describe('coerceCustomerId', () => {
  it.each<[RawCell, string | null]>([
    ['001', '001'],
    ['  001 ', '001'],
    ['A-17', 'A-17'],
    ['1E5', '1E5'], // an alphanumeric id, not Excel's notation (which writes E+)
    [13812345678, '13812345678'],
    [999999999999999, '999999999999999'],
    [0, '0'],
    ['', null],
    [null, null],
    [1000000000000000, 'cell.id_too_long'],
    [8.9e18, 'cell.id_too_long'],
    [12.5, 'cell.id_not_integer'],
    [-3, 'cell.id_not_integer'],
    ['8.9E+18', 'cell.id_scientific'],
    ['1E+15', 'cell.id_scientific'],
    [true, 'cell.expected_text'],
    [new Date(0), 'cell.expected_text'],
  ])('%j → %j', (cell, expected) => {
    expect(outcome(coerceCustomerId(cell))).toBe(expected);
  });

  it('keeps the NFC form of composed text', () => {
    expect(coerceCustomerId('e\u0301')).toBe('\u00e9');
  });
});

describe('coerceMonth', () => {
  it.each<[RawCell, number | null | string]>([
    ['2026-09', m('2026-09')],
    ['202609', m('2026-09')],
    ['2026/09', m('2026-09')],
    ['2026/9', m('2026-09')],
    ['2026-9', m('2026-09')],
    ['2026年9月', m('2026-09')],
    ['2026年09月', m('2026-09')],
    ['２０２６年９月', m('2026-09')],
    [' 2026-09 ', m('2026-09')],
    ['2026-09-15', m('2026-09')],
    ['2026/9/15', m('2026-09')],
    ['2026/9/15 0:00', m('2026-09')],
    ['2026-09-15T00:00:00', m('2026-09')],
    ['20260915', m('2026-09')],
    ['2026年9月15日', m('2026-09')],
    [202609, m('2026-09')],
    [new Date(Date.UTC(2026, 8, 1)), m('2026-09')],
    [new Date(Date.UTC(2026, 8, 30)), m('2026-09')],
    ['', null],
    [null, null],
    ['2026-13', 'cell.bad_month'],
    ['2026-00', 'cell.bad_month'],
    ['20269', 'cell.bad_month'],
    ['09/2026', 'cell.bad_month'],
    ['Sep 2026', 'cell.bad_month'],
    ['1899-12', 'cell.bad_month'],
    ['2026-02-30', 'cell.bad_day'],
    [2026.5, 'cell.bad_month'],
    [true, 'cell.bad_month'],
    [new Date(Number.NaN), 'cell.bad_month'],
  ])('%j → %j', (cell, expected) => {
    expect(outcome(coerceMonth(cell))).toBe(expected);
  });
});

describe('coerceDateMonth (join_date)', () => {
  it.each<[RawCell, number | null | string]>([
    ['2026-09-01', m('2026-09')],
    ['2026/9/1', m('2026-09')],
    ['20260901', m('2026-09')],
    ['2026年9月1日', m('2026-09')],
    ['2024-02-29', m('2024-02')],
    [20260901, m('2026-09')],
    [new Date(Date.UTC(2020, 0, 15)), m('2020-01')],
    ['', null],
    ['2026-02-29', 'cell.bad_day'],
    ['1900-02-29', 'cell.bad_day'],
    ['2026-04-31', 'cell.bad_day'],
    ['2026-09-00', 'cell.bad_day'],
    ['2026-09', 'cell.bad_date'],
    ['03/04/2024', 'cell.bad_date'],
    ['2026-13-01', 'cell.bad_date'],
    [46266, 'cell.bad_date'], // a bare Excel serial: the xlsx reader must give a Date
    [new Date(Date.UTC(1899, 11, 31)), 'cell.bad_date'],
  ])('%j → %j', (cell, expected) => {
    expect(outcome(coerceDateMonth(cell))).toBe(expected);
  });
});

describe('coerceText', () => {
  it.each<[RawCell, string | null]>([
    ['  郑州 ', '郑州'],
    ['\u00a0全球通\u3000', '全球通'],
    ['e\u0301', '\u00e9'],
    ['', null],
    ['  ', null],
    [null, null],
    [58, '58'],
    ['x'.repeat(32_768), 'cell.text_too_long'],
    [false, 'cell.expected_text'],
  ])('%j → %j', (cell, expected) => {
    expect(outcome(coerceText(cell))).toBe(expected);
  });
});
