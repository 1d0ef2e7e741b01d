/**
 * The table of contents of a zip archive, read with positional reads from its end: the end of
 * central directory record, then the central directory. Entry sizes and offsets come from the
 * central directory only (local headers may defer them to a data descriptor). Everything a
 * hostile archive could use against the reader is refused here, before any part is inflated:
 * too many entries, duplicate names, absolute or `..` names, zip64.
 */
import type { FileHandle } from 'node:fs/promises';
import { workbookIssues } from '../input-messages.js';
import { XlsxFailure } from './xlsx-failure.js';
import type { XlsxLimits } from './xlsx-limits.js';

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: every entry's data must end before it. */
  readonly dataEnd: number;
  /** The entry with this name, compared case-insensitively as OPC part names are. */
  find(name: string): ZipEntry | undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_BYTES = 20;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_BYTES = 46;
/** Room for every allowed entry with generous names and extra fields; a larger directory is not a workbook. */
const MAX_DIRECTORY_BYTES_PER_ENTRY = 4096;
const DIRECTORY_TOO_LARGE = { zh: '大小异常', en: 'has an implausible size' };
const SATURATED_16 = 0xffff;
const SATURATED_32 = 0xffffffff;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The end record's offset in `tail`: the last signature whose comment runs exactly to the end of the file. */
function findEndRecord(tail: Buffer): number {
  for (let i = tail.length - EOCD_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_BYTES + tail.readUInt16LE(i + 20) === tail.length) return i;
  }
  return -1;
}

function checkName(name: string): void {
  const segments = name.split(/[/\\]/);
  const absolute = name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name);
  if (name === '' || absolute || segments.includes('..') || name.includes('\u0000')) {
    throw new XlsxFailure(workbookIssues.badPartName(name));
  }
}

export async function readZipDirectory(file: FileHandle, fileSize: number, limits: XlsxLimits): Promise<ZipDirectory> {
  const tailStart = Math.max(0, fileSize - EOCD_BYTES - MAX_COMMENT_BYTES);
  const tail = await readAt(file, tailStart, fileSize - tailStart);
  const end = findEndRecord(tail);
  // A download cut short loses the end of the file, where the directory is.
  if (end < 0) throw new XlsxFailure(workbookIssues.truncated);
  if (end >= ZIP64_LOCATOR_BYTES && tail.readUInt32LE(end - ZIP64_LOCATOR_BYTES) === ZIP64_LOCATOR_SIGNATURE) {
    throw new XlsxFailure(workbookIssues.zip64);
  }
  const disk = tail.readUInt16LE(end + 4);
  const directoryDisk = tail.readUInt16LE(end + 6);
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (count === SATURATED_16 || directorySize === SATURATED_32 || directoryOffset === SATURATED_32) {
    throw new XlsxFailure(workbookIssues.zip64);
  }
  // Split archives are never workbooks.
  if (disk !== 0 || directoryDisk !== 0 || tail.readUInt16LE(end + 8) !== count) throw new XlsxFailure(workbookIssues.notXlsx);
  if (count > limits.maxEntries) throw new XlsxFailure(workbookIssues.tooManyParts(limits.maxEntries));
  const endOffset = tailStart + end;
  if (directoryOffset + directorySize > endOffset) throw new XlsxFailure(workbookIssues.truncated);
  if (directorySize > Math.max(count, 1) * MAX_DIRECTORY_BYTES_PER_ENTRY) throw new XlsxFailure(workbookIssues.damagedPart('zip directory', DIRECTORY_TOO_LARGE));

  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_BYTES > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new XlsxFailure(workbookIssues.truncated);
    }
    const nameBytes = directory.readUInt16LE(at + 28);
    const next = at + CENTRAL_BYTES + nameBytes + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (next > directory.length) throw new XlsxFailure(workbookIssues.truncated);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + CENTRAL_BYTES, at + CENTRAL_BYTES + nameBytes),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === SATURATED_32 || entry.uncompressedSize === SATURATED_32 || entry.localHeaderOffset === SATURATED_32) {
      throw new XlsxFailure(workbookIssues.zip64);
    }
    checkName(entry.name);
    const key = entry.name.toLowerCase();
    if (byName.has(key)) throw new XlsxFailure(workbookIssues.duplicatePart(entry.name));
    byName.set(key, entry);
    entries.push(entry);
    at = next;
  }
  return { entries, dataEnd: directoryOffset, find: (name) => byName.get(name.toLowerCase()) };
}
