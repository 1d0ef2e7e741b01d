/**
 * Tells what a file named .xlsx really is from its first bytes, before any zip parsing, so the
 * common wrong files get a message that says what to do: an empty download, an old .xls, a
 * password-protected workbook, or a CSV or HTML table that a billing portal named .xlsx.
 */
import type { FileHandle } from 'node:fs/promises';
import { fileIssues, workbookIssues } from '../input-messages.js';
import { cfbStreamNames } from './cfb-directory.js';
import { XlsxFailure } from './xlsx-failure.js';

const SAMPLE_BYTES = 4096;
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function looksLikeText(sample: Buffer): boolean {
  // UTF-16 text (with a BOM) has NUL bytes; any other text, UTF-8 or GBK, has none.
  if (sample[0] === 0xff && sample[1] === 0xfe) return true;
  if (sample[0] === 0xfe && sample[1] === 0xff) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control * 100 < sample.length;
}

/** Throws the right XlsxFailure unless the file starts like a zip archive. */
export async function checkWorkbookSignature(file: FileHandle, fileSize: number): Promise<void> {
  if (fileSize === 0) throw new XlsxFailure(fileIssues.empty);
  const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, fileSize));
  const { bytesRead } = await file.read(sample, 0, sample.length, 0);
  const head = sample.subarray(0, bytesRead);
  // "PK": a local header (PK\3\4) or, for an archive with no entries, the end record (PK\5\6).
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return;
  if (head.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    const names = await cfbStreamNames(file, fileSize);
    throw new XlsxFailure(names.includes('EncryptionInfo') ? workbookIssues.encrypted : workbookIssues.oldXls);
  }
  throw new XlsxFailure(looksLikeText(head) ? workbookIssues.notXlsxText : workbookIssues.notXlsx);
}
