/**
 * XML character and entity references: the five predefined entities and numeric references.
 * Nothing else can be defined — a DTD is refused before any text is decoded — so an unknown
 * name is an error, never an expansion.
 */
import type { Bilingual } from '../../model/messages.js';

export class XmlEntityError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&([^;&]*);?/g;

function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

function reference(match: string, body: string): string {
  if (!match.endsWith(';')) throw new XmlEntityError({ zh: `“&”后缺少“;”：${match}`, en: `an '&' without its ';': ${match}` });
  const named = Object.hasOwn(NAMED, body) ? NAMED[body] : undefined;
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]{1,6}$/.test(body) ? parseInt(body.slice(2), 16) : /^#[0-9]{1,7}$/.test(body) ? parseInt(body.slice(1), 10) : NaN;
  if (Number.isNaN(code)) throw new XmlEntityError({ zh: `未定义的实体 ${match}`, en: `undefined entity ${match}` });
  if (!isXmlChar(code)) throw new XmlEntityError({ zh: `字符引用无效 ${match}`, en: `invalid character reference ${match}` });
  return String.fromCodePoint(code);
}

/** Text with its references replaced; text without '&' is returned as it is. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, reference) : text;
}
