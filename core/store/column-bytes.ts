/**
 * Typed arrays ⇄ BLOB bytes. A column is stored as the array's own bytes (little-endian, as on
 * every platform the app ships for), so writing is a view and reading is a view when SQLite's
 * buffer is aligned: no parsing, no per-value work.
 */
import type { Bilingual } from '../model/messages.js';
import { StoreError, storeIssues } from './store-errors.js';

type Typed = Float64Array | Int32Array | Int16Array | Uint16Array | Uint8Array;

export function bytesOf(array: Typed): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function view<T extends Typed>(
  bytes: Uint8Array,
  length: number,
  what: Bilingual,
  Ctor: { new (length: number): T; new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; readonly BYTES_PER_ELEMENT: number },
): T {
  const size = Ctor.BYTES_PER_ELEMENT;
  if (bytes.byteLength !== length * size) throw new StoreError(storeIssues.corrupt(what));
  if (bytes.byteOffset % size === 0) return new Ctor(bytes.buffer, bytes.byteOffset, length);
  // Small buffers may come from Node's shared pool at any offset; copy those.
  const copy = new Ctor(length);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

export function float64s(bytes: Uint8Array, length: number, what: Bilingual): Float64Array {
  return view(bytes, length, what, Float64Array);
}

export function int32s(bytes: Uint8Array, length: number, what: Bilingual): Int32Array {
  return view(bytes, length, what, Int32Array);
}

export function uint16s(bytes: Uint8Array, length: number, what: Bilingual): Uint16Array {
  return view(bytes, length, what, Uint16Array);
}

export function int16s(bytes: Uint8Array, length: number, what: Bilingual): Int16Array {
  return view(bytes, length, what, Int16Array);
}

export function uint8s(bytes: Uint8Array, length: number, what: Bilingual): Uint8Array {
  return view(bytes, length, what, Uint8Array);
}
