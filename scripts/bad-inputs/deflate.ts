/**
 * A small raw-deflate compressor (RFC 1951: one block with the fixed Huffman codes, greedy
 * LZ77 over a 32 KiB window) for the bad-input fixtures. node:zlib would compress better, but
 * its output may change with the zlib build or the CPU it runs on; this one depends on nothing,
 * so regenerating the fixtures gives the same bytes everywhere.
 *
 * A run of one repeated byte costs 13 bits per 258 bytes (ratio ≈ 0.63 %), below POI's 1 %
 * bomb threshold, so compression bombs stay tiny on disk.
 */

const WINDOW = 32_768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const HASH_BITS = 15;
const MAX_CHAIN = 48;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/** The largest index i with table[i] <= value (tables are ascending). */
function bucket(table: readonly number[], value: number): number {
  let i = table.length - 1;
  while ((table[i] as number) > value) i--;
  return i;
}

class BitWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;
  private bits = 0;
  private count = 0;

  /** Writes `n` bits of `value`, least significant first (extra bits, header fields). */
  write(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.push(this.bits & 0xff);
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** Writes a Huffman code of `n` bits, most significant first. */
  code(value: number, n: number): void {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((value >>> i) & 1) << (n - 1 - i);
    this.write(reversed, n);
  }

  finish(): Buffer {
    if (this.count > 0) this.push(this.bits & 0xff);
    this.bits = 0;
    this.count = 0;
    return Buffer.from(this.bytes.subarray(0, this.length));
  }

  private push(byte: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = byte;
  }
}

/** Literal/length symbol 0–287 in the fixed code. */
function symbol(out: BitWriter, s: number): void {
  if (s < 144) out.code(0x30 + s, 8);
  else if (s < 256) out.code(0x190 + s - 144, 9);
  else if (s < 280) out.code(s - 256, 7);
  else out.code(0xc0 + s - 280, 8);
}

function match(out: BitWriter, length: number, distance: number): void {
  const l = bucket(LENGTH_BASE, length);
  symbol(out, 257 + l);
  out.write(length - (LENGTH_BASE[l] as number), LENGTH_EXTRA[l] as number);
  const d = bucket(DIST_BASE, distance);
  out.code(d, 5);
  out.write(distance - (DIST_BASE[d] as number), DIST_EXTRA[d] as number);
}

function hashAt(data: Uint8Array, i: number): number {
  return (((data[i] as number) << 10) ^ ((data[i + 1] as number) << 5) ^ (data[i + 2] as number)) & ((1 << HASH_BITS) - 1);
}

/** Raw deflate of `input` (what a zip entry with method 8 holds). */
export function deflateFixed(input: string | Buffer): Buffer {
  const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const n = data.length;
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(WINDOW).fill(-1);
  const out = new BitWriter();
  out.write(1, 1); // BFINAL
  out.write(1, 2); // BTYPE 01: fixed Huffman codes

  const insert = (i: number): void => {
    if (i + MIN_MATCH > n) return;
    const h = hashAt(data, i);
    prev[i % WINDOW] = head[h] as number;
    head[h] = i;
  };

  let i = 0;
  while (i < n) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= n) {
      const limit = Math.min(MAX_MATCH, n - i);
      let candidate = head[hashAt(data, i)] as number;
      for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
        let length = 0;
        while (length < limit && data[candidate + length] === data[i + length]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = i - candidate;
          if (length === limit) break;
        }
        const next = prev[candidate % WINDOW] as number;
        if (next >= candidate) break;
        candidate = next;
      }
    }
    if (bestLength >= MIN_MATCH) {
      match(out, bestLength, bestDistance);
      for (let k = 0; k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      symbol(out, data[i] as number);
      insert(i);
      i++;
    }
  }
  symbol(out, 256); // end of block
  return out.finish();
}
