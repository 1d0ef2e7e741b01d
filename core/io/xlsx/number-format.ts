/**
 * Which number formats make a numeric cell a date. Excel stores dates as day serials and only
 * the cell's format says so: built-in ids (including the zh-CN/ja/ko ones Chinese Excel writes
 * without declaring them) and custom codes with date tokens. Time-only formats (h:mm, [h]:mm:ss)
 * are told apart: a time of day or a duration is not a calendar day.
 */
export const FormatKind = { Number: 0, Date: 1, Time: 2 } as const;
export type FormatKind = (typeof FormatKind)[keyof typeof FormatKind];

/** Built-in ids: 14–17 and 22 everywhere, 27–31, 36, 50–54, 57, 58 in East Asian locales. */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);

export function builtinFormatKind(id: number): FormatKind {
  if (BUILTIN_DATE_IDS.has(id)) return FormatKind.Date;
  return BUILTIN_TIME_IDS.has(id) ? FormatKind.Time : FormatKind.Number;
}

/**
 * Removes what cannot hold a date token: quoted text, backslash escapes, padding (`_x`) and
 * fill (`*x`) characters, and bracketed colours, conditions and locales — keeping elapsed-time
 * brackets ([h], [mm], [ss]), which are time tokens.
 */
function tokensOf(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      i = close < 0 ? code.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = code.indexOf(']', i + 1);
      const inner = close < 0 ? '' : code.slice(i + 1, close);
      if (/^(h+|m+|s+)$/i.test(inner)) out += inner;
      i = close < 0 ? code.length : close;
    } else {
      out += ch;
    }
  }
  return out.toLowerCase();
}

export function customFormatKind(code: string): FormatKind {
  const tokens = tokensOf(code);
  if (/[yd]/.test(tokens)) return FormatKind.Date;
  if (/[hs]/.test(tokens)) return FormatKind.Time;
  // Without hours or seconds beside it, m is the month ("mmm", "mmmm").
  return tokens.includes('m') ? FormatKind.Date : FormatKind.Number;
}
