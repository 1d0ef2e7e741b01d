/**
 * Sets the modification time of every entry of a zip archive. exceljs (through JSZip) stamps
 * each entry with the time of writing, so without this every run of `npm run templates` would
 * change the committed binaries although their content is the same.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** End record (22 bytes) plus the longest archive comment. */
const END_SEARCH = 22 + 0xffff;

/**
 * MS-DOS time and date fields (2-second resolution). Zip times carry no zone; the UTC fields
 * are used so that the bytes do not depend on the machine's time zone.
 */
function dosTimeAndDate(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

function endRecordOffset(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip archive: no end of central directory record');
}

/** A copy of `zip` whose entries all carry `date`; nothing else changes. */
export function withFixedZipTimes(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosTimeAndDate(date);
  const end = endRecordOffset(out);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`zip central directory entry ${i} is damaged`);
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(day, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip local header of entry ${i} is damaged`);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
