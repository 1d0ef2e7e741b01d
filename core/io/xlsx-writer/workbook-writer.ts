/**
 * A streaming .xlsx writer: sheets are written one after another straight into a deflated zip
 * on disk, with inline strings and named styles, so memory does not grow with the row count.
 * The file is written under a temporary name beside the target and renamed when complete; on
 * any failure the temporary file is deleted and the target is left as it was.
 *
 *   const book = await createWorkbookWriter(path, { styles: { money: { numFmt: '0.00' } } });
 *   const sheet = book.addSheet('明细', { columns: [{ width: 12 }], frozenRows: 1, autoFilter: true });
 *   await sheet.addRow(['客户', { value: 12.5, style: 'money' }], { height: 30 });
 *   sheet.addNote(1, 1, '客户编号或名称');
 *   sheet.addImage({ png, row: 3, column: 1, width: 480, height: 300 });
 *   await sheet.end();
 *   book.addDefinedName('权重_利润', "'明细'!$B$1");
 *   await book.end();
 *
 * Notes, images and defined names are kept in memory until their sheet or the workbook ends:
 * they are few. A bad one throws a RangeError and is not added; the writer stays usable.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CONTENT_TYPE, contentTypesXml, type PackagePart } from './content-types.js';
import { checkDefinedName, checkSheetReferences, type DefinedName } from './defined-names.js';
import { appPropertiesXml, checkProperties, corePropertiesXml, type DocumentProperties } from './doc-props.js';
import type { SheetImage } from './drawing-part.js';
import { RELATIONSHIP, relationshipsXml } from './relationships-part.js';
import { SheetAttachments, type PartCounters } from './sheet-attachments.js';
import { checkSheetName } from './sheet-name.js';
import { SheetWriter, type Cell, type RowOptions, type SheetOptions, type StyleKind } from './sheet-writer.js';
import { DEFAULT_DATE_FORMAT, StyleRegistry, type CellStyle } from './style-registry.js';
import { workbookXml, type WrittenSheet } from './workbook-parts.js';
import { ZipWriter } from './zip-writer.js';

export type { Cell, CellValue, ColumnSpec, FormulaCell, RowOptions, SheetOptions, StyledCell } from './sheet-writer.js';
export type { CellStyle } from './style-registry.js';
export type { DocumentProperties } from './doc-props.js';
export type { SheetImage } from './drawing-part.js';
export { NOTE_AUTHOR } from './comments-part.js';
export { ZipLimitError } from './zip-writer.js';

export interface WorkbookWriterOptions<S extends string> {
  /** Named cell styles; cells and columns refer to them by name. */
  readonly styles?: Readonly<Record<S, CellStyle>>;
  /** Deflate level 0 … 9; 1 (fastest) by default, as exceljs. */
  readonly compressionLevel?: number;
  /** The date format for Date cells whose style has none. */
  readonly dateFormat?: string;
  /** docProps/core.xml and app.xml. */
  readonly properties?: DocumentProperties;
}

export interface WorksheetWriter<S extends string> {
  readonly name: string;
  readonly rowCount: number;
  addRow(cells: readonly Cell<S>[], options?: RowOptions): Promise<void>;
  /** A note (comment) on a cell, 1-based, shown on hover; one per cell. Before end(). */
  addNote(row: number, column: number, text: string): void;
  /** A PNG picture with its top-left corner at a cell (1-based), sized in pixels. Before end(). */
  addImage(image: SheetImage): void;
  end(): Promise<void>;
}

export interface WorkbookWriter<S extends string> {
  /** Opens the next sheet; the previous one must have ended. */
  addSheet(name: string, options?: SheetOptions<S>): WorksheetWriter<S>;
  /** A workbook-wide name, e.g. ('权重_利润', "'参数'!$B$5"); its sheets must exist when the workbook ends. */
  addDefinedName(name: string, refersTo: string): void;
  /** Finishes the package and renames it to its path. */
  end(): Promise<void>;
  /** Gives up: closes and deletes the temporary file. */
  abort(): Promise<void>;
}

class Book<S extends string> implements WorkbookWriter<S> {
  private readonly sheets: WrittenSheet[] = [];
  /** Every part so far but the sheets and relationship parts, for [Content_Types].xml. */
  private readonly parts: PackagePart[] = [];
  private readonly counters: PartCounters = { image: 1, shapeBlock: 1 };
  private readonly definedNames: DefinedName[] = [];
  private current: SheetWriter<S> | null = null;
  private readonly registry = new StyleRegistry();
  private readonly xfCache = new Map<string, number>();
  private state: 'open' | 'done' | 'failed' = 'open';

  constructor(
    private readonly path: string,
    private readonly temp: string,
    private readonly zip: ZipWriter,
    private readonly options: WorkbookWriterOptions<S>,
    private readonly created: Date,
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
    const number = this.sheets.length + 1;
    const part = `xl/worksheets/sheet${number}.xml`;
    const sheet = new SheetWriter<S>(name, this.zip.openEntry(part), options, this.resolve);
    const attachments = new SheetAttachments(number, (options.columns ?? []).map((c) => c.width));
    this.current = sheet;
    const checkWritable = (): void => {
      this.checkOpen();
      if (sheet.isEnded) throw new Error(`sheet "${name}" has ended`);
    };
    return {
      name,
      get rowCount() {
        return sheet.rowCount;
      },
      addRow: (cells, rowOptions) =>
        this.state === 'open' ? sheet.addRow(cells, rowOptions).catch((e: unknown) => this.fail(e)) : Promise.reject(new Error('the workbook writer is no longer open')),
      addNote: (row, column, text) => {
        checkWritable();
        attachments.addNote(row, column, text);
      },
      addImage: (image) => {
        checkWritable();
        attachments.addImage(image);
      },
      end: async () => {
        if (sheet.isEnded) return;
        try {
          this.checkOpen();
          await sheet.end(attachments.closingElements());
          this.parts.push(...(await attachments.writeParts(this.zip, part, this.counters)));
          this.sheets.push({ name, part, filterRange: sheet.filterRange() });
        } catch (error) {
          await this.fail(error);
        }
      },
    };
  }

  addDefinedName(name: string, refersTo: string): void {
    this.checkOpen();
    this.definedNames.push(checkDefinedName(name, refersTo, this.definedNames));
  }

  async end(): Promise<void> {
    this.checkOpen();
    try {
      if (this.current !== null && !this.current.isEnded) throw new Error(`sheet "${this.current.name}" has not ended`);
      if (this.sheets.length === 0) throw new Error('a workbook needs at least one sheet');
      const sheetNames = this.sheets.map((s) => s.name);
      for (const defined of this.definedNames) checkSheetReferences(defined, sheetNames);
      const properties = this.options.properties ?? {};
      await this.zip.addEntry('xl/styles.xml', this.registry.stylesXml());
      await this.zip.addEntry('xl/workbook.xml', workbookXml(this.sheets, this.definedNames));
      await this.zip.addEntry(
        'xl/_rels/workbook.xml.rels',
        relationshipsXml([...this.sheets.map((s) => ({ type: RELATIONSHIP.worksheet, target: s.part.replace(/^xl\//, '') })), { type: RELATIONSHIP.styles, target: 'styles.xml' }]),
      );
      await this.zip.addEntry('docProps/core.xml', corePropertiesXml(properties, this.created));
      await this.zip.addEntry('docProps/app.xml', appPropertiesXml(properties));
      await this.zip.addEntry(
        '_rels/.rels',
        relationshipsXml([
          { type: RELATIONSHIP.officeDocument, target: 'xl/workbook.xml' },
          { type: RELATIONSHIP.coreProperties, target: 'docProps/core.xml' },
          { type: RELATIONSHIP.extendedProperties, target: 'docProps/app.xml' },
        ]),
      );
      await this.zip.addEntry(
        '[Content_Types].xml',
        contentTypesXml([
          { name: 'xl/workbook.xml', contentType: CONTENT_TYPE.workbook },
          ...this.sheets.map((s) => ({ name: s.part, contentType: CONTENT_TYPE.worksheet })),
          { name: 'xl/styles.xml', contentType: CONTENT_TYPE.styles },
          ...this.parts,
          { name: 'docProps/core.xml', contentType: CONTENT_TYPE.coreProperties },
          { name: 'docProps/app.xml', contentType: CONTENT_TYPE.extendedProperties },
        ]),
      );
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
  // Styles and properties are checked first, so a bad colour or date fails before a file is made.
  for (const style of Object.values<CellStyle>(options.styles ?? ({} as Record<S, CellStyle>))) new StyleRegistry().xfOf(style);
  checkProperties(options.properties ?? {});
  const created = options.properties?.created ?? new Date();
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
  return new Book<S>(path, temp, new ZipWriter(out, level), options, created);
}
