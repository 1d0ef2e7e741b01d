import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './whole-file-csv.js';

const TEXT = '用户编号,账期,应收费用\n001,2026年9月,１２\n';

function result(bytes: Uint8Array): { text: string; encoding: string } | string {
  const r = decodeText(bytes);
  return r.ok ? { text: r.text, encoding: r.encoding } : r.problem.code;
}

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(result(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(result(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads GBK (as GB18030, its superset)', () => {
    expect(result(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads GB18030 characters outside GBK', () => {
    const text = '客户,𠀀\n';
    expect(result(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('refuses a BOM followed by invalid UTF-8', () => {
    expect(result(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(TEXT, 'gbk')]))).toBe('file.bad_utf8');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(result(Buffer.from([0x41, 0xff, 0x42]))).toBe('file.unknown_encoding');
  });
});
