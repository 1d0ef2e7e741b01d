/**
 * Reads an .xlsx (or .xlsm) file sheet by sheet, streaming each worksheet's rows to the caller
 * without keeping them: the file is never loaded whole, only its zip directory, the shared
 * strings and the styles are held. Every problem — from a renamed CSV to a zip bomb to a
 * #DIV/0! — is reported through the callbacks, never thrown.
 *
 * Policies: hidden and very hidden sheets are skipped with a warning (their data is usually a
 * lookup table or an old copy, not input); chart, dialog and macro sheets are skipped with a
 * warning; macros are never run (an .xlsm is read with a warning); formulas are never
 * recalculated — cached values are used, and links to other workbooks only warn. The first
 * failure that makes a part unreadable ends the file.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Problem } from '../../model/messages.js';
import { fileIssues, workbookIssues } from '../input-messages.js';
import type { RawCell, TableSource } from '../raw-table.js';
import type { Severity } from '../validation-report.js';
import { CellStylesHandler } from './cell-styles.js';
import { SharedStringsHandler } from './shared-strings.js';
import { checkWorkbookSignature } from './sniff-workbook.js';
import { WorkbookArchive } from './workbook-archive.js';
import { readWorkbookStructure, type SheetInfo } from './workbook-structure.js';
import { WorksheetScanner, type SheetContext } from './worksheet-scanner.js';
import { XlsxFailure, type XlsxLocation } from './xlsx-failure.js';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.js';

export type { XlsxLocation } from './xlsx-failure.js';
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.js';

export type XlsxRowSink = (cells: readonly RawCell[], row: number) => void;

export interface XlsxReadCallbacks {
  /**
   * A visible worksheet is about to stream: return the function that takes its rows (1-based
   * Excel row numbers, empty rows between data rows included), or null to skip the sheet.
   */
  openSheet(source: TableSource): XlsxRowSink | null;
  /** The sheet opened last has ended (also when a failure cut it short). */
  closeSheet(): void;
  problem(severity: Severity, problem: Problem, at: XlsxLocation): void;
}

const HASH_CHUNK_BYTES = 1024 * 1024;
const MACRO_PART = /(^|\/)vbaProject\.bin$/i;

async function sha256Of(file: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(HASH_CHUNK_BYTES);
  for (let position = 0; position < size; ) {
    const { bytesRead } = await file.read(buffer, 0, HASH_CHUNK_BYTES, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

function ioProblem(error: unknown): Problem | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !/^E[A-Z]+$/.test(error.code)) return null;
  return error.code === 'ENOENT' ? fileIssues.notFound : fileIssues.readFailed(error.code);
}

async function readSharedStrings(archive: WorkbookArchive, part: string | null): Promise<string[]> {
  if (part === null) return [];
  const handler = new SharedStringsHandler(archive.limits);
  await archive.readXml(part, handler.tokenizer, true);
  return handler.strings;
}

async function readStyleKinds(archive: WorkbookArchive, part: string | null): Promise<Uint8Array> {
  if (part === null) return new Uint8Array(0);
  const handler = new CellStylesHandler();
  await archive.readXml(part, handler.tokenizer, false);
  return handler.kinds();
}

async function readSheet(archive: WorkbookArchive, sheet: SheetInfo, context: SheetContext, push: XlsxRowSink, callbacks: XlsxReadCallbacks): Promise<void> {
  const at = { sheet: sheet.name };
  const scanner = new WorksheetScanner(context, push, (severity, problem, cell) => callbacks.problem(severity, problem, { ...at, ...cell }));
  await archive.readXml(sheet.part, scanner, true, () => (scanner.currentRow > 0 ? { ...at, row: scanner.currentRow } : at));
}

async function readWorkbook(file: FileHandle, path: string, callbacks: XlsxReadCallbacks, limits: XlsxLimits): Promise<void> {
  const { size } = await file.stat();
  await checkWorkbookSignature(file, size);
  const sha256 = await sha256Of(file, size);
  const archive = await WorkbookArchive.open(file, size, limits);
  const structure = await readWorkbookStructure(archive);
  if (/\.xlsm$/i.test(path) || archive.partNames().some((name) => MACRO_PART.test(name))) {
    callbacks.problem('warning', workbookIssues.macrosIgnored, {});
  }
  if (structure.externalLinks) callbacks.problem('warning', workbookIssues.externalLinks, {});
  const context: SheetContext = {
    strings: await readSharedStrings(archive, structure.sharedStringsPart),
    styleKinds: await readStyleKinds(archive, structure.stylesPart),
    date1904: structure.date1904,
    limits,
  };
  for (const sheet of structure.sheets) {
    if (sheet.type !== 'worksheet') {
      callbacks.problem('warning', workbookIssues.notWorksheet(sheet.name), { sheet: sheet.name });
      continue;
    }
    if (sheet.state !== 'visible') {
      callbacks.problem('warning', workbookIssues.hiddenSheet(sheet.name), { sheet: sheet.name });
      continue;
    }
    const push = callbacks.openSheet({ file: path, sheet: sheet.name, sha256 });
    if (push === null) continue;
    try {
      await readSheet(archive, sheet, context, push, callbacks);
    } finally {
      callbacks.closeSheet();
    }
  }
}

/** Reads every visible worksheet of the workbook at `path` into the callbacks. */
export async function readXlsxFile(path: string, callbacks: XlsxReadCallbacks, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<void> {
  let file: FileHandle | null = null;
  try {
    file = await open(path, 'r');
    await readWorkbook(file, path, callbacks, limits);
  } catch (error) {
    if (error instanceof XlsxFailure) {
      callbacks.problem('error', error.problem, error.at);
      return;
    }
    const problem = ioProblem(error);
    if (problem === null) throw error;
    callbacks.problem('error', problem, {});
  } finally {
    await file?.close();
  }
}
