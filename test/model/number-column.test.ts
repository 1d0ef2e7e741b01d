import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactNumbers, decodeNumbers, numberAt } from '../../core/model/number-column.js';

/** Object.is, except that −0 and 0 are one value to the model. */
const sameNumber = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

describe('compactNumbers', () => {
  it('keeps whole numbers as 32-bit integers', () => {
    const column = compactNumbers(Float64Array.of(0, 7, -3, 2147483647, -2147483648));
    expect(column.values).toBeInstanceOf(Int32Array);
    expect(column.scale).toBe(1);
    expect(Array.from(decodeNumbers(column))).toEqual([0, 7, -3, 2147483647, -2147483648]);
  });

  it('keeps money with two decimals as whole fen, decoding to the doubles the text parses to', () => {
    const texts = ['0.1', '0.29', '1234.5', '-88.07', '21474836.47'];
    const column = compactNumbers(Float64Array.from(texts, Number));
    expect(column.values).toBeInstanceOf(Int32Array);
    expect(column.scale).toBe(100);
    expect(Array.from(column.values)).toEqual([10, 29, 123450, -8807, 2147483647]);
    texts.forEach((text, i) => expect(numberAt(column, i)).toBe(Number(text)));
  });

  it('keeps doubles when a value has more decimals, is out of 32-bit range or is not finite', () => {
    for (const odd of [0.125, 0.1 + 0.2, 21474836.48, 3e9, Number.NaN, Number.POSITIVE_INFINITY]) {
      const values = Float64Array.of(1.5, odd);
      const column = compactNumbers(values);
      expect(column.values).toBe(values);
      expect(column.scale).toBe(1);
    }
  });

  it('never changes a value (property)', () => {
    const twoDecimals = fc.integer({ min: -2147483648, max: 2147483647 }).map((n) => n / 100);
    const anyDouble = fc.double({ noNaN: false });
    fc.assert(
      fc.property(fc.array(fc.oneof(twoDecimals, fc.integer({ min: -1e6, max: 1e6 }), anyDouble), { maxLength: 40 }), (xs) => {
        const column = compactNumbers(Float64Array.from(xs));
        xs.forEach((x, i) => expect(sameNumber(numberAt(column, i), x)).toBe(true));
      }),
    );
  });
});
