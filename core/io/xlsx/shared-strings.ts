/**
 * sharedStrings.xml → the workbook's string table, read before any sheet. Each string is kept
 * once; cells hand out the same string, so a 1 MB string used 12,000 times costs 1 MB. The
 * count and the total characters are capped. Rich text is its runs' text concatenated;
 * phonetic runs (<rPh>, furigana) are not part of the text.
 */
import { workbookIssues } from '../input-messages.js';
import { detachString } from './detach-string.js';
import { XlsxFailure } from './xlsx-failure.js';
import type { XlsxLimits } from './xlsx-limits.js';
import { XmlTokenizer, type XmlHandler } from './xml-tokenizer.js';

const STRINGS = { zh: '个数', en: 'strings' };
const CHARACTERS = { zh: '总字符数', en: 'characters' };

export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  readonly tokenizer = new XmlTokenizer(this);
  private current: string | null = null;
  private phoneticDepth = 0;
  private chars = 0;

  constructor(private readonly limits: XlsxLimits) {}

  open(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= this.limits.maxSharedStrings) {
        throw new XlsxFailure(workbookIssues.sharedStringsLimit(this.limits.maxSharedStrings, STRINGS));
      }
      this.current = '';
    } else if (name === 'rPh') {
      this.phoneticDepth++;
    } else if (name === 't' && this.current !== null && this.phoneticDepth === 0) {
      this.tokenizer.capture = true;
    }
  }

  close(name: string): void {
    if (name === 't') {
      this.tokenizer.capture = false;
    } else if (name === 'rPh') {
      this.phoneticDepth--;
    } else if (name === 'si' && this.current !== null) {
      this.strings.push(detachString(this.current));
      this.current = null;
    }
  }

  text(text: string): void {
    this.chars += text.length;
    if (this.chars > this.limits.maxSharedStringChars) {
      throw new XlsxFailure(workbookIssues.sharedStringsLimit(this.limits.maxSharedStringChars, CHARACTERS));
    }
    this.current += text;
  }
}
