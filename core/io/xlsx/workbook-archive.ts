/**
 * An open .xlsx file: its zip directory plus the means to stream one part's XML through a
 * tokenizer. Every part read from one file draws on the same inflate budget, and every XML
 * or decoding error comes out as an XlsxFailure naming the part.
 */
import type { FileHandle } from 'node:fs/promises';
import { workbookIssues } from '../input-messages.js';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';
import { XmlDtdError, XmlSyntaxError } from './xml-tokenizer.js';
import { XlsxFailure, type XlsxLocation } from './xlsx-failure.js';
import type { XlsxLimits } from './xlsx-limits.js';
import { readZipDirectory, type ZipDirectory } from './zip-directory.js';
import { streamZipEntry, type InflateBudget } from './zip-entry-stream.js';

/** What takes a part's text: the tokenizer, or a scanner built around one. */
export interface XmlSink {
  write(text: string): void;
  end(): void;
}

const INVALID_UTF8 = { zh: '不是有效的 UTF-8 文本', en: 'not valid UTF-8 text' };

export class WorkbookArchive {
  private readonly budget: InflateBudget = { inflated: 0 };

  private constructor(
    private readonly file: FileHandle,
    private readonly directory: ZipDirectory,
    readonly limits: XlsxLimits,
  ) {}

  static async open(file: FileHandle, fileSize: number, limits: XlsxLimits): Promise<WorkbookArchive> {
    return new WorkbookArchive(file, await readZipDirectory(file, fileSize, limits), limits);
  }

  has(part: string): boolean {
    return this.directory.find(part) !== undefined;
  }

  /** Names of every entry, as stored. */
  partNames(): string[] {
    return this.directory.entries.map((e) => e.name);
  }

  /**
   * Streams the part's text into the sink. `large` parts (worksheets, shared strings) get the
   * large-part cap; `where` adds the sheet and row to a failure's location.
   */
  async readXml(part: string, sink: XmlSink, large: boolean, where: () => XlsxLocation = () => ({})): Promise<void> {
    const entry = this.directory.find(part);
    if (entry === undefined) throw new XlsxFailure(workbookIssues.structureMissing({ zh: `缺少 ${part}`, en: `${part} is missing` }));
    const decoder = new Utf8ChunkDecoder();
    const maxBytes = large ? this.limits.maxLargePartBytes : this.limits.maxPartBytes;
    try {
      await streamZipEntry(this.file, this.directory, entry, { limits: this.limits, budget: this.budget, maxBytes }, (chunk) =>
        sink.write(decoder.decode(chunk)),
      );
      sink.write(decoder.end());
      sink.end();
    } catch (error) {
      if (error instanceof XmlSyntaxError) {
        throw new XlsxFailure(workbookIssues.malformedXml(entry.name, error.reason, error.line, error.column), where());
      }
      if (error instanceof XmlDtdError) throw new XlsxFailure(workbookIssues.dtd(entry.name), where());
      // TextDecoder's fatal mode throws a TypeError with this code.
      if (error instanceof TypeError && 'code' in error && error.code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
        throw new XlsxFailure(workbookIssues.damagedPart(entry.name, INVALID_UTF8), where());
      }
      if (error instanceof XlsxFailure && error.at.sheet === undefined) throw new XlsxFailure(error.problem, { ...where(), ...error.at });
      throw error;
    }
  }
}
