/**
 * Numbers as a finance analyst reads them on every screen: yuan with ¥, thousands separators and
 * 2 decimals, counts with separators, shares as percentages, and a dash for "no figure". The
 * separators are the same in Chinese and English, as in Chinese finance reports.
 */
import { formatFixed } from '../../../../core/charts/options/number-format.js';

const NONE = '—';

/** -¥1,234.50; an amount that rounds to zero shows without a sign. */
export function formatYuan(amount: number): string {
  const text = formatFixed(Math.abs(amount), 2);
  return amount < 0 && text !== '0.00' ? `-¥${text}` : `¥${text}`;
}

/** A change: +¥12.00 / -¥12.00, so that the direction reads at a glance. */
export function formatYuanChange(amount: number): string {
  const text = formatYuan(amount);
  return text.startsWith('-') || text === '¥0.00' ? text : `+${text}`;
}

export function formatCount(count: number): string {
  return formatFixed(count, 0);
}

export function formatCountChange(count: number): string {
  return count > 0 ? `+${formatCount(count)}` : formatCount(count);
}

/** A share in 0–1 (or a ratio such as ROI) as a percentage. */
export function formatShare(share: number | null, decimals = 2): string {
  return share === null || !Number.isFinite(share) ? NONE : `${formatFixed(100 * share, decimals)}%`;
}

/** A score or driver figure with 2 decimals. */
export function formatDecimal(value: number | null, decimals = 2): string {
  return value === null || !Number.isFinite(value) ? NONE : formatFixed(value, decimals);
}
