/** Number and money texts on the charts. */
import type { Lang } from '../../model/messages.js';

export interface MoneyScale {
  /** Yuan per unit of the axis. */
  readonly divisor: number;
  /** Shown in the axis name, e.g. 万元. */
  readonly unit: string;
  /** Decimals of a value in this unit: none for yuan, one or two in the larger units. */
  readonly decimals: number;
  /** An amount in this unit, already formatted, as a label: "75.4 万元", "¥37.8 million". */
  readonly label: (amount: string) => string;
}

/**
 * A finance reader expects totals in 万元 (亿元 past a billion) in Chinese and in thousands or
 * millions in English; small totals, as in a test province, stay in yuan so that the axis does
 * not read 0.0012. The data are divided by the unit, so the axis picks round ticks in that unit.
 */
export function moneyScale(maxAbsYuan: number, lang: Lang): MoneyScale {
  const zh = (divisor: number, unit: string, decimals: number): MoneyScale => ({ divisor, unit, decimals, label: (a) => `${a} ${unit}` });
  const en = (divisor: number, word: string, decimals: number): MoneyScale => ({
    divisor,
    unit: word === '' ? '¥' : `¥ ${word}`,
    decimals,
    label: (a) => (word === '' ? `¥${a}` : `¥${a} ${word}`),
  });
  if (lang === 'zh') {
    if (maxAbsYuan >= 1e9) return zh(1e8, '亿元', 2);
    if (maxAbsYuan >= 1e5) return zh(1e4, '万元', 1);
    return zh(1, '元', 0);
  }
  if (maxAbsYuan >= 1e6) return en(1e6, 'million', 2);
  if (maxAbsYuan >= 1e4) return en(1e3, 'thousand', 1);
  return en(1, '', 0);
}

export function moneyAxisName(label: string, scale: MoneyScale, lang: Lang): string {
  return lang === 'zh' ? `${label}（${scale.unit}）` : `${label} (${scale.unit})`;
}

/** An amount in yuan as a label in the scale's unit. */
export function formatMoney(yuan: number, scale: MoneyScale): string {
  return scale.label(formatFixed(yuan / scale.divisor, scale.decimals));
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}-${maxDecimals}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formats.set(key, format);
  }
  return format;
}

/** Thousands separators (the same in both languages, as in Chinese finance reports) and at most `decimals` decimals: axis ticks. */
export function formatNumber(value: number, decimals = 0): string {
  return numberFormat(0, decimals).format(value);
}

/** Exactly `decimals` decimals, so that the labels of a column line up: bar values. */
export function formatFixed(value: number, decimals: number): string {
  return numberFormat(decimals, decimals).format(value);
}

/** A share in 0–1 as a percentage. */
export function formatPercent(share: number, decimals = 1): string {
  return `${formatFixed(100 * share, decimals)}%`;
}
