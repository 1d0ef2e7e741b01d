/**
 * A streaming zip writer over a file write stream: each entry is deflated (raw deflate, level 1
 * by default) while it is written, its sizes and CRC-32 go into a data descriptor after the data
 * (general purpose bit 3), so parts of unknown size never sit in memory. Backpressure is kept
 * end to end: the deflater pauses while the file stream is full, and a write waits while the
 * deflater is full. No zip64: an archive or entry past 4 GB, or past 65,535 entries, is refused.
 */
import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const METHOD_DEFLATE = 8;
const VERSION_NEEDED = 20;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

export class ZipLimitError extends RangeError {
  constructor(what: string) {
    super(`The workbook is too large: ${what} passes the 4 GB zip limit (zip64 is not written).`);
    this.name = 'ZipLimitError';
  }
}

interface CentralRecord {
  readonly name: Buffer;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** One entry being written; close it before opening the next. */
export class ZipEntryWriter {
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private closed = false;

  constructor(
    private readonly zip: ZipWriter,
    private readonly deflate: DeflateRaw,
    private readonly name: Buffer,
    private readonly offset: number,
  ) {
    deflate.on('data', (chunk: Buffer) => {
      this.compressedSize += chunk.length;
      if (!zip.writeRawNow(chunk)) {
        deflate.pause();
        zip.afterDrain(() => deflate.resume());
      }
    });
  }

  /** Resolves when the data can be taken; a full deflater makes the caller wait. */
  async write(data: Buffer): Promise<void> {
    if (this.closed) throw new Error('write after the zip entry was closed');
    this.zip.throwIfFailed();
    if (data.length === 0) return;
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    if (this.size > MAX_32) throw new ZipLimitError(`part ${this.name.toString('utf8')}`);
    if (!this.deflate.write(data)) await once(this.deflate, 'drain');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const ended = once(this.deflate, 'end');
    this.deflate.end();
    await ended;
    this.zip.throwIfFailed();
    if (this.compressedSize > MAX_32) throw new ZipLimitError(`part ${this.name.toString('utf8')}`);
    const descriptor = Buffer.allocUnsafe(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(this.crc >>> 0, 4);
    descriptor.writeUInt32LE(this.compressedSize, 8);
    descriptor.writeUInt32LE(this.size, 12);
    await this.zip.entryClosed(descriptor, { name: this.name, crc: this.crc >>> 0, compressedSize: this.compressedSize, size: this.size, offset: this.offset });
  }
}

export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private current: ZipEntryWriter | null = null;
  private activeDeflate: DeflateRaw | null = null;
  private failure: Error | null = null;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: WriteStream,
    private readonly level = 1,
    modified = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
    out.on('error', (error: Error) => {
      this.failure ??= error;
      this.activeDeflate?.destroy(error);
    });
  }

  throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  /** Writes without waiting; false when the file stream wants the caller to wait for 'drain'. */
  writeRawNow(chunk: Buffer): boolean {
    this.offset += chunk.length;
    return this.out.write(chunk);
  }

  afterDrain(then: () => void): void {
    this.out.once('drain', then);
  }

  private async writeRaw(chunk: Buffer): Promise<void> {
    this.throwIfFailed();
    if (!this.writeRawNow(chunk)) await this.waitDrain();
    if (this.offset > MAX_32) throw new ZipLimitError('the archive');
  }

  private async waitDrain(): Promise<void> {
    await once(this.out, 'drain');
  }

  /** Opens the next entry; its 30-byte header is queued without waiting (the data's writes wait). */
  openEntry(name: string): ZipEntryWriter {
    this.throwIfFailed();
    if (this.current !== null) throw new Error('the previous zip entry is still open');
    if (this.records.length >= MAX_ENTRIES) throw new ZipLimitError('the entry count');
    const encoded = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION_NEEDED, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(METHOD_DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14 … 25) stay zero: they follow in the data descriptor.
    header.writeUInt16LE(encoded.length, 26);
    const offset = this.offset;
    this.writeRawNow(Buffer.concat([header, encoded]));
    const deflate = createDeflateRaw({ level: this.level });
    deflate.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.activeDeflate = deflate;
    this.current = new ZipEntryWriter(this, deflate, encoded, offset);
    return this.current;
  }

  /** Called by the entry once its deflater has ended. */
  async entryClosed(descriptor: Buffer, record: CentralRecord): Promise<void> {
    await this.writeRaw(descriptor);
    this.records.push(record);
    this.current = null;
    this.activeDeflate = null;
  }

  async addEntry(name: string, data: string | Buffer): Promise<void> {
    const entry = this.openEntry(name);
    await entry.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    await entry.close();
  }

  /** Writes the central directory and closes the file. */
  async end(): Promise<void> {
    if (this.current !== null) throw new Error('a zip entry is still open');
    const start = this.offset;
    for (const record of this.records) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION_NEEDED, 4);
      header.writeUInt16LE(VERSION_NEEDED, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(METHOD_DEFLATE, 10);
      header.writeUInt16LE(this.stamp.time, 12);
      header.writeUInt16LE(this.stamp.date, 14);
      header.writeUInt32LE(record.crc, 16);
      header.writeUInt32LE(record.compressedSize, 20);
      header.writeUInt32LE(record.size, 24);
      header.writeUInt16LE(record.name.length, 28);
      header.writeUInt32LE(record.offset, 42);
      await this.writeRaw(Buffer.concat([header, record.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.writeRaw(end);
    const closed = once(this.out, 'close');
    this.out.end();
    await closed;
    this.throwIfFailed();
  }

  /** Stops writing and closes the file without finishing the archive. */
  async abort(): Promise<void> {
    this.activeDeflate?.destroy();
    this.activeDeflate = null;
    if (this.out.closed) return;
    const closed = once(this.out, 'close').catch(() => undefined);
    this.out.destroy();
    await closed;
  }
}
