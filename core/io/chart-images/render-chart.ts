/**
 * Charts as images, in Node: ECharts' server-side SVG renderer draws the option, resvg turns
 * the SVG into a PNG. The options come from core/charts, the same builders the screens use;
 * renderReportCharts draws the exported report's set.
 */
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import type { ReportChartData } from '../../charts/chart-data.js';
import { reportChartOptions, type ReportChartName } from '../../charts/report-charts.js';
import type { Lang } from '../../model/messages.js';
import { chartFonts } from './chart-fonts.js';

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

function resvgOptions(scale: number): ResvgRenderOptions {
  const fonts = chartFonts();
  return {
    // defaultFontFamily is what resvg-js maps every generic family (sans-serif…) to.
    font: { loadSystemFonts: fonts.loadSystemFonts, fontFiles: [...fonts.files], defaultFontFamily: fonts.family },
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    // resvg logs a warning per glyph fallback to stderr; a report export should stay quiet.
    logLevel: 'error',
  };
}

export function renderChartPng(option: EChartsOption, size: PngSize): Buffer {
  return new Resvg(renderChartSvg(option, size), resvgOptions(size.scale ?? 1)).render().asPng();
}

/**
 * The same, with the SVG-to-PNG step on libuv's thread pool: several charts render in parallel
 * and the event loop (Electron's utility process, the CLI's progress) stays free meanwhile.
 */
export async function renderChartPngAsync(option: EChartsOption, size: PngSize): Promise<Buffer> {
  const image = await renderAsync(renderChartSvg(option, size), resvgOptions(size.scale ?? 1));
  return image.asPng();
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

export async function renderReportCharts(data: ReportChartData, lang: Lang, size: Required<PngSize> = REPORT_CHART_SIZE): Promise<ReportChartImage[]> {
  return Promise.all(
    reportChartOptions(data, lang, size.height).map(async ({ name, title, option }) => ({
      name,
      title,
      png: await renderChartPngAsync(option, size),
      width: size.width,
      height: size.height,
    })),
  );
}
