/**
 * Dates → Excel 1900-system day serials of their UTC calendar day (the time of day is dropped,
 * as the reader does). Days before 1 March 1900 count Lotus's phantom 29 Feb 1900.
 */

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(9999, 11, 31);
const PHANTOM_LEAP_DAY = 60;

export function dateToSerial(date: Date): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('an invalid Date cannot be written');
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (day < FIRST_DAY || day > LAST_DAY) throw new RangeError(`${date.toISOString()} is outside Excel's dates (1900-01-01 … 9999-12-31)`);
  const serial = Math.round((day - EPOCH_1900) / DAY_MS);
  return serial <= PHANTOM_LEAP_DAY ? serial - 1 : serial;
}
