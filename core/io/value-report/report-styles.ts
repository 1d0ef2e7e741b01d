/**
 * The report's cell styles. A figure's format (money, score, count, percent) combines with a
 * row highlight (loss-making plan, settlement inversion, totals) or a tier colour, so each
 * combination is one named style: `money`, `money.loss`, `count.total`, `text.tier2` …
 */
import type { CellStyle } from '../xlsx-writer/workbook-writer.js';

/** Negatives in red, in yuan with thousands separators (the finance department's own format). */
export const MONEY_FORMAT = '¥#,##0.00;[Red]-¥#,##0.00';

const FORMATS = {
  text: {},
  money: { numFmt: MONEY_FORMAT },
  score: { numFmt: '0.00' },
  number: { numFmt: '#,##0.00' },
  count: { numFmt: '#,##0' },
  percent: { numFmt: '0.00%;[Red]-0.00%' },
  ratio: { numFmt: '0.0000' },
} as const satisfies Record<string, CellStyle>;
export type Format = keyof typeof FORMATS;

/** Tier colours from best to worst; the lowest tier is always the last (red). */
const TIER_FILLS = ['C6EFCE', 'DDEBF7', 'FFF2CC', 'FCE4D6', 'FFC7CE'] as const;
export const TIER_SLOTS = TIER_FILLS.length;
const HIGHLIGHTS = {
  loss: { fill: 'FFC7CE' },
  inverted: { fill: 'FFEB9C' },
  total: { bold: true, fill: 'F2F2F2' },
  ineligible: { fill: 'EDEDED' },
  ...Object.fromEntries(TIER_FILLS.map((fill, i) => [`tier${i}`, { fill }])),
} as Readonly<Record<Highlight, CellStyle>>;
export type Highlight = 'loss' | 'inverted' | 'total' | 'ineligible' | `tier${0 | 1 | 2 | 3 | 4}`;

const SINGLES = {
  title: { bold: true, fontColor: '1F3864' },
  heading: { bold: true, fontColor: '1F3864', fill: 'DDEBF7' },
  header: { bold: true, fill: 'D9E1F2', wrapText: true, horizontal: 'center' },
  label: { bold: true },
  wrap: { wrapText: true },
  good: { fontColor: '006100', fill: 'C6EFCE', bold: true },
  bad: { fontColor: '9C0006', fill: 'FFC7CE', bold: true },
  error: { fontColor: 'C00000' },
  warning: { fontColor: 'E26B0A' },
} as const satisfies Record<string, CellStyle>;

export type ReportStyle = keyof typeof SINGLES | Format | `${Format}.${Highlight}`;

function buildStyles(): Record<ReportStyle, CellStyle> {
  const styles: Record<string, CellStyle> = { ...SINGLES };
  for (const [format, base] of Object.entries(FORMATS)) {
    styles[format] = base;
    for (const [highlight, extra] of Object.entries(HIGHLIGHTS)) styles[`${format}.${highlight}`] = { ...base, ...extra };
  }
  return styles as Record<ReportStyle, CellStyle>;
}

export const REPORT_STYLES: Readonly<Record<ReportStyle, CellStyle>> = buildStyles();

/** The style of a figure with an optional highlight. */
export function styled(format: Format, highlight?: Highlight): ReportStyle {
  return highlight === undefined ? format : `${format}.${highlight}`;
}

/** The colour slot of tier t of n: the best tiers take the first colours, the lowest the last. */
export function tierHighlight(t: number, n: number): Highlight {
  if (t === n - 1) return `tier${TIER_SLOTS - 1}` as Highlight;
  return `tier${Math.min(t, TIER_SLOTS - 2)}` as Highlight;
}
