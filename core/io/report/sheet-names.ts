/**
 * Worksheet names Excel accepts: at most 31 characters (UTF-16 units), none of []:*?/\, not
 * starting or ending with an apostrophe, not the reserved "History", and unique ignoring case —
 * Excel refuses to open a workbook that breaks any of these.
 */
import { basename, extname } from 'node:path';

const MAX_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Control characters cannot be typed into a tab name and some readers reject them. */
const CONTROL = /\p{Cc}/gu;
/** A file stem shortened to make room for the sheet keeps at least this much. */
const MIN_STEM = 8;

/** The first `max` UTF-16 units, without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function clean(text: string): string {
  return text.replace(FORBIDDEN, '_').replace(CONTROL, '').trim().replace(/^'+|'+$/g, '');
}

/** "usage" for usage.csv, "book-用量" for sheet 用量 of book.xlsx; the sheet part is kept whole when it fits. */
export function sourceSheetName(file: string, sheet: string | undefined): string {
  const stem = clean(basename(file, extname(file)));
  if (sheet === undefined) return stem;
  const tail = clean(sheet);
  const room = Math.max(MIN_STEM, MAX_NAME - tail.length - 1);
  return `${clip(stem, room)}-${tail}`;
}

/** Hands out unique valid names, in order. */
export class SheetNames {
  private readonly taken = new Set<string>(['history']);

  /** `wanted`, made valid, with " (2)", " (3)"… appended while it is taken. */
  take(wanted: string): string {
    // Cleaned again after clipping, which may leave an apostrophe or a space at the end.
    const base = clean(clip(clean(wanted), MAX_NAME)) || 'Sheet';
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${clip(base, MAX_NAME - suffix.length)}${suffix}`;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
