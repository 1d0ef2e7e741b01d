/**
 * A numeric fact column kept as compactly as its values allow (issue 7): at ten million
 * customers × three months a Float64 column is 240 MB, so money with at most two decimals is
 * held as whole fen and counts as whole numbers, both in 32 bits, halving the input's memory.
 * Dividing a whole number of fen by 100 gives the very double that parsing the two-decimal
 * text gives (both are the correctly rounded quotient), and compaction checks every value's
 * round trip anyway, so the engine's figures do not change.
 */
export interface NumberColumn {
  /** Whole numbers (scale 1), whole fen (scale 100), or any doubles (Float64Array, scale 1). */
  readonly values: Int32Array | Float64Array;
  readonly scale: 1 | 100;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function numberAt(column: NumberColumn, r: number): number {
  return (column.values[r] as number) / column.scale;
}

export function float64Column(values: Float64Array): NumberColumn {
  return { values, scale: 1 };
}

/** Every value as a double (for consumers that need one array; the engine reads the column). */
export function decodeNumbers(column: NumberColumn): Float64Array {
  const { values, scale } = column;
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) / scale;
  return out;
}

/** The smallest exact form for `values`: 32-bit whole numbers, 32-bit fen, else the doubles themselves. */
export function compactNumbers(values: Float64Array): NumberColumn {
  for (const scale of [1, 100] as const) {
    const ints = toInt32(values, scale);
    if (ints !== null) return { values: ints, scale };
  }
  return float64Column(values);
}

/**
 * x as a 32-bit whole number of 1/scale units when that is exact (it decodes to x itself), else
 * null. −0 becomes 0, which no sum or comparison of the model can tell apart.
 */
export function exactInt32(x: number, scale: 1 | 100): number | null {
  const n = Math.round(x * scale);
  return n >= INT32_MIN && n <= INT32_MAX && n / scale === x ? n : null;
}

function toInt32(values: Float64Array, scale: 1 | 100): Int32Array | null {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const n = exactInt32(values[i] as number, scale);
    if (n === null) return null;
    out[i] = n;
  }
  return out;
}
