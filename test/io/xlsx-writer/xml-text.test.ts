import { describe, expect, it } from 'vitest';
import { columnLetters } from '../../../core/io/xlsx-writer/cell-address.js';
import { dateToSerial } from '../../../core/io/xlsx-writer/date-serial.js';
import { escapeXml } from '../../../core/io/xlsx-writer/xml-text.js';

describe('xlsx writer helpers', () => {
  it('escapes markup and drops characters XML 1.0 cannot hold', () => {
    expect(escapeXml('a&b<c>"d"')).toBe('a&amp;b&lt;c&gt;&quot;d&quot;');
    expect(escapeXml('x\u0000\u0008\u000B\u001F\uFFFEy\t\n\r')).toBe('xy\t\n\r');
    expect(escapeXml('\uD83D\uDE00 \uD83D \uDE00!')).toBe('\uD83D\uDE00  !');
    expect(escapeXml('客户')).toBe('客户');
  });

  it('names columns', () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
    expect(() => columnLetters(16385)).toThrow(RangeError);
  });

  it('turns UTC calendar days into 1900-system serials', () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(1900, 1, 28)))).toBe(59);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 31, 23, 59)))).toBe(45322);
    expect(() => dateToSerial(new Date(Date.UTC(1899, 11, 31)))).toThrow(RangeError);
    expect(() => dateToSerial(new Date(Number.NaN))).toThrow(RangeError);
  });
});
