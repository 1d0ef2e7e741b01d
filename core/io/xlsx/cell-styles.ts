/**
 * styles.xml → for each cell style index (the `s` of a cell), whether a number in that style
 * is a date, a time or a plain number. Only <numFmts> and <cellXfs> matter; the differential
 * formats (<dxfs>) and cell style masters (<cellStyleXfs>) hold xf and numFmt elements too,
 * which must not be mistaken for them.
 */
import { builtinFormatKind, customFormatKind, FormatKind } from './number-format.js';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.js';

export class CellStylesHandler implements XmlHandler {
  readonly tokenizer = new XmlTokenizer(this);
  private readonly customFormats = new Map<number, FormatKind>();
  private readonly xfFormats: number[] = [];
  private section: 'numFmts' | 'cellXfs' | null = null;
  private depth = 0;

  open(name: string): void {
    this.depth++;
    if (this.depth === 2 && (name === 'numFmts' || name === 'cellXfs')) this.section = name;
    if (this.depth !== 3) return;
    const id = Number(this.tokenizer.attributeText('numFmtId') ?? '0');
    if (this.section === 'numFmts' && name === 'numFmt') {
      this.customFormats.set(id, customFormatKind(this.tokenizer.attributeText('formatCode') ?? ''));
    } else if (this.section === 'cellXfs' && name === 'xf') {
      this.xfFormats.push(id);
    }
  }

  close(): void {
    if (this.depth === 2) this.section = null;
    this.depth--;
  }

  text(): void {}

  /** Format kind per style index (FormatKind values). */
  kinds(): Uint8Array {
    return Uint8Array.from(this.xfFormats, (id) => this.customFormats.get(id) ?? builtinFormatKind(id));
  }
}
