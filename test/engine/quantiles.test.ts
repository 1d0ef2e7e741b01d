/**
 * percentileInc and valuesAtRanks (core/engine/quantiles.ts) against a plain sort-based
 * reference, on seeded random arrays: many ties, heavy tails, negative zero, sizes 0/1/2 and
 * sizes above 4096, where the histogram path (and its recursion into crowded bins) runs.
 * Agreement is exact (bit for bit) except for the sign of zero: −0 and +0 are the same number
 * for SPEC §5, and on the histogram path (n > 4096) a bin that holds only zeros of both signs
 * answers with the first zero it met, where the reference's TypedArray sort puts −0 before +0
 * (n = 4097, [+0, −0 × 4096], rank 0 gives +0; the sort gives −0). Neither sign shows in any
 * output (String(−0) and JSON give "0"), so the comparison is SameValueZero.
 */
import { describe, expect, it } from 'vitest';
import { percentileInc, valuesAtRanks } from '../../core/engine/quantiles.js';
import { prng } from './arbitraries.js';

type Distribution = (random: () => number, n: number) => number;

const DISTRIBUTIONS: Record<string, Distribution> = {
  uniform: (r) => (r() - 0.5) * 2000,
  'money (2 decimals)': (r) => Math.round((r() - 0.3) * 1e6) / 100,
  'many ties': (r) => Math.floor(r() * 5) * 0.1,
  'almost all equal': (r) => (r() < 0.999 ? 42.42 : r() * 100),
  'heavy tail': (r) => (r() < 0.01 ? 1e12 * (1 + r()) : r() < 0.01 ? -1e12 : r() * 10),
  'negative zero': (r) => (r() < 0.5 ? (r() < 0.5 ? -0 : 0) : (r() - 0.5) * 4),
  'only zeros of both signs': (r) => (r() < 0.5 ? -0 : 0),
  'tiny spread': (r) => 1 + Math.floor(r() * 8) * Number.EPSILON,
  'huge range': (r) => (r() < 0.5 ? -1 : 1) * 1.7e308 * r(),
  subnormals: (r) => Math.floor(r() * 6) * 5e-324,
};

const SIZES = [0, 1, 2, 3, 10, 11, 101, 4095, 4096, 4097, 5000, 12_289, 50_000];

function sample(distribution: Distribution, n: number, seed: number): Float64Array {
  const random = prng(seed);
  return Float64Array.from({ length: n }, () => distribution(random, n));
}

/** Sorted unique ranks in [0, n): both ends, neighbours and a random handful. */
function ranksFor(n: number, seed: number): number[] {
  if (n === 0) return [];
  const random = prng(seed ^ 0x5bd1e995);
  const set = new Set([0, n - 1, Math.floor((n - 1) / 2), Math.min(n - 1, 1)]);
  for (let k = 0; k < 12; k++) {
    const at = Math.floor(random() * n);
    set.add(at);
    if (at + 1 < n) set.add(at + 1);
  }
  return [...set].sort((a, b) => a - b);
}

/** SPEC §5 on a full sort: j and t in integers, q = x[j] + t·(x[j+1] − x[j]). */
function referencePercentile(values: Float64Array, numerators: readonly number[], d: number): number[] {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  return numerators.map((i) => {
    if (n === 0) return NaN;
    const j = Math.floor(((n - 1) * i) / d);
    const t = (((n - 1) * i) % d) / d;
    const xj = x[j] as number;
    return t === 0 ? xj : xj + t * ((x[j + 1] as number) - xj);
  });
}

function describeValue(v: number | undefined): string {
  return v !== undefined && Object.is(v, -0) ? '-0' : String(v);
}

/** Exact equality, NaN equal to NaN, −0 equal to +0. */
function sameValueZero(a: number | undefined, b: number | undefined): boolean {
  return Object.is(a, b) || (a === 0 && b === 0);
}

/** The first index where the two lists differ (SameValueZero), as a message, or null. */
function mismatch(got: readonly number[], want: readonly number[], labels: readonly (number | string)[]): string | null {
  if (got.length !== want.length) return `length ${got.length} vs ${want.length}`;
  for (let k = 0; k < got.length; k++) {
    if (!sameValueZero(got[k], want[k])) return `at ${labels[k]}: got ${describeValue(got[k])}, sort gives ${describeValue(want[k])}`;
  }
  return null;
}

describe('quantiles (SPEC §5)', () => {
  for (const [name, distribution] of Object.entries(DISTRIBUTIONS)) {
    it(`valuesAtRanks agrees with a sort: ${name}`, () => {
      for (const n of SIZES) {
        for (const seed of [1, 2, 3]) {
          const values = sample(distribution, n, seed * 7919 + n);
          const before = Float64Array.from(values);
          const ranks = ranksFor(n, seed);
          const sorted = Float64Array.from(values).sort();
          const problem = mismatch(
            valuesAtRanks(values, ranks),
            ranks.map((k) => sorted[k] as number),
            ranks.map((k) => `rank ${k}`),
          );
          expect(problem, `${name}, n=${n}, seed=${seed}`).toBeNull();
          expect(Buffer.from(values.buffer).equals(Buffer.from(before.buffer)), `${name}, n=${n}: input modified`).toBe(true);
        }
      }
    });

    it(`percentileInc agrees with a sort: ${name}`, () => {
      for (const n of SIZES) {
        for (const seed of [1, 2]) {
          const values = sample(distribution, n, seed * 104_729 + n);
          for (const d of [10, 4, 7, 100]) {
            const numerators = Array.from({ length: d + 1 }, (_, i) => i);
            const problem = mismatch(
              percentileInc(values, numerators, d),
              referencePercentile(values, numerators, d),
              numerators.map((i) => `${i}/${d}`),
            );
            expect(problem, `${name}, n=${n}, seed=${seed}`).toBeNull();
          }
        }
      }
    });
  }

  it('gives NaN for every quantile of no values', () => {
    expect(percentileInc(new Float64Array(0), [0, 5, 10], 10)).toEqual([NaN, NaN, NaN]);
    expect(valuesAtRanks(new Float64Array(0), [])).toEqual([]);
  });

  it('gives x[j] exactly when x[j] = x[j+1], where (1−t)·x[j] + t·x[j+1] would not', () => {
    // n = 4, i = 1, d = 10: j = floor(3/10) = 0, t = 0.3, and x[0] = x[1] = 0.1.
    const values = Float64Array.from([0.5, 0.1, 0.9, 0.1]);
    const t = 0.3;
    expect((1 - t) * 0.1 + t * 0.1).not.toBe(0.1); // the other form drifts: 0.09999999999999999
    expect(percentileInc(values, [1], 10)).toEqual([0.1]);
    // The same on the histogram path, with the equal pair deep inside a crowded bin.
    const random = prng(99);
    const big = Float64Array.from({ length: 9001 }, (_, k) => (k < 4500 ? 0.1 : k === 9000 ? 1e12 : 0.1 + random()));
    // n − 1 = 9000, i = 3, d = 7: j = 3857, t = 1/7, and the sorted x[3857] = x[3858] = 0.1.
    expect(percentileInc(big, [3], 7)).toEqual([0.1]);
  });

  it('gives x[j] exactly whenever x[j] = x[j+1] on arrays full of ties', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const n = 2 + Math.floor(random() * (seed % 10 === 0 ? 6000 : 60));
      const levels = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.round((random() - 0.5) * 2e4) / 100);
      const values = Float64Array.from({ length: n }, () => levels[Math.floor(random() * levels.length)] as number);
      const sorted = Float64Array.from(values).sort();
      for (const d of [10, 7, 100]) {
        const numerators = Array.from({ length: d + 1 }, (_, i) => i);
        const q = percentileInc(values, numerators, d);
        numerators.forEach((i, k) => {
          const j = Math.floor(((n - 1) * i) / d);
          if (j + 1 < n && sorted[j] === sorted[j + 1]) {
            expect(sameValueZero(q[k], sorted[j]), `seed ${seed}, n=${n}, ${i}/${d}: ${q[k]} vs x[${j}] = ${sorted[j]}`).toBe(true);
          }
        });
      }
    }
  });
});
