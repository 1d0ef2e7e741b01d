/**
 * A CSV file of any size (a 10M-customer usage.csv is 3.4 GB) read as a stream of rows with
 * bounded memory: neither the file nor its text is ever whole in memory. Two passes, because
 * the import needs the file's SHA-256 before its first row (a file already read is skipped) and
 * the encoding is a verdict on the whole file (decode-text.ts): a file that is valid UTF-8 for
 * its first gigabyte and then is not is GBK, so its first row cannot be decoded until the end
 * has been seen. The first pass (scanCsvFile) hashes and checks the encoding (about 1 s per GB
 * from the page cache); the second (streamCsvRows) decodes and parses chunk by chunk.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { fileIssues } from '../input-messages.js';
import { readFailure, syntaxFailure, type CsvFailure } from './csv-failure.js';
import { Gb18030Decoder, hasUtf8Bom, Utf8Validator, type TextEncodingName } from './decode-text.js';

/** Bytes read at a time: big enough that per-chunk costs vanish, small enough to be nothing next to the KB. */
export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

export interface CsvStreamOptions {
  /** Bytes per read (default 8 MiB); tests make it tiny so characters and records straddle chunks. */
  readonly chunkSize?: number;
}

/** What the first pass learnt about a file. */
export interface CsvScan {
  readonly sha256: string;
  readonly encoding: TextEncodingName;
  /** A UTF-8 byte order mark the rows must not see. */
  readonly bom: boolean;
}

export type CsvScanResult = { readonly ok: true; readonly scan: CsvScan } | { readonly ok: false; readonly failure: CsvFailure };

function chunks(path: string, options: CsvStreamOptions): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_CHUNK_SIZE });
}

/**
 * First pass: the SHA-256 of the raw bytes and the encoding, with loadCsvBytes's verdicts and
 * messages (missing, unreadable, empty, bad UTF-8 after a BOM, neither UTF-8 nor GB18030).
 */
export async function scanCsvFile(path: string, options: CsvStreamOptions = {}): Promise<CsvScanResult> {
  const hash = createHash('sha256');
  const utf8 = new Utf8Validator();
  let head = Buffer.alloc(0);
  let size = 0;
  // A GBK file is almost always invalid UTF-8 in its first chunk: its GB18030 check then runs
  // in this pass; otherwise it needs a pass of its own.
  let gb: Gb18030Decoder | null = null;
  try {
    for await (const chunk of chunks(path, options)) {
      hash.update(chunk);
      if (head.length < 3) head = Buffer.concat([head, chunk.subarray(0, 3 - head.length)]);
      utf8.push(chunk);
      if (gb !== null) gb.write(chunk);
      else if (size === 0 && !utf8.valid && head.length === 3 && !hasUtf8Bom(head)) {
        gb = new Gb18030Decoder();
        gb.write(chunk);
      }
      size += chunk.length;
    }
  } catch (error) {
    return { ok: false, failure: readFailure(error) };
  }
  if (size === 0) return { ok: false, failure: { problem: fileIssues.empty } };
  const sha256 = hash.digest('hex');
  const bom = hasUtf8Bom(head);
  if (utf8.end()) return { ok: true, scan: { sha256, encoding: 'utf-8', bom } };
  if (bom) return { ok: false, failure: { problem: fileIssues.badUtf8 } };
  if (gb === null) {
    gb = new Gb18030Decoder();
    try {
      for await (const chunk of chunks(path, options)) {
        gb.write(chunk);
        if (gb.bad) break;
      }
    } catch (error) {
      return { ok: false, failure: readFailure(error) };
    }
  }
  gb.end();
  if (gb.bad) return { ok: false, failure: { problem: fileIssues.unknownEncoding } };
  return { ok: true, scan: { sha256, encoding: 'gb18030', bom: false } };
}

function write(parser: Parser, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    parser.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Second pass: decodes and parses the file chunk by chunk into onRow, with parseCsvRows's
 * options, row numbers and syntax messages; each chunk is parsed before the next is read. The
 * rows before a syntax error have been handed over. An error thrown by onRow is rethrown.
 */
export async function streamCsvRows(
  path: string,
  scan: CsvScan,
  onRow: (cells: string[], row: number) => void,
  options: CsvStreamOptions = {},
): Promise<CsvFailure | null> {
  const parser = parse({
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], context) => {
      onRow(record, context.records);
      return null;
    },
  });
  // Errors are taken from the write callbacks and finished(); this keeps them from being unhandled.
  parser.on('error', () => undefined);
  const hash = createHash('sha256');
  const decoder = scan.encoding === 'gb18030' ? new Gb18030Decoder() : null;
  let skip = scan.bom ? 3 : 0;
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? DEFAULT_CHUNK_SIZE });
  const reader = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await reader.next();
      } catch (error) {
        return readFailure(error);
      }
      if (next.done === true) break;
      let chunk = next.value;
      hash.update(chunk);
      if (skip > 0) {
        const dropped = Math.min(skip, chunk.length);
        chunk = chunk.subarray(dropped);
        skip -= dropped;
      }
      const bytes = decoder === null ? chunk : Buffer.from(decoder.write(chunk), 'utf8');
      if (bytes.length > 0) await write(parser, bytes);
    }
    const rest = decoder?.end() ?? '';
    if (rest !== '') await write(parser, Buffer.from(rest, 'utf8'));
    parser.end();
    await finished(parser, { readable: false });
  } catch (error) {
    if (error instanceof CsvError) return syntaxFailure(error);
    throw error;
  } finally {
    stream.destroy();
  }
  // The hash the import recorded must be that of the rows it read.
  if (hash.digest('hex') !== scan.sha256) return { problem: fileIssues.readFailed('文件在读取时被修改 the file changed while it was read') };
  return null;
}
