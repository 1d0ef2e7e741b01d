/**
 * A streaming, non-validating XML tokenizer for the parts of a workbook: text goes in chunk by
 * chunk, start tags, end tags and (only while `capture` is on) decoded character data come out
 * as calls on a handler. It keeps no tree, only the stack of open element names to check that
 * tags nest, so a 650 MB worksheet costs the size of one chunk. A DTD is refused outright:
 * there is no entity expansion and no external access to exploit. Element names reach the
 * handler without their namespace prefix (some writers prefix every element, `x:c`).
 */
import type { Bilingual } from '../../model/messages.js';
import { decodeEntities, XmlEntityError } from './xml-entities.js';

export interface XmlHandler {
  /** A start tag; its attributes can be read from the tokenizer until this returns. */
  open(name: string, selfClosing: boolean): void;
  /** An end tag (also called right after open for an empty-element tag `<x/>`). */
  close(name: string): void;
  /** Decoded character data; one text may arrive in several pieces. */
  text(text: string): void;
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: Bilingual,
    readonly line: number,
    readonly column: number,
  ) {
    super(reason.en);
  }
}

/** A `<!DOCTYPE`: refused whatever it declares. */
export class XmlDtdError extends Error {}

/** A tag, comment or CDATA section longer than this is refused, which bounds the buffer. */
export const MAX_TOKEN_CHARS = 4 * 1024 * 1024;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SLASH = 47;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;

export function isSpace(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export const xmlSyntaxReasons = {
  unexpectedEnd: { zh: '内容在中途结束', en: 'the part ends in the middle of the XML' },
  tokenTooLong: { zh: '标记过长', en: 'a tag or section is too long' },
  emptyName: { zh: '“<”后没有元素名', en: "an element name is missing after '<'" },
  badMarkup: { zh: '无法识别的“<!”标记', en: "unrecognised '<!' markup" },
  badEmptyTag: { zh: '“/”后应为“>”', en: "expected '>' after '/'" },
  attributeSyntax: { zh: '属性格式错误（应为 名称="值"）', en: 'malformed attribute (expected name="value")' },
  textOutsideRoot: { zh: '根元素之外有文本', en: 'text outside the root element' },
  secondRoot: { zh: '根元素之后还有元素', en: 'an element after the root element' },
  noRoot: { zh: '没有根元素', en: 'no root element' },
  unexpectedClose: (name: string): Bilingual => ({ zh: `多余的结束标记 </${name}>`, en: `unexpected end tag </${name}>` }),
  mismatched: (open: string, close: string): Bilingual => ({
    zh: `<${open}> 未闭合，却遇到 </${close}>`,
    en: `<${open}> is not closed before </${close}>`,
  }),
  unclosed: (name: string): Bilingual => ({ zh: `<${name}> 没有闭合`, en: `<${name}> is never closed` }),
};

export class XmlTokenizer {
  /** While true, character data (text and CDATA) is passed to the handler. */
  capture = false;
  /**
   * Text received and not yet dropped, and how far it has been parsed. A scanner that takes
   * over a stretch of the text (see pause) reads `buffer` and advances `position` itself.
   */
  buffer = '';
  position = 0;
  private pauseRequested = false;
  /** The element name of the tag being reported, with its prefix (`x:c`). */
  qualifiedName = '';
  /** Characters and newlines already dropped from the buffer, for line and column numbers. */
  private droppedChars = 0;
  private droppedLines = 0;
  private lineStart = 0;
  private readonly openNames: string[] = [];
  private rootClosed = false;
  private attributeCount = 0;
  private readonly attributeNames: string[] = [];
  private readonly attributeValues: string[] = [];

  constructor(private readonly handler: XmlHandler) {}

  write(text: string): void {
    this.append(text);
    this.parse(false);
  }

  end(): void {
    this.parse(true);
    const open = this.openNames.at(-1);
    if (open !== undefined) this.fail(xmlSyntaxReasons.unclosed(open), this.buffer.length);
    if (!this.rootClosed) this.fail(xmlSyntaxReasons.noRoot, this.buffer.length);
  }

  /** Adds text to the buffer without parsing it. */
  append(text: string): void {
    if (this.position > 0) this.drop();
    // join() builds one flat string; `+` would build a rope that every charCodeAt walks through.
    this.buffer = this.buffer === '' ? text : [this.buffer, text].join('');
  }

  /** Stops parse() after the current tag, leaving `position` just after it (called from a handler). */
  pause(): void {
    this.pauseRequested = true;
  }

  resume(): void {
    this.pauseRequested = false;
  }

  get paused(): boolean {
    return this.pauseRequested;
  }

  /** An attribute of the current start tag, decoded, matched by local name whatever its prefix (`r:id` as `id`). */
  attributeText(local: string): string | undefined {
    for (let k = 0; k < this.attributeCount; k++) {
      const name = this.attributeNames[k] as string;
      if (name === local || (name.endsWith(local) && name.charCodeAt(name.length - local.length - 1) === 58)) {
        return this.decode(this.attributeValues[k] as string, this.position);
      }
    }
    return undefined;
  }

  private drop(): void {
    const { buffer, position } = this;
    for (let nl = buffer.indexOf('\n'); nl >= 0 && nl < position; nl = buffer.indexOf('\n', nl + 1)) {
      this.droppedLines++;
      this.lineStart = this.droppedChars + nl + 1;
    }
    this.droppedChars += position;
    this.buffer = buffer.slice(position);
    this.position = 0;
  }

  /** Throws an XmlSyntaxError at buffer index `at`, with its line and column in the part. */
  fail(reason: Bilingual, at: number): never {
    let line = this.droppedLines + 1;
    let lineStart = this.lineStart;
    for (let nl = this.buffer.indexOf('\n'); nl >= 0 && nl < at; nl = this.buffer.indexOf('\n', nl + 1)) {
      line++;
      lineStart = this.droppedChars + nl + 1;
    }
    throw new XmlSyntaxError(reason, line, this.droppedChars + at - lineStart + 1);
  }

  private decode(raw: string, at: number): string {
    try {
      return decodeEntities(raw);
    } catch (error) {
      if (error instanceof XmlEntityError) this.fail(error.reason, at);
      throw error;
    }
  }

  /** Parses what the buffer holds; `final` when no more text will come. */
  parse(final: boolean): void {
    const s = this.buffer;
    const n = s.length;
    let p = this.position;
    while (p < n && !this.pauseRequested) {
      const lt = s.indexOf('<', p);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > p) {
        if (this.capture) {
          let cut = textEnd;
          // Keep a reference cut by the chunk boundary ("&am") for the next chunk.
          if (lt < 0 && !final) {
            const amp = s.lastIndexOf('&');
            if (amp >= p && s.indexOf(';', amp) < 0) cut = amp;
          }
          if (cut > p) this.handler.text(this.decode(s.slice(p, cut), p));
          p = cut;
        } else {
          if (this.openNames.length === 0 && /\S/.test(s.slice(p, textEnd))) this.fail(xmlSyntaxReasons.textOutsideRoot, p);
          p = textEnd;
        }
        if (lt < 0) break;
      }
      const next = this.token(s, lt, final);
      if (next < 0) break;
      p = next;
    }
    this.position = p;
    if (n - p > MAX_TOKEN_CHARS) this.fail(xmlSyntaxReasons.tokenTooLong, p);
    if (final && p < n && !this.pauseRequested) this.fail(xmlSyntaxReasons.unexpectedEnd, p);
  }

  /** Handles the markup at `lt`; returns the position after it, or −1 when it is not complete yet. */
  private token(s: string, lt: number, final: boolean): number {
    if (lt + 1 >= s.length) return -1;
    const c = s.charCodeAt(lt + 1);
    if (c === SLASH) return this.endTag(s, lt);
    if (c === QUESTION) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c === BANG) return this.bang(s, lt, final);
    return this.startTag(s, lt);
  }

  private endTag(s: string, lt: number): number {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    let end = gt;
    while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
    const name = s.slice(lt + 2, end);
    const open = this.openNames.pop();
    if (open !== name) this.fail(open === undefined ? xmlSyntaxReasons.unexpectedClose(name) : xmlSyntaxReasons.mismatched(open, name), lt);
    if (this.openNames.length === 0) this.rootClosed = true;
    this.handler.close(localName(name));
    return gt + 1;
  }

  private bang(s: string, lt: number, final: boolean): number {
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.capture) this.handler.text(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.length - lt < '<!DOCTYPE'.length && !final) return -1;
    if (s.slice(lt, lt + '<!DOCTYPE'.length).toUpperCase() === '<!DOCTYPE') throw new XmlDtdError('DTD');
    return this.fail(xmlSyntaxReasons.badMarkup, lt);
  }

  private startTag(s: string, lt: number): number {
    const n = s.length;
    let i = lt + 1;
    for (let ch = s.charCodeAt(i); i < n && !isSpace(ch) && ch !== GT && ch !== SLASH; ch = s.charCodeAt(++i));
    if (i >= n) return -1;
    if (i === lt + 1) this.fail(xmlSyntaxReasons.emptyName, lt);
    const name = s.slice(lt + 1, i);
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const ch = s.charCodeAt(i);
      if (ch === GT) {
        i++;
        break;
      }
      if (ch === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) this.fail(xmlSyntaxReasons.badEmptyTag, i);
        selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      for (let a = ch; i < n && a !== EQUALS && !isSpace(a) && a !== GT && a !== SLASH; a = s.charCodeAt(++i));
      const nameEnd = i;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      if (nameEnd === nameStart || s.charCodeAt(i) !== EQUALS) this.fail(xmlSyntaxReasons.attributeSyntax, i);
      const attributeName = s.slice(nameStart, nameEnd);
      i++;
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return -1;
      const quote = s.charCodeAt(i);
      if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) this.fail(xmlSyntaxReasons.attributeSyntax, i);
      const close = s.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
      if (close < 0) return -1;
      this.attributeNames[count] = attributeName;
      this.attributeValues[count] = s.slice(i + 1, close);
      count++;
      i = close + 1;
    }
    if (this.openNames.length === 0 && this.rootClosed) this.fail(xmlSyntaxReasons.secondRoot, lt);
    this.attributeCount = count;
    this.position = i;
    const local = localName(name);
    this.qualifiedName = name;
    if (!selfClosing) this.openNames.push(name);
    this.handler.open(local, selfClosing);
    if (selfClosing) {
      if (this.openNames.length === 0) this.rootClosed = true;
      this.handler.close(local);
    }
    return i;
  }
}
