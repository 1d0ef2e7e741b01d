import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Utf8Validator } from '../../../core/io/csv/decode-text.js';
import { readCsvTable } from '../../../core/io/csv/read-csv-table.js';
import { loadCsvBytes, parseCsvRows } from './whole-file-csv.js';
import { scanCsvFile, streamCsvRows } from '../../../core/io/csv/stream-csv-file.js';
import { tempDir } from '../../support/paths.js';

const dir = tempDir('csv-stream');
let fileCount = 0;

function file(content: string | Uint8Array): string {
  const path = join(dir, `f${++fileCount}.csv`);
  writeFileSync(path, content);
  return path;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Chunk sizes that cut every multi-byte character, CRLF and quote somewhere. */
const CHUNK_SIZES = [1, 2, 3, 4, 5, 7, 13, 64];

/** The whole-file read the import used before streaming: the oracle. */
async function wholeFile(path: string): Promise<unknown> {
  const loaded = await loadCsvBytes(path);
  if (!loaded.ok) return { failure: loaded.failure };
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const failure = parseCsvRows(loaded.utf8, (cells, row) => {
    rows.push(cells);
    rowNumbers.push(row);
  });
  return failure === null ? { rows, rowNumbers, sha256: loaded.sha256 } : { failure };
}

async function streamed(path: string, chunkSize: number): Promise<unknown> {
  const read = await readCsvTable(path, { chunkSize });
  if (!read.ok) return { failure: read.failure };
  return { rows: read.table.rows, rowNumbers: read.table.rowNumbers, sha256: read.table.source.sha256 };
}

async function expectSameAsWholeFile(content: Uint8Array): Promise<unknown> {
  const path = file(content);
  const expected = await wholeFile(path);
  for (const chunkSize of CHUNK_SIZES) expect({ chunkSize, read: await streamed(path, chunkSize) }).toEqual({ chunkSize, read: expected });
  return expected;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

// Quoted cells with line breaks and quotes, CRLF, blank lines, Chinese (3 bytes in UTF-8, 2 in
// GBK) and, for UTF-8 and GB18030, characters of 4 bytes.
const TEXT = '用户编号,分公司,备注\r\n001,郑州,"多行\r\n备注，含""引号"""\r\n\r\n002,洛阳,普通\r\n003,"开封",\r\n';
const WIDE = '客户,名称\n1,"𠀀𠀁\n😀"\n2,末尾';

describe('streamed CSV read, chunk by chunk', () => {
  it('gives the whole-file rows, row numbers and SHA-256 for UTF-8 with and without a BOM', async () => {
    for (const bytes of [Buffer.from(TEXT), Buffer.concat([BOM, Buffer.from(TEXT)]), Buffer.from(WIDE)]) {
      const expected = await expectSameAsWholeFile(bytes);
      expect(expected).toMatchObject({ sha256: sha256(bytes) });
    }
    const read = await readCsvTable(file(Buffer.concat([BOM, Buffer.from(TEXT)])), { chunkSize: 2 });
    expect(read.ok && read.table.rows.slice(0, 3)).toEqual([['用户编号', '分公司', '备注'], ['001', '郑州', '多行\r\n备注，含"引号"'], ['']]);
    expect(read.ok && read.table.rowNumbers).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the whole-file rows for GBK and GB18030, with the SHA-256 of the raw bytes', async () => {
    const cases: [Buffer, string[]][] = [
      [iconv.encode(TEXT, 'gbk'), ['用户编号', '分公司', '备注']],
      [iconv.encode(WIDE, 'gb18030'), ['客户', '名称']],
      // iconv-lite keeps a GB18030 BOM (84 31 95 33) as U+FEFF; the header matching strips it.
      [iconv.encode(`\ufeff${TEXT}`, 'gb18030'), ['\ufeff用户编号', '分公司', '备注']],
    ];
    for (const [bytes, header] of cases) {
      const expected = await expectSameAsWholeFile(bytes);
      expect(expected).toMatchObject({ sha256: sha256(bytes) });
      expect((expected as { rows?: string[][] }).rows?.[0]).toEqual(header);
    }
    const wide = await readCsvTable(file(iconv.encode(WIDE, 'gb18030')), { chunkSize: 1 });
    expect(wide.ok && wide.table.rows[1]).toEqual(['1', '𠀀𠀁\n😀']);
  });

  it('reports a syntax error several chunks in with the whole-file row, column and line', async () => {
    const good = '用户编号,账期,备注\n'.concat(...Array.from({ length: 40 }, (_, i) => `${i},"2026-09","第${i}行\n续"\n`));
    for (const bad of ['1,"2"x,3\n', '1,2,"open\n']) {
      for (const bytes of [Buffer.from(good + bad), iconv.encode(good + bad, 'gbk')]) {
        const expected = await expectSameAsWholeFile(bytes);
        expect(expected).toMatchObject({ failure: { row: 42, problem: { code: 'row.csv_syntax' } } });
      }
    }
    const quote = await readCsvTable(file(Buffer.from(`${good}1,"2"x,3\n`)), { chunkSize: 16 });
    expect(quote.ok ? null : quote.failure).toMatchObject({ row: 42, columnNumber: 2 });
    expect(quote.ok ? '' : quote.failure.problem.en).toContain('line 82');
  });

  it('takes a file that is valid UTF-8 for many chunks and then is not as GBK, as the whole-file check does', async () => {
    const ascii = 'id,name\n'.concat(...Array.from({ length: 50 }, (_, i) => `${i},x\n`));
    const lateGbk = Buffer.concat([Buffer.from(ascii), iconv.encode('51,郑州\n', 'gbk')]);
    expect(await expectSameAsWholeFile(lateGbk)).toMatchObject({ rows: expect.arrayContaining([['51', '郑州']]) as unknown });
    // UTF-8 Chinese early and GBK later: GB18030 for the whole file, whatever that gives.
    await expectSameAsWholeFile(Buffer.concat([Buffer.from('id,分公司\n'), Buffer.from(ascii), iconv.encode('51,郑州\n', 'gbk')]));
    // A character cut off at the end of the file.
    await expectSameAsWholeFile(Buffer.from('id\n郑').subarray(0, 5));
  });

  it('refuses what the whole-file read refuses, with the same problem', async () => {
    const ascii = 'a,b\n'.repeat(30);
    const cases: [Uint8Array, string][] = [
      [Buffer.concat([BOM, Buffer.from(ascii), iconv.encode('郑州\n', 'gbk')]), 'file.bad_utf8'],
      [Buffer.concat([Buffer.from(ascii), Buffer.from([0x41, 0xff, 0x42, 0x0a])]), 'file.unknown_encoding'],
      [Buffer.concat([iconv.encode('郑州\n', 'gbk'), Buffer.from(ascii), Buffer.from([0x81, 0x0a])]), 'file.unknown_encoding'],
      [new Uint8Array(0), 'file.empty'],
    ];
    for (const [bytes, code] of cases) expect(await expectSameAsWholeFile(bytes)).toMatchObject({ failure: { problem: { code } } });
    expect(await readCsvTable(join(dir, 'missing.csv'), { chunkSize: 4 })).toMatchObject({ ok: false, failure: { problem: { code: 'file.not_found' } } });
  });

  it('hands over the rows before a syntax error and rethrows an error of the row sink', async () => {
    const path = file('a\nb\n"c"x\nd\n');
    const scanned = await scanCsvFile(path, { chunkSize: 3 });
    if (!scanned.ok) throw new Error('scan failed');
    const seen: number[] = [];
    const failure = await streamCsvRows(path, scanned.scan, (_, row) => seen.push(row), { chunkSize: 3 });
    expect(seen).toEqual([1, 2]);
    expect(failure).toMatchObject({ row: 3, columnNumber: 1 });
    const boom = new Error('sink failed');
    await expect(
      streamCsvRows(
        path,
        scanned.scan,
        () => {
          throw boom;
        },
        { chunkSize: 3 },
      ),
    ).rejects.toBe(boom);
  });

  it('refuses rows whose file changed after it was hashed', async () => {
    const path = file('a,b\n1,2\n');
    const scanned = await scanCsvFile(path);
    if (!scanned.ok) throw new Error('scan failed');
    writeFileSync(path, 'a,b\n1,3\n');
    expect(await streamCsvRows(path, scanned.scan, () => undefined)).toMatchObject({ problem: { code: 'file.read_failed' } });
  });
});

describe('Utf8Validator', () => {
  it('gives isUtf8 of the whole, however the bytes are cut', () => {
    // Bytes biased towards UTF-8 lead and continuation bytes, so both verdicts are common.
    const byte = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }));
    const text = fc.string({ unit: 'binary' }).map((s) => [...Buffer.from(s)]);
    fc.assert(
      fc.property(fc.oneof(fc.array(byte, { maxLength: 40 }), text), fc.array(fc.nat({ max: 41 }), { maxLength: 6 }), (bytes, cuts) => {
        const whole = Buffer.from(bytes);
        const validator = new Utf8Validator();
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const to = Math.min(cut, whole.length);
          validator.push(whole.subarray(from, Math.max(from, to)));
          from = Math.max(from, to);
        }
        validator.push(whole.subarray(from));
        expect(validator.end()).toBe(isUtf8(whole));
      }),
      { numRuns: 2000 },
    );
  });
});
