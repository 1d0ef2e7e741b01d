/**
 * Text for XML 1.0 parts: characters XML 1.0 cannot carry (C0 controls other than tab, LF and
 * CR, U+FFFE, U+FFFF and unpaired surrogates) are dropped, and markup characters are escaped.
 */

// eslint-disable-next-line no-control-regex -- these are the characters being removed
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- idem
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Drops the characters XML 1.0 cannot hold. */
export function xmlSafe(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(INVALID, '') : text;
}

/** Safe for element content and for double-quoted attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(INVALID, '').replace(MARKUP, (c) => ENTITIES[c] ?? c);
}
