/**
 * Text encoding of a CSV file. Excel on Chinese Windows saves "CSV" in GBK (GB18030 is its
 * superset) and "CSV UTF-8" with a BOM; other tools write UTF-8 without one. Valid UTF-8 is
 * taken as UTF-8 because GBK text of any length is almost never valid UTF-8 by accident.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/**
 * Whether a file read chunk by chunk is valid UTF-8, with the same verdict as isUtf8 over the
 * whole file. A character cut by a chunk boundary is carried into the next chunk: the cut is
 * made before a trailing lead byte whose sequence is incomplete, which in valid UTF-8 is always
 * a character boundary, and valid pieces concatenate to valid UTF-8, so the pieces are all
 * valid exactly when the whole is.
 */
export class Utf8Validator {
  private carry: Buffer | null = null;
  private ok = true;

  get valid(): boolean {
    return this.ok;
  }

  push(chunk: Buffer): void {
    if (!this.ok || chunk.length === 0) return;
    const bytes = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = completeLength(bytes);
    this.carry = cut === bytes.length ? null : Buffer.from(bytes.subarray(cut));
    if (!isUtf8(bytes.subarray(0, cut))) this.ok = false;
  }

  /** The verdict once the file is done: an incomplete character at the end is invalid. */
  end(): boolean {
    if (this.carry !== null) this.ok = false;
    this.carry = null;
    return this.ok;
  }
}

/** Bytes up to the start of a trailing, incomplete multi-byte sequence (all of them if none). */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + length > n ? i : n;
    }
  }
  return n;
}

/** A byte below 0x30 is never part of a GB18030 multi-byte character (leads are 0x81–0xFE, others 0x30–0xFE). */
const GB_STANDALONE_BELOW = 0x30;
/** Past this much text without a comma or line break, a chunk goes to iconv-lite as it is. */
const GB_MAX_CARRY = 64 * 1024 * 1024;

/**
 * A streaming GB18030 decoder giving exactly what iconv.decode gives for the whole file, as
 * decodeText does (a GB18030 BOM stays, as U+FEFF). `bad` turns true once the output holds U+FFFD,
 * decodeText's sign of bytes GB18030 does not define.
 *
 * Hazard: iconv-lite 0.7's DBCS decoder sizes each write's output by that write's bytes, so
 * when a chunk starts with the last byte of a 4-byte character begun in the previous chunk (a
 * surrogate pair from one byte) or re-reads an invalid sequence begun there, the end of the
 * output is silently lost. Each write therefore starts where iconv-lite holds no bytes: right
 * after a byte below 0x30 (a comma, quote or line break, which are in every CSV line), which
 * iconv-lite always decodes on its own; the bytes after the last such byte wait for the next chunk.
 */
export class Gb18030Decoder {
  private readonly decoder = iconv.getDecoder('gb18030');
  private pending: Buffer | null = null;
  private sawBad = false;

  get bad(): boolean {
    return this.sawBad;
  }

  write(chunk: Buffer): string {
    const last = lastStandalone(chunk, chunk.length - 1);
    if (last < 0) {
      const pending = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
      if (pending.length < GB_MAX_CARRY) {
        this.pending = pending;
        return '';
      }
      this.pending = null;
      return this.check(this.decoder.write(pending));
    }
    let text = '';
    let from = 0;
    if (this.pending !== null) {
      // The held bytes with this chunk's bytes up to its first standalone byte, then the rest.
      from = firstStandalone(chunk) + 1;
      text = this.decoder.write(Buffer.concat([this.pending, chunk.subarray(0, from)]));
      this.pending = null;
    }
    if (from <= last) text += this.decoder.write(chunk.subarray(from, last + 1));
    if (last + 1 < chunk.length) this.pending = chunk.subarray(last + 1);
    return this.check(text);
  }

  end(): string {
    const held = this.pending === null ? '' : this.decoder.write(this.pending);
    this.pending = null;
    return this.check(held + (this.decoder.end() ?? ''));
  }

  private check(text: string): string {
    if (text.includes('\ufffd')) this.sawBad = true;
    return text;
  }
}

function lastStandalone(bytes: Uint8Array, from: number): number {
  for (let i = from; i >= 0; i--) if ((bytes[i] ?? 0) < GB_STANDALONE_BELOW) return i;
  return -1;
}

function firstStandalone(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) < GB_STANDALONE_BELOW) return i;
  return -1;
}
