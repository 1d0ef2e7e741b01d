/**
 * The profit curve against a reference built the obvious way (an array of the table's profits
 * sorted descending and summed): every point drawn lies on it, x increases, the first customer,
 * the last and the peak are kept, and no more than maxPoints are drawn.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profitCurve, PROFIT_CURVE_MAX_POINTS } from '../../core/charts/data/profit-curve.js';
import { check, propertyOptions } from '../engine/arbitraries.js';

/** Cumulative profit after the k-th customer, most profitable first. */
function referenceCurve(avgProfit: Float64Array, table: Int32Array): number[] {
  const sorted = Array.from(table, (c) => avgProfit[c] as number).sort((a, b) => b - a);
  let sum = 0;
  return sorted.map((p) => (sum += p));
}

const province = fc
  .record({
    profits: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
    // Which customers are in the table (the rest are in the facts but not in the window).
    inTable: fc.array(fc.boolean(), { minLength: 3000, maxLength: 3000 }),
    maxPoints: fc.integer({ min: 3, max: 60 }),
  })
  .map(({ profits, inTable, maxPoints }) => {
    const table = Int32Array.from(profits.keys()).filter((c) => inTable[c] === true);
    return { avgProfit: Float64Array.from(profits), table: table.length > 0 ? table : Int32Array.of(0), maxPoints };
  });

describe('profitCurve', () => {
  it('draws only points of the true curve, keeps first, last and peak, and at most maxPoints', () => {
    fc.assert(
      fc.property(province, ({ avgProfit, table, maxPoints }) => {
        const n = table.length;
        const reference = referenceCurve(avgProfit, table);
        const curve = profitCurve(avgProfit, table, maxPoints);
        const { points } = curve;
        const expectedCount = n <= maxPoints ? points.length === n : points.length >= maxPoints - 1 && points.length <= maxPoints;
        check(expectedCount, () => `${points.length} points of ${n} with maxPoints ${maxPoints}`);
        check(points[0]?.[0] === 100 / n && points[0][1] === reference[0], () => `first point ${String(points[0])}`);
        check(points.at(-1)?.[0] === 100 && points.at(-1)?.[1] === reference[n - 1] && curve.total === reference[n - 1], () => `last point ${String(points.at(-1))}`);
        let previousX = 0;
        for (const [x, y] of points) {
          check(x > previousX, () => `x does not increase at ${x}`);
          previousX = x;
          const k = Math.round((x * n) / 100) - 1;
          check(y === reference[k], () => `point ${x}, ${y} is not on the curve (${String(reference[k])})`);
        }
        const peakY = Math.max(...reference);
        const peakK = reference.indexOf(peakY);
        check(curve.peak?.[0] === (100 * (peakK + 1)) / n && curve.peak[1] === peakY, () => `peak ${String(curve.peak)} instead of customer ${peakK + 1}`);
        check(points.some(([x, y]) => x === curve.peak?.[0] && y === peakY), () => 'the peak is not among the points');
        const tableOrderSum = Array.from(table, (c) => avgProfit[c] as number).reduce((s, p) => s + p, 0);
        const scale = Array.from(table, (c) => Math.abs(avgProfit[c] as number)).reduce((s, p) => s + p, 1);
        check(Math.abs(curve.total - tableOrderSum) <= 1e-9 * scale, () => `total ${curve.total} differs from Σ avg_profit ${tableOrderSum}`);
      }),
      propertyOptions(0.05),
    );
  });

  it('keeps the peak of a million customers among its 400 points', () => {
    const n = 1_000_000;
    // A whale curve: 70% earners, then loss-makers; the peak falls between two even samples.
    const avgProfit = Float64Array.from({ length: n }, (_, i) => (i % 10 < 7 ? 50 + (i % 97) : -30 - (i % 89)));
    const table = Int32Array.from({ length: n }, (_, i) => i);
    const curve = profitCurve(avgProfit, table);
    expect(curve.points.length).toBeLessThanOrEqual(PROFIT_CURVE_MAX_POINTS);
    expect(curve.peak?.[0]).toBe(70);
    expect(curve.points.some(([x]) => x === 70)).toBe(true);
    expect(curve.points[0]?.[0]).toBe(100 / n);
    expect(curve.points.at(-1)?.[0]).toBe(100);
  });

  it('has no points and no peak for an empty table', () => {
    expect(profitCurve(new Float64Array(0), new Int32Array(0))).toEqual({ customers: 0, total: 0, peak: null, points: [] });
  });
});
