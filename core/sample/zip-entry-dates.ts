/**
 * Sets the date of every entry of a finished zip file (a workbook), in place. exceljs's streaming
 * writer leaves entry dates to archiver, which stamps each with the current time, so the same
 * sample written twice differed in its bytes and the import's same-file check (SHA-256) took it
 * for new files. Only the entries' DOS date-time fields change, in their local headers and in the
 * central directory; the rest of the file is neither read nor written.
 */
import { open, type FileHandle } from 'node:fs/promises';

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_LENGTH = 22;
const CENTRAL_LENGTH = 46;
const MAX_COMMENT = 0xffff;
/** Fields at their maximum mean the real value is in a ZIP64 record. */
const ZIP64_MARK = 0xffffffff;

function dosDateTime(date: Date): Buffer {
  const bytes = Buffer.alloc(4);
  // UTC, as archiver writes them: the same date gives the same bytes in every time zone.
  bytes.writeUInt16LE((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2), 0);
  bytes.writeUInt16LE(((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(), 2);
  return bytes;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function endRecordOffset(tail: Buffer): number {
  for (let i = tail.length - END_LENGTH; i >= 0; i--) if (tail.readUInt32LE(i) === END_SIGNATURE) return i;
  return -1;
}

/** `date` from 1980 to 2107 (DOS dates); throws for a file that is not a plain (non-ZIP64) zip. */
export async function setZipEntryDates(path: string, date: Date): Promise<void> {
  const stamp = dosDateTime(date);
  const file = await open(path, 'r+');
  try {
    const { size } = await file.stat();
    const tailStart = Math.max(0, size - END_LENGTH - MAX_COMMENT);
    const tail = await readAt(file, tailStart, size - tailStart);
    const end = endRecordOffset(tail);
    if (end < 0) throw new Error(`not a zip file: ${path}`);
    const centralSize = tail.readUInt32LE(end + 12);
    const centralOffset = tail.readUInt32LE(end + 16);
    if (centralSize === ZIP64_MARK || centralOffset === ZIP64_MARK) throw new Error(`ZIP64 is not supported: ${path}`);
    const central = await readAt(file, centralOffset, centralSize);
    for (let p = 0; p + CENTRAL_LENGTH <= central.length; ) {
      if (central.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw new Error(`bad central directory in ${path}`);
      const localOffset = central.readUInt32LE(p + 42);
      const local = await readAt(file, localOffset, 4);
      if (local.length < 4 || local.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new Error(`bad local header in ${path}`);
      await file.write(stamp, 0, 4, localOffset + 10);
      stamp.copy(central, p + 12);
      p += CENTRAL_LENGTH + central.readUInt16LE(p + 28) + central.readUInt16LE(p + 30) + central.readUInt16LE(p + 32);
    }
    await file.write(central, 0, central.length, centralOffset);
  } finally {
    await file.close();
  }
}
