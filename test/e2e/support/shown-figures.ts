/**
 * Figures as the screens print them (finance-format.ts: ¥1,234.56, -¥0.50, 1,430, 24.24%, — for
 * none) read back into numbers, and the tolerance a printed figure is held to: half its last digit.
 */
export function shownNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '—' || trimmed === '') return NaN;
  const negative = trimmed.startsWith('-');
  const digits = trimmed.replace(/^[-+]/, '').replace(/[¥,%\s]/g, '');
  const value = Number(digits);
  if (!Number.isFinite(value)) throw new Error(`not a figure: "${text}"`);
  return negative ? -value : value;
}

/** "121 (10.56%)" → [121, 0.1056]. */
export function shownCountAndShare(text: string): [number, number] {
  const match = /^\s*(-?[\d,]+)\s*\(([^)]*)\)\s*$/.exec(text);
  if (match === null) throw new Error(`not "count (share%)": "${text}"`);
  return [shownNumber(match[1] ?? ''), shownNumber(match[2] ?? '') / 100];
}

/** Whether a figure printed with `decimals` decimals is `expected` rounded (a hair of slack for the sum's order). */
export function printedAs(shown: number, expected: number, decimals: number): boolean {
  if (Number.isNaN(shown) || Number.isNaN(expected)) return Number.isNaN(shown) && Number.isNaN(expected);
  return Math.abs(shown - expected) <= 0.5 * 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(expected));
}
