/** Keeps a bar chart readable: only as many bars as have room for their names, the rest as one "others" bar. */
import type { YAXisComponentOption } from 'echarts';
import { axisStyle, FONT_SIZE } from './chart-style.js';

/** Bars at the report's 800×450. */
export const MAX_BARS = 20;

/**
 * About 16 px per bar keeps the names beside them legible; title, legend and axis take about
 * 130 px of the height. 20 bars at 450 px, 10 at 290 px, never fewer than 5.
 */
export function barsThatFit(chartHeight: number): number {
  return Math.max(5, Math.min(MAX_BARS, Math.floor((chartHeight - 130) / 16)));
}

/**
 * The `maxBars` items of largest `weight`, in the order given (callers pass items sorted as
 * they are to be drawn), and the rest. Nothing is lumped when only one item would be.
 */
export function splitTopBars<T>(items: readonly T[], weight: (item: T) => number, maxBars: number): { kept: T[]; rest: T[] } {
  if (items.length <= maxBars + 1) return { kept: [...items], rest: [] };
  const ranked = items.map((item, i) => ({ i, w: weight(item) })).sort((a, b) => b.w - a.w || a.i - b.i);
  const keep = new Set(ranked.slice(0, maxBars).map((r) => r.i));
  return { kept: items.filter((_, i) => keep.has(i)), rest: items.filter((_, i) => !keep.has(i)) };
}

/** The category axis of horizontal bars, top bar first, every bar named. */
export function barNameAxis(labels: readonly string[]): YAXisComponentOption {
  return {
    ...axisStyle,
    type: 'category',
    inverse: true,
    data: [...labels],
    axisTick: { show: false },
    // Every bar is named (barsThatFit leaves room); long names are cut with an ellipsis.
    axisLabel: { ...axisStyle.axisLabel, fontSize: FONT_SIZE.small, interval: 0, width: 150, overflow: 'truncate' },
  };
}
