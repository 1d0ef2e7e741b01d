/** The look every chart shares: fonts, colours, title and the option settings SSR needs. */
import type { EChartsOption } from 'echarts';

/**
 * Chinese fonts first, so that digits and Latin letters come from the same font as the Chinese
 * text, then the generic family. Microsoft YaHei and SimHei ship with Windows, PingFang SC with
 * macOS, Noto Sans CJK SC / Source Han Sans SC / WenQuanYi Micro Hei with Linux distributions.
 * The names are deliberately unquoted (valid CSS): resvg 0.34, under @resvg/resvg-js 2.6.2,
 * ignores a quoted family that is not the first of the list.
 */
export const CHART_FONT_FAMILY = 'Microsoft YaHei, SimHei, PingFang SC, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif';

export const FONT_SIZE = { title: 16, label: 12, small: 11 } as const;

export const palette = {
  bar: '#3d6fb6',
  /** Red for losses, as in a finance report (赤字); not the red-is-up of stock quotes. */
  loss: '#c8362f',
  muted: '#9aa0a6',
  text: '#333333',
  axis: '#666666',
  split: '#e5e7eb',
} as const;

/** Settings every chart starts from; a builder spreads it and adds its axes and series. */
export function baseOption(title: string): EChartsOption {
  return {
    // Server-side rendering draws one frame: an animation would be captured at its first frame.
    animation: false,
    backgroundColor: '#ffffff',
    color: [palette.bar],
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.label, color: palette.text },
    title: { text: title, left: 'center', top: 10, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE.title, fontWeight: 'bold', color: palette.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  };
}

/** Axis styling shared by every cartesian chart. */
export const axisStyle = {
  nameTextStyle: { color: palette.axis, fontSize: FONT_SIZE.label },
  axisLabel: { color: palette.axis, fontSize: FONT_SIZE.label },
  axisLine: { lineStyle: { color: palette.axis } },
  splitLine: { lineStyle: { color: palette.split } },
} as const;

/** A left axis's name above its top end, running right from the axis so that a long name is not cut at the edge. */
export const leftAxisName = {
  nameLocation: 'end',
  nameGap: 14,
  nameTextStyle: { ...axisStyle.nameTextStyle, align: 'left' },
} as const;
