/** Column widths and wrapped line counts for the report's cells. */
import { describe, expect, it } from 'vitest';
import { displayWidth, fitWidth, wrappedLines } from '../../../core/io/report/text-width.js';

describe('text widths', () => {
  it('counts Chinese and full-width characters double', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('应收费用')).toBe(8);
    expect(displayWidth('１２３')).toBe(6);
    expect(displayWidth('😀')).toBe(1);
  });

  it('pads and bounds a column width', () => {
    expect(fitWidth(3, 6, 50)).toBe(6);
    expect(fitWidth(20, 6, 50)).toBe(22);
    expect(fitWidth(90, 6, 50)).toBe(50);
  });

  it('estimates the lines of a wrapping cell', () => {
    expect(wrappedLines('short', 20)).toBe(1);
    expect(wrappedLines('a\nb', 20)).toBe(2);
    expect(wrappedLines('x'.repeat(37), 20)).toBe(3);
    expect(wrappedLines('应'.repeat(10), 12)).toBe(2);
  });
});
