/**
 * The report workbook on disk: exceljs's streaming writer (styles for the colours, shared
 * strings for a small file) into a temporary file beside the target, renamed over it only when
 * complete, so a failure or a kill never leaves a half-written report under the chosen name.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { AddWorksheetOptions, Worksheet } from 'exceljs';

const CREATOR = 'Customer Value Studio';

export class ReportFile {
  private readonly temp: string;
  private readonly output: WriteStream;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  /** Rejects when the file cannot be written; raced against every wait on the writer. */
  private readonly failure: Promise<never>;
  private readonly closed: Promise<void>;

  constructor(private readonly path: string) {
    this.temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
    this.output = createWriteStream(this.temp);
    this.failure = new Promise<never>((_resolve, reject) => this.output.on('error', reject));
    // Observed through finish(); without this a failure before it would be reported as unhandled.
    this.failure.catch(() => undefined);
    this.closed = new Promise((resolve) => this.output.once('close', () => resolve()));
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.output, useStyles: true, useSharedStrings: true });
    this.workbook.creator = CREATOR;
    this.workbook.lastModifiedBy = CREATOR;
  }

  /** Sheets are written one after another: add the next only after committing the last. */
  addSheet(name: string, options: Partial<AddWorksheetOptions>): Worksheet {
    return this.workbook.addWorksheet(name, options);
  }

  /** Completes the workbook and puts it in place. */
  async finish(): Promise<void> {
    await Promise.race([this.workbook.commit(), this.failure]);
    // Renaming an open file fails on Windows.
    await Promise.race([this.closed, this.failure]);
    await rename(this.temp, this.path);
  }

  /** After a failure: removes the temporary file; the target is left as it was. */
  async abandon(): Promise<void> {
    this.output.destroy();
    await this.closed;
    await rm(this.temp, { force: true });
  }
}
