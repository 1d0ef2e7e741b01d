/**
 * A streaming .xlsx writer: sheets are written one after another straight into a deflated zip
 * on disk, with inline strings and named styles, so memory does not grow with the row count.
 * The file is written under a temporary name beside the target and renamed when complete; on
 * any failure the temporary file is deleted and the target is left as it was.
 *
 *   const book = await createWorkbookWriter(path, { styles: { money: { numFmt: '0.00' } } });
 *   const sheet = book.addSheet('明细', { columns: [{ width: 12 }], frozenRows: 1, autoFilter: true });
 *   await sheet.addRow(['客户', { value: 12.5, style: 'money' }]);
 *   await sheet.end();
 *   await book.end();
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkSheetName } from './sheet-name.js';
import { SheetWriter, type Cell, type SheetOptions, type StyleKind } from './sheet-writer.js';
import { DEFAULT_DATE_FORMAT, StyleRegistry, type CellStyle } from './style-registry.js';
import { contentTypesXml, rootRelsXml, workbookRelsXml, workbookXml, type WrittenSheet } from './workbook-parts.js';
import { ZipWriter } from './zip-writer.js';

export type { Cell, CellValue, ColumnSpec, FormulaCell, SheetOptions, StyledCell } from './sheet-writer.js';
export type { CellStyle } from './style-registry.js';
export { ZipLimitError } from './zip-writer.js';

export interface WorkbookWriterOptions<S extends string> {
  /** Named cell styles; cells and columns refer to them by name. */
  readonly styles?: Readonly<Record<S, CellStyle>>;
  /** Deflate level 0 … 9; 1 (fastest) by default, as exceljs. */
  readonly compressionLevel?: number;
  /** The date format for Date cells whose style has none. */
  readonly dateFormat?: string;
}

export interface WorksheetWriter<S extends string> {
  readonly name: string;
  readonly rowCount: number;
  addRow(cells: readonly Cell<S>[]): Promise<void>;
  end(): Promise<void>;
}

export interface WorkbookWriter<S extends string> {
  /** Opens the next sheet; the previous one must have ended. */
  addSheet(name: string, options?: SheetOptions<S>): WorksheetWriter<S>;
  /** Finishes the package and renames it to its path. */
  end(): Promise<void>;
  /** Gives up: closes and deletes the temporary file. */
  abort(): Promise<void>;
}

class Book<S extends string> implements WorkbookWriter<S> {
  private readonly sheets: WrittenSheet[] = [];
  private current: SheetWriter<S> | null = null;
  private readonly registry = new StyleRegistry();
  private readonly xfCache = new Map<string, number>();
  private state: 'open' | 'done' | 'failed' = 'open';

  constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly zip: ZipWriter,
    private readonly options: WorkbookWriterOptions<S>,
  ) {}

  private readonly resolve = (style: string | undefined, kind: StyleKind): number => {
    const key = `${kind}\u0000${style ?? ''}`;
    const known = this.xfCache.get(key);
    if (known !== undefined) return known;
    const styles: Readonly<Record<string, CellStyle>> = this.options.styles ?? {};
    let spec: CellStyle = {};
    if (style !== undefined) {
      const named = Object.hasOwn(styles, style) ? styles[style] : undefined;
      if (named === undefined) throw new RangeError(`style "${style}" is not defined`);
      spec = named;
    }
    if (kind === 'date' && spec.numFmt === undefined) spec = { ...spec, numFmt: this.options.dateFormat ?? DEFAULT_DATE_FORMAT };
    if (kind === 'quoted') spec = { ...spec, quotePrefix: true };
    const xf = this.registry.xfOf(spec);
    this.xfCache.set(key, xf);
    return xf;
  };

  private checkOpen(): void {
    if (this.state !== 'open') throw new Error(`the workbook writer has ${this.state === 'done' ? 'ended' : 'failed'}`);
  }

  /** Deletes the temporary file, then rethrows. */
  async fail(error: unknown): Promise<never> {
    await this.abort();
    throw error;
  }

  addSheet(name: string, options: SheetOptions<S> = {}): WorksheetWriter<S> {
    this.checkOpen();
    if (this.current !== null && !this.current.isEnded) throw new Error(`end sheet "${this.current.name}" before adding "${name}"`);
    checkSheetName(name, this.sheets.map((s) => s.name));
    const part = `xl/worksheets/sheet${this.sheets.length + 1}.xml`;
    const sheet = new SheetWriter<S>(name, this.zip.openEntry(part), options, this.resolve);
    this.current = sheet;
    return {
      name,
      get rowCount() {
        return sheet.rowCount;
      },
      addRow: (cells) => (this.state === 'open' ? sheet.addRow(cells).catch((e: unknown) => this.fail(e)) : Promise.reject(new Error('the workbook writer is no longer open'))),
      end: async () => {
        if (sheet.isEnded) return;
        try {
          this.checkOpen();
          await sheet.end();
          this.sheets.push({ name, part, filterRange: sheet.filterRange() });
        } catch (error) {
          await this.fail(error);
        }
      },
    };
  }

  async end(): Promise<void> {
    this.checkOpen();
    try {
      if (this.current !== null && !this.current.isEnded) throw new Error(`sheet "${this.current.name}" has not ended`);
      if (this.sheets.length === 0) throw new Error('a workbook needs at least one sheet');
      await this.zip.addEntry('xl/styles.xml', this.registry.stylesXml());
      await this.zip.addEntry('xl/workbook.xml', workbookXml(this.sheets));
      await this.zip.addEntry('xl/_rels/workbook.xml.rels', workbookRelsXml(this.sheets));
      await this.zip.addEntry('_rels/.rels', rootRelsXml());
      await this.zip.addEntry('[Content_Types].xml', contentTypesXml(this.sheets));
      await this.zip.end();
      await rename(this.temp, this.path);
      this.state = 'done';
    } catch (error) {
      await this.fail(error);
    }
  }

  async abort(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'failed';
    await this.zip.abort();
    await rm(this.temp, { force: true });
  }
}

export async function createWorkbookWriter<S extends string = never>(path: string, options: WorkbookWriterOptions<S> = {}): Promise<WorkbookWriter<S>> {
  const level = options.compressionLevel ?? 1;
  if (!Number.isInteger(level) || level < 0 || level > 9) throw new RangeError('the compression level must be 0 … 9');
  // Styles are checked first, so a bad colour or format fails before a file is made.
  for (const style of Object.values<CellStyle>(options.styles ?? ({} as Record<S, CellStyle>))) new StyleRegistry().xfOf(style);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const out = createWriteStream(temp, { flags: 'wx', highWaterMark: 1024 * 1024 });
  try {
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return new Book<S>(path, temp, new ZipWriter(out, level), options);
}
