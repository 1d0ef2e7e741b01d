/**
 * The whole-file CSV read the import used before it streamed (one Buffer, csv-parse/sync): the
 * oracle the streaming reader's tests compare rows, row numbers, hashes and failures against.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse/sync';
import { readFailure, syntaxFailure, type CsvFailure } from '../../../core/io/csv/csv-failure.js';
import { hasUtf8Bom, type TextEncodingName } from '../../../core/io/csv/decode-text.js';
import { fileIssues } from '../../../core/io/input-messages.js';
import type { Problem } from '../../../core/model/messages.js';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly problem: Problem };

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

export type CsvBytesResult =
  | { readonly ok: true; readonly utf8: Uint8Array; readonly sha256: string }
  | { readonly ok: false; readonly failure: CsvFailure };

/**
 * Reads a whole file (fine up to a few hundred MB; the import streams instead, see
 * stream-csv-file.ts, as a GBK file's text must fit V8's 512 Mi-character string limit here),
 * hashes it and returns its text as UTF-8 bytes without a BOM. csv-parse works on UTF-8 bytes (it turns a string back into a Buffer),
 * so a UTF-8 file is passed through undecoded, saving a string copy of the whole file (two
 * bytes per character once it holds any Chinese).
 */
export async function loadCsvBytes(path: string): Promise<CsvBytesResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, failure: readFailure(error) };
  }
  if (bytes.length === 0) return { ok: false, failure: { problem: fileIssues.empty } };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-8') return { ok: true, utf8: hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes, sha256 };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, failure: { problem: decoded.problem } };
  return { ok: true, utf8: Buffer.from(decoded.text, 'utf8'), sha256 };
}

/**
 * Parses CSV (a string, or UTF-8 bytes) record by record into onRow, without keeping the
 * records, so a million-row file costs no more than its text. Ragged rows are allowed (missing
 * cells are empty). Returns the syntax failure, if any; the rows before it have been handed over.
 */
export function parseCsvRows(csv: string | Uint8Array, onRow: (cells: string[], row: number) => void): CsvFailure | null {
  try {
    parse(csv, {
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        onRow(record, context.records);
        return null;
      },
    });
    return null;
  } catch (error) {
    if (error instanceof CsvError) return syntaxFailure(error);
    throw error;
  }
}

