import { describe, expect, it } from 'vitest';
import { builtinFormatKind, customFormatKind, FormatKind } from '../../../core/io/xlsx/number-format.js';
import { serialToDate } from '../../../core/io/xlsx/excel-dates.js';

describe('customFormatKind', () => {
  it.each([
    ['yyyy-mm-dd', FormatKind.Date],
    ['yyyy-mm-dd;@', FormatKind.Date],
    ['m/d/yy h:mm', FormatKind.Date],
    ['mmm', FormatKind.Date],
    ['mmmm yyyy', FormatKind.Date],
    ['yyyy"年"m"月"d"日"', FormatKind.Date],
    ['[$-804]yyyy年m月d日 dddd', FormatKind.Date],
    ['[DBNum1][$-804]yyyy"年"m"月"', FormatKind.Date],
    ['h:mm', FormatKind.Time],
    ['[h]:mm:ss', FormatKind.Time],
    ['mm:ss.0', FormatKind.Time],
    ['上午/下午h"时"mm"分"', FormatKind.Time],
    ['0.00', FormatKind.Number],
    ['[Red]0.00', FormatKind.Number],
    ['#,##0.00_);[Red](#,##0.00)', FormatKind.Number],
    ['[$¥-804]#,##0.00', FormatKind.Number],
    ['0.00E+00', FormatKind.Number],
    ['"days"0', FormatKind.Number],
    ['0\\d', FormatKind.Number],
    ['General', FormatKind.Number],
    ['@', FormatKind.Number],
    ['[>=100]0;[Red]0', FormatKind.Number],
  ])('%s', (code, kind) => {
    expect(customFormatKind(code)).toBe(kind);
  });

  it('knows the built-in ids, East Asian ones included', () => {
    expect([14, 15, 16, 17, 22, 31, 57, 58].map(builtinFormatKind)).toEqual(Array(8).fill(FormatKind.Date));
    expect([18, 20, 21, 45, 46, 47, 32].map(builtinFormatKind)).toEqual(Array(7).fill(FormatKind.Time));
    expect([0, 1, 2, 4, 10, 49].map(builtinFormatKind)).toEqual(Array(6).fill(FormatKind.Number));
  });
});

describe('serialToDate', () => {
  it('gives the same calendar day in both date systems', () => {
    expect(serialToDate(46266, false)).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(serialToDate(46266 - 1462, true)).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(serialToDate(2958465, false)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(serialToDate(46266.99999999999, false)).toEqual(new Date(Date.UTC(2026, 8, 2)));
  });

  it('refuses days that do not exist', () => {
    expect(serialToDate(60, false)).toMatchObject({ code: 'xlsx.phantom_leap_day' });
    expect(serialToDate(0, false)).toMatchObject({ code: 'xlsx.date_out_of_range' });
    expect(serialToDate(-1, true)).toMatchObject({ code: 'xlsx.date_out_of_range' });
    expect(serialToDate(2958466, false)).toMatchObject({ code: 'xlsx.date_out_of_range' });
  });
});
