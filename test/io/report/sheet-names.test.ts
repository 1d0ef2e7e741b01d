/** Worksheet names for the report's sheets of original rows: valid in Excel and unique. */
import { describe, expect, it } from 'vitest';
import { SheetNames, sourceSheetName } from '../../../core/io/report/sheet-names.js';

describe('sourceSheetName', () => {
  it('takes the file name without folder and extension, and the sheet', () => {
    expect(sourceSheetName('/data/2026-09/usage.csv', undefined)).toBe('usage');
    expect(sourceSheetName('/data/book.xlsx', '用量')).toBe('book-用量');
  });

  it('shortens the file part first so the sheet name survives', () => {
    const name = sourceSheetName('/d/a-very-long-settlement-export-from-boss.xlsx', '结算明细');
    expect(name).toBe('a-very-long-settlement-exp-结算明细');
    expect(name).toHaveLength(31);
  });
});

describe('SheetNames', () => {
  it('replaces the characters Excel forbids and drops edge apostrophes', () => {
    const names = new SheetNames();
    expect(names.take('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
    expect(names.take("'quoted'")).toBe('quoted');
    expect(names.take('tab\there')).toBe('tabhere');
  });

  it('cuts names to 31 characters without splitting a surrogate pair', () => {
    const names = new SheetNames();
    expect(names.take('x'.repeat(40))).toHaveLength(31);
    const emoji = names.take(`${'y'.repeat(30)}😀z`);
    expect(emoji).toBe('y'.repeat(30));
  });

  it('makes names unique ignoring case, within 31 characters, and avoids History', () => {
    const names = new SheetNames();
    expect(names.take('Usage')).toBe('Usage');
    expect(names.take('usage')).toBe('usage (2)');
    expect(names.take('USAGE')).toBe('USAGE (3)');
    const long = 'z'.repeat(31);
    expect(names.take(long)).toBe(long);
    expect(names.take(long)).toBe(`${'z'.repeat(27)} (2)`);
    expect(names.take('History')).toBe('History (2)');
    expect(names.take('***')).toBe('___');
    expect(names.take('')).toBe('Sheet');
  });
});
