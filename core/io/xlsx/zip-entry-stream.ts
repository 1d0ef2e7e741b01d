/**
 * Streams one zip entry's inflated bytes into a callback, chunk by chunk, reading the file
 * with positional reads and inflating with node:zlib off the main thread. The declared sizes
 * are only a first filter: the running count of inflated bytes is checked after every chunk
 * against the part cap, the file's total cap and the compression ratio (POI's zip-bomb rule),
 * and an entry that inflates past its declared size is stopped at once. Memory stays at a few
 * chunks whatever the entry holds.
 */
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, type InflateRaw, type ZlibOptions } from 'node:zlib';
import type { Bilingual } from '../../model/messages.js';
import { workbookIssues } from '../input-messages.js';
import { XlsxFailure } from './xlsx-failure.js';
import type { XlsxLimits } from './xlsx-limits.js';
import type { ZipDirectory, ZipEntry } from './zip-directory.js';

/** Inflated bytes of the file's parts so far, shared by every part read from one file. */
export interface InflateBudget {
  inflated: number;
}

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_BYTES = 30;
const ENCRYPTED_FLAG = 1;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes per read: small enough that the ratio check sees input and output together. */
const READ_BYTES = 64 * 1024;
/** Inflated chunk size: large enough that per-chunk costs vanish, small enough to stay in cache. */
const INFLATE_CHUNK_BYTES = 256 * 1024;
/**
 * zlib streams pass their options on to the Transform they are, so zlib may inflate this far
 * ahead on the thread pool while the main thread scans (the default, 16 KiB, keeps it idle).
 */
const INFLATE_OPTIONS: ZlibOptions = Object.assign({ chunkSize: INFLATE_CHUNK_BYTES }, { readableHighWaterMark: 4 * INFLATE_CHUNK_BYTES });

const DOES_NOT_INFLATE: Bilingual = { zh: '无法解压', en: 'does not decompress' };
const LONGER_THAN_DECLARED: Bilingual = { zh: '解压后比声明的大小更长', en: 'inflates to more than its declared size' };
const SIZE_MISMATCH: Bilingual = { zh: '解压后的大小与声明的不符', en: 'inflates to a size other than the declared one' };
const CRC_MISMATCH: Bilingual = { zh: '校验和不符', en: 'fails its checksum' };

export interface EntryReadOptions {
  readonly limits: XlsxLimits;
  readonly budget: InflateBudget;
  /** The part's own cap (worksheets and shared strings get the larger one). */
  readonly maxBytes: number;
}

async function* compressedChunks(file: FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  for (let done = 0; done < length; ) {
    const size = Math.min(READ_BYTES, length - done);
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await file.read(buffer, 0, size, start + done);
    if (bytesRead === 0) throw new XlsxFailure(workbookIssues.truncated);
    done += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

async function dataStart(file: FileHandle, directory: ZipDirectory, entry: ZipEntry): Promise<number> {
  const header = Buffer.alloc(LOCAL_BYTES);
  const { bytesRead } = await file.read(header, 0, LOCAL_BYTES, entry.localHeaderOffset);
  if (bytesRead < LOCAL_BYTES || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw new XlsxFailure(workbookIssues.truncated);
  const start = entry.localHeaderOffset + LOCAL_BYTES + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > directory.dataEnd) throw new XlsxFailure(workbookIssues.truncated);
  return start;
}

/** Counts and checks each inflated chunk before handing it on. */
class ChunkGuard {
  inflated = 0;
  crc = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly options: EntryReadOptions,
    /** Compressed bytes consumed so far, given the inflated bytes so far. */
    private readonly compressedSoFar: (inflated: number) => number,
  ) {}

  check(chunk: Buffer): void {
    const { entry, options } = this;
    const { limits, budget } = options;
    this.inflated += chunk.length;
    budget.inflated += chunk.length;
    if (this.inflated > options.maxBytes) throw new XlsxFailure(workbookIssues.partTooLarge(entry.name, options.maxBytes));
    if (budget.inflated > limits.maxTotalBytes) throw new XlsxFailure(workbookIssues.totalTooLarge(entry.name, limits.maxTotalBytes));
    if (this.inflated > entry.uncompressedSize) throw new XlsxFailure(workbookIssues.damagedPart(entry.name, LONGER_THAN_DECLARED));
    if (this.inflated > limits.ratioGraceBytes && this.compressedSoFar(this.inflated) < this.inflated * limits.minInflateRatio) {
      throw new XlsxFailure(workbookIssues.compressionRatio(entry.name));
    }
    this.crc = crc32(chunk, this.crc);
  }

  finish(): void {
    const { entry } = this;
    if (this.inflated !== entry.uncompressedSize) throw new XlsxFailure(workbookIssues.damagedPart(entry.name, SIZE_MISMATCH));
    if (this.crc !== entry.crc32) throw new XlsxFailure(workbookIssues.damagedPart(entry.name, CRC_MISMATCH));
  }
}

/** Checks the declared sizes, so that an honest oversized part is refused before any work. */
function checkDeclared(entry: ZipEntry, options: EntryReadOptions): void {
  const { limits, budget, maxBytes } = options;
  if (entry.flags & ENCRYPTED_FLAG) throw new XlsxFailure(workbookIssues.encryptedPart(entry.name));
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new XlsxFailure(workbookIssues.unsupportedCompression(entry.name, entry.method));
  }
  if (entry.uncompressedSize > maxBytes) throw new XlsxFailure(workbookIssues.partTooLarge(entry.name, maxBytes));
  if (budget.inflated + entry.uncompressedSize > limits.maxTotalBytes) {
    throw new XlsxFailure(workbookIssues.totalTooLarge(entry.name, limits.maxTotalBytes));
  }
  if (entry.uncompressedSize > limits.ratioGraceBytes && entry.compressedSize < entry.uncompressedSize * limits.minInflateRatio) {
    throw new XlsxFailure(workbookIssues.compressionRatio(entry.name));
  }
}

/**
 * Calls onChunk with each inflated chunk of the entry, in order; throws an XlsxFailure for a
 * breached limit or a damaged entry (and passes on whatever onChunk throws), stopping at once.
 */
export async function streamZipEntry(
  file: FileHandle,
  directory: ZipDirectory,
  entry: ZipEntry,
  options: EntryReadOptions,
  onChunk: (chunk: Buffer) => void,
): Promise<void> {
  checkDeclared(entry, options);
  const start = await dataStart(file, directory, entry);
  if (entry.method === STORED) {
    const guard = new ChunkGuard(entry, options, (inflated) => inflated);
    for await (const chunk of compressedChunks(file, start, entry.compressedSize)) {
      guard.check(chunk);
      onChunk(chunk);
    }
    guard.finish();
    return;
  }
  const inflater: InflateRaw = createInflateRaw(INFLATE_OPTIONS);
  // bytesWritten is the input zlib has consumed, so the ratio is exact even with input read ahead.
  const guard = new ChunkGuard(entry, options, () => inflater.bytesWritten);
  try {
    await pipeline(compressedChunks(file, start, entry.compressedSize), inflater, async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        guard.check(chunk);
        onChunk(chunk);
      }
    });
  } catch (error) {
    if (error instanceof XlsxFailure) throw error;
    // zlib's errors carry a code such as Z_DATA_ERROR or Z_BUF_ERROR (input ended early).
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_')) {
      throw new XlsxFailure(workbookIssues.damagedPart(entry.name, DOES_NOT_INFLATE));
    }
    throw error;
  }
  guard.finish();
}
