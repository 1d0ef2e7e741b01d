/**
 * The workbook's cell formats: named styles given by the caller, plus the variants the writer
 * derives (a date format on a style without one, quotePrefix on formula-like text). Each distinct
 * format becomes one cellXfs entry of styles.xml; cells carry its index.
 */
import { escapeXml } from './xml-text.js';

export interface CellStyle {
  /** An Excel number format code, e.g. `¥#,##0.00;[Red]-¥#,##0.00`, `0.00`, `yyyy-mm-dd`. */
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** RRGGBB or #RRGGBB. */
  readonly fontColor?: string;
  /** Solid fill, RRGGBB or #RRGGBB. */
  readonly fill?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly wrapText?: boolean;
  /** Shows text that begins with = + - @ as typed: Excel's leading apostrophe. */
  readonly quotePrefix?: boolean;
}

export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
const FIRST_CUSTOM_FORMAT = 164;
/** Built-in format ids (ECMA-376 §18.8.30) that are the same in every locale. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ['General', 0],
  ['0', 1],
  ['0.00', 2],
  ['#,##0', 3],
  ['#,##0.00', 4],
  ['0%', 9],
  ['0.00%', 10],
  ['0.00E+00', 11],
  ['@', 49],
]);
const COLOUR = /^#?([0-9a-f]{6})$/i;

function argb(colour: string): string {
  const match = COLOUR.exec(colour);
  if (match === null || match[1] === undefined) throw new RangeError(`colour "${colour}" is not RRGGBB`);
  return `FF${match[1].toUpperCase()}`;
}

function fontXml(style: CellStyle): string {
  return `<font>${style.bold === true ? '<b/>' : ''}${style.italic === true ? '<i/>' : ''}<sz val="11"/>${style.fontColor === undefined ? '<color theme="1"/>' : `<color rgb="${argb(style.fontColor)}"/>`}<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

function fillXml(fill: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`;
}

export class StyleRegistry {
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIds = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly fonts: string[] = [fontXml({})];
  private readonly fontIds = new Map<string, number>([[fontXml({}), 0]]);
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly fillIds = new Map<string, number>();

  /** The cellXfs index of a format; equal formats share one index. 0 is the default. */
  xfOf(style: CellStyle): number {
    const key = JSON.stringify([style.numFmt, style.bold, style.italic, style.fontColor, style.fill, style.horizontal, style.wrapText, style.quotePrefix]);
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const numFmtId = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const fontId = this.fontId(style);
    const fillId = style.fill === undefined ? 0 : this.fillId(style.fill);
    const alignment =
      style.horizontal === undefined && style.wrapText !== true
        ? ''
        : `<alignment${style.horizontal === undefined ? '' : ` horizontal="${style.horizontal}"`}${style.wrapText === true ? ' wrapText="1"' : ''}/>`;
    const attributes = [
      `numFmtId="${numFmtId}"`,
      `fontId="${fontId}"`,
      `fillId="${fillId}"`,
      'borderId="0"',
      'xfId="0"',
      numFmtId === 0 ? '' : 'applyNumberFormat="1"',
      fontId === 0 ? '' : 'applyFont="1"',
      fillId === 0 ? '' : 'applyFill="1"',
      alignment === '' ? '' : 'applyAlignment="1"',
      style.quotePrefix === true ? 'quotePrefix="1"' : '',
    ].filter((a) => a !== '');
    const id = this.xfs.length;
    this.xfs.push(alignment === '' ? `<xf ${attributes.join(' ')}/>` : `<xf ${attributes.join(' ')}>${alignment}</xf>`);
    this.xfIds.set(key, id);
    return id;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    if (code.length === 0 || code.length > 255) throw new RangeError('a number format must have 1 … 255 characters');
    const id = FIRST_CUSTOM_FORMAT + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  private fontId(style: CellStyle): number {
    const xml = fontXml(style);
    const known = this.fontIds.get(xml);
    if (known !== undefined) return known;
    this.fonts.push(xml);
    this.fontIds.set(xml, this.fonts.length - 1);
    return this.fonts.length - 1;
  }

  private fillId(fill: string): number {
    const known = this.fillIds.get(fill);
    if (known !== undefined) return known;
    this.fills.push(fillXml(fill));
    this.fillIds.set(fill, this.fills.length - 1);
    return this.fills.length - 1;
  }

  stylesXml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return [
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      numFmts.length === 0 ? '' : `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>`,
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>`,
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>`,
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '<dxfs count="0"/><tableStyles count="0"/>',
      '</styleSheet>',
    ].join('');
  }
}
