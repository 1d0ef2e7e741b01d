/**
 * Charts as images, in Node: ECharts' server-side SVG renderer draws the option, resvg turns
 * the SVG into a PNG (svg-to-png.ts). The options come from core/charts, the same builders the
 * screens use; renderReportCharts draws the exported report's set.
 *
 * The text is drawn in the font chart-fonts.ts finds: a Chinese one when the machine has one,
 * otherwise a Latin one (Chinese characters then come out as empty boxes), so the report never
 * fails for want of a font; chartFonts().coverage says which.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { ReportChartData } from '../../charts/chart-data.js';
import { reportChartOptions, type ReportChartName } from '../../charts/report-charts.js';
import type { Lang } from '../../model/messages.js';
import { chartFontData } from './chart-fonts.js';
import { svgToPng } from './svg-to-png.js';

export interface ChartSize {
  /** CSS pixels: the size the chart is laid out at. */
  readonly width: number;
  readonly height: number;
}

export interface PngSize extends ChartSize {
  /** Device pixels per CSS pixel (default 1); 2 keeps an image sharp when Excel or a printer enlarges it. */
  readonly scale?: number;
}

export function renderChartSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderChartPng(option: EChartsOption, size: PngSize): Buffer {
  return svgToPng(renderChartSvg(option, size), size.scale ?? 1, chartFontData());
}

/**
 * The same, after letting the event loop turn once: the WebAssembly renderer works on this
 * thread (about 60 ms for an 800×450 chart at scale 2), so a caller drawing several charts keeps
 * its progress messages and IPC flowing between them.
 */
export async function renderChartPngAsync(option: EChartsOption, size: PngSize): Promise<Buffer> {
  await nextTurn();
  return renderChartPng(option, size);
}

export interface ReportChartImage {
  readonly name: ReportChartName;
  readonly title: string;
  readonly png: Buffer;
  /** The size to show the image at, in CSS pixels; the PNG holds `scale` times as many. */
  readonly width: number;
  readonly height: number;
}

/** Readable on a worksheet beside the tables; drawn at twice the pixels so that zooming in stays sharp. */
export const REPORT_CHART_SIZE: Required<PngSize> = { width: 800, height: 450, scale: 2 };

/** One chart after the other: the renderer is single-threaded, and so holds one copy of the fonts at a time. */
export async function renderReportCharts(data: ReportChartData, lang: Lang, size: Required<PngSize> = REPORT_CHART_SIZE): Promise<ReportChartImage[]> {
  const images: ReportChartImage[] = [];
  for (const { name, title, option } of reportChartOptions(data, lang, size.height)) {
    images.push({ name, title, png: await renderChartPngAsync(option, size), width: size.width, height: size.height });
  }
  return images;
}
