/**
 * Text encoding of a CSV file. Excel on Chinese Windows saves "CSV" in GBK (GB18030 is its
 * superset) and "CSV UTF-8" with a BOM; other tools write UTF-8 without one. Valid UTF-8 is
 * taken as UTF-8 because GBK text of any length is almost never valid UTF-8 by accident.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Problem } from '../../model/messages.js';
import { fileIssues } from '../input-messages.js';

export type TextEncodingName = 'utf-8' | 'gb18030';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly problem: Problem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** The file's encoding, checked without decoding it; a BOM before invalid UTF-8 is a problem. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName | Problem {
  if (isUtf8(bytes)) return 'utf-8';
  return hasUtf8Bom(bytes) ? fileIssues.badUtf8 : 'gb18030';
}

/** Decodes the whole file; the BOM, if any, is dropped. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const encoding = detectEncoding(bytes);
  if (typeof encoding !== 'string') return { ok: false, problem: encoding };
  if (encoding === 'utf-8') return { ok: true, text: new TextDecoder('utf-8').decode(bytes), encoding };
  const text = iconv.decode(bytes, 'gb18030');
  // iconv-lite replaces byte sequences GB18030 does not define with U+FFFD.
  if (text.includes('\ufffd')) return { ok: false, problem: fileIssues.unknownEncoding };
  return { ok: true, text, encoding };
}
