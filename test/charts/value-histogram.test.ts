/** Value-score bins: 0–100 in steps of 5 for weighted scores, round steps over any range a formula gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueHistogram } from '../../core/charts/data/value-histogram.js';
import { check, propertyOptions } from '../engine/arbitraries.js';

function histogramOf(values: readonly number[]): ReturnType<typeof valueHistogram> {
  return valueHistogram(Float64Array.from(values), Int32Array.from(values.keys()));
}

describe('valueHistogram', () => {
  it('puts 0 in the first bin, 5 in the second and 100 in the last, and skips customers without a value', () => {
    const { bins, customers } = histogramOf([0, 4.999, 5, 100, 99.5, NaN, NaN]);
    expect(customers).toBe(5);
    expect(bins.map((b) => [b.from, b.to])).toEqual(Array.from({ length: 20 }, (_, k) => [5 * k, 5 * k + 5]));
    expect(bins[0]?.count).toBe(2);
    expect(bins[1]?.count).toBe(1);
    expect(bins[19]?.count).toBe(2);
  });

  it('counts only the customers of the table', () => {
    const value = Float64Array.of(10, 20, 30);
    const { bins, customers } = valueHistogram(value, Int32Array.of(0, 2));
    expect(customers).toBe(2);
    expect(bins[4]?.count).toBe(0);
  });

  it('widens to round steps over 0–100 and the values when a formula leaves 0–100', () => {
    const { bins } = histogramOf([-20, 140, 50]);
    expect(bins[0]?.from).toBe(-20);
    expect(bins.at(-1)?.to).toBe(140);
    expect(bins.every((b) => b.to - b.from === 10)).toBe(true);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
  });

  it('gives every value one bin whose range holds it, for any finite values', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constant(NaN)), { maxLength: 200 }), (values) => {
        const { bins, customers } = histogramOf(values);
        const finite = values.filter((v) => !Number.isNaN(v));
        check(customers === finite.length && bins.reduce((s, b) => s + b.count, 0) === finite.length, () => `${customers} customers`);
        check(bins.length >= 1 && bins.length <= 22, () => `${bins.length} bins`);
        const first = bins[0];
        const last = bins.at(-1);
        check(first !== undefined && last !== undefined && finite.every((v) => v >= first.from && v <= last.to), () => `values outside ${first?.from}–${last?.to}`);
        check(first.from <= 0 && last.to >= 100, () => 'the bins do not cover 0–100');
      }),
      propertyOptions(0.05),
    );
  });
});
