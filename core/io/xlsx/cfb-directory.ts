/**
 * Lists the stream names of a Compound File Binary container (the legacy Office format: .xls,
 * and also what Excel wraps an encrypted .xlsx in). Only the directory is read — enough to tell
 * an encrypted workbook (an "EncryptionInfo" stream) from an old .xls. Every sector number is
 * bounds-checked and every chain walk is capped, so a damaged header only shortens the list.
 */
import type { FileHandle } from 'node:fs/promises';

const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;
/** A directory this long would describe ~500k streams; real ones have a handful. */
const MAX_CHAIN_SECTORS = 4096;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

export async function cfbStreamNames(file: FileHandle, fileSize: number): Promise<string[]> {
  const header = await readAt(file, 0, 512);
  if (header.length < 512) return [];
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor(fileSize / sectorSize) - 1;
  const inFile = (sector: number): boolean => sector >= 0 && sector < sectorCount;
  const readSector = (sector: number): Promise<Buffer> => readAt(file, (sector + 1) * sectorSize, sectorSize);

  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) fatSectors.push(header.readUInt32LE(0x4c + 4 * i));
  let difat = header.readUInt32LE(0x44);
  for (let walked = 0; inFile(difat) && walked < MAX_CHAIN_SECTORS; walked++) {
    const sector = await readSector(difat);
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector; i++) fatSectors.push(sector.readUInt32LE(4 * i));
    difat = sector.readUInt32LE(4 * perSector);
  }

  const entriesPerFatSector = sectorSize / 4;
  const nextSector = async (sector: number): Promise<number> => {
    const fatSector = fatSectors[Math.floor(sector / entriesPerFatSector)];
    if (fatSector === undefined || !inFile(fatSector)) return END_OF_CHAIN;
    const entry = await readAt(file, (fatSector + 1) * sectorSize + 4 * (sector % entriesPerFatSector), 4);
    return entry.length === 4 ? entry.readUInt32LE(0) : END_OF_CHAIN;
  };

  const names: string[] = [];
  const seen = new Set<number>();
  for (let sector = header.readUInt32LE(0x30); inFile(sector) && !seen.has(sector) && seen.size < MAX_CHAIN_SECTORS; sector = await nextSector(sector)) {
    seen.add(sector);
    const data = await readSector(sector);
    for (let offset = 0; offset + DIRECTORY_ENTRY_BYTES <= data.length; offset += DIRECTORY_ENTRY_BYTES) {
      // The length counts the terminating NUL; an unused entry has length 0.
      const nameBytes = data.readUInt16LE(offset + 64);
      if (nameBytes >= 2 && nameBytes <= 64) names.push(data.toString('utf16le', offset, offset + nameBytes - 2));
    }
  }
  return names;
}
