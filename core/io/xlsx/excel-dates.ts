/**
 * Excel day serials → calendar days. A date cell becomes a Date at UTC midnight of its day
 * (raw-table.ts), so the day is the same in every time zone; a time of day is dropped.
 * The 1900 system counts the non-existent 29 Feb 1900 as serial 60 (Lotus 1-2-3's bug), so
 * that serial names no day and is refused; the 1904 system starts 1,462 days later.
 */
import type { Problem } from '../../model/messages.js';
import { workbookIssues } from '../input-messages.js';

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system for serials from 61 on (1899-12-30). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const DAYS_1904_AFTER_1900 = 1462;
const PHANTOM_LEAP_DAY = 60;
/** 9999-12-31, Excel's last date. */
const MAX_DAY = 2_958_465;

export function serialToDate(serial: number, date1904: boolean): Date | Problem {
  if (!Number.isFinite(serial)) return workbookIssues.dateOutOfRange;
  // Whole milliseconds first, as Excel shows them, so 46266.99999999999 is still midnight of day 46267.
  let day = Math.floor(Math.round(serial * DAY_MS) / DAY_MS);
  if (date1904) {
    if (day < 0) return workbookIssues.dateOutOfRange;
    day += DAYS_1904_AFTER_1900;
  } else {
    if (day < 1) return workbookIssues.dateOutOfRange;
    if (day === PHANTOM_LEAP_DAY) return workbookIssues.phantomLeapDay;
    if (day < PHANTOM_LEAP_DAY) day += 1;
  }
  if (day > MAX_DAY) return workbookIssues.dateOutOfRange;
  return new Date(EPOCH_1900 + day * DAY_MS);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A `t="d"` cell's ISO 8601 text → its calendar day, or null when it is no valid date. */
export function isoTextToDate(text: string): Date | null {
  const m = ISO_DATE.exec(text);
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}
