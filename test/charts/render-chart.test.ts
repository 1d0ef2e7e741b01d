/** Charts as SVG and PNG: the right size, the Chinese text in the SVG, and Chinese glyphs (not boxes) in the PNG. */
import type { EChartsOption } from 'echarts';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportChartData, type ReportChartData } from '../../core/charts/chart-data.js';
import { CHART_FONT_FAMILY } from '../../core/charts/options/chart-style.js';
import { reportChartOptions, REPORT_CHART_NAMES } from '../../core/charts/report-charts.js';
import { chartFonts, chooseChartFonts, fontCandidates, loadFonts } from '../../core/io/chart-images/chart-fonts.js';
import { renderChartPng, renderChartPngAsync, renderChartSvg, renderReportCharts } from '../../core/io/chart-images/render-chart.js';
import { svgToPng } from '../../core/io/chart-images/svg-to-png.js';
import { miniResult } from './mini-result.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which follows the signature and the chunk's length and type. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function titleOnly(text: string): EChartsOption {
  return { animation: false, title: { text, left: 'center', top: 10, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 24 } } };
}

const SMALL = { width: 240, height: 60 };

let data: ReportChartData;

beforeAll(async () => {
  data = reportChartData(await miniResult(), 'zh');
});

describe('renderChartSvg', () => {
  it('writes the Chinese title and axis names as text, in the unquoted font list', () => {
    const [histogram] = reportChartOptions(data, 'zh');
    const svg = renderChartSvg(histogram?.option ?? {}, { width: 800, height: 450 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="800" height="450"');
    expect(svg).toContain('>客户价值分值分布</text>');
    expect(svg).toContain('>价值分值</text>');
    expect(svg).toContain(`font-family:${CHART_FONT_FAMILY}`);
  });
});

describe('renderChartPng', () => {
  it('makes a PNG of the size asked, times the scale', () => {
    expect(pngSize(renderChartPng(titleOnly('客户'), SMALL))).toEqual({ width: 240, height: 60 });
    expect(pngSize(renderChartPng(titleOnly('客户'), { ...SMALL, scale: 2 }))).toEqual({ width: 480, height: 120 });
  });

  it('draws Chinese glyphs: two titles of the same characters in another order differ', () => {
    // Without a font for them, every character would be the same empty box (or nothing), and the two images equal.
    const forward = renderChartPng(titleOnly('客户价值'), SMALL);
    const backward = renderChartPng(titleOnly('值价户客'), SMALL);
    const blank = renderChartPng(titleOnly(''), SMALL);
    expect(renderChartPng(titleOnly('客户价值'), SMALL).equals(forward)).toBe(true);
    expect(forward.equals(blank)).toBe(false);
    expect(forward.equals(backward)).toBe(false);
  });

  it('loads one Chinese font found on this machine instead of scanning the system fonts', () => {
    const fonts = chartFonts();
    expect(fonts.coverage).toBe('cjk');
    expect(fonts.family).toMatch(/Microsoft YaHei|SimHei|Noto Sans CJK SC|WenQuanYi Micro Hei|PingFang SC/);
    expect(CHART_FONT_FAMILY.split(', ')).toContain(fonts.family);
    expect(fonts.files.length).toBeGreaterThanOrEqual(1);
  });

  it('gives the same image from the async variant', async () => {
    expect((await renderChartPngAsync(titleOnly('客户价值'), SMALL)).equals(renderChartPng(titleOnly('客户价值'), SMALL))).toBe(true);
  });
});

describe('on a machine without a Chinese font', () => {
  const latin = chooseChartFonts(fontCandidates().filter((c) => c.coverage === 'latin'));

  function png(text: string, fonts: Parameters<typeof loadFonts>[0]): Buffer {
    return svgToPng(renderChartSvg(titleOnly(text), SMALL), 1, loadFonts(fonts));
  }

  it.skipIf(latin.coverage === 'none')('still draws Latin text and digits with a Latin font, and Chinese ones as boxes, without failing', () => {
    const forward = png('Value 12', latin);
    expect(pngSize(forward)).toEqual(SMALL);
    expect(forward.equals(png('', latin))).toBe(false);
    expect(forward.equals(png('21 eulaV', latin))).toBe(false);
    expect(pngSize(png('客户价值 Value', latin))).toEqual(SMALL);
  });

  it('renders the chart without its text when there is no font at all', () => {
    const none = chooseChartFonts([]);
    expect(none).toEqual({ family: '', files: [], coverage: 'none' });
    const image = png('客户价值 Value', none);
    expect(pngSize(image)).toEqual(SMALL);
    expect(image.equals(png('', none))).toBe(true);
  });
});

describe('renderReportCharts', () => {
  it('renders the five charts in the report order, at twice 800×450 by default', async () => {
    const images = await renderReportCharts(data, 'zh');
    expect(images.map((i) => i.name)).toEqual([...REPORT_CHART_NAMES]);
    expect(images[0]?.title).toBe('客户价值分值分布');
    for (const image of images) {
      expect(pngSize(image.png)).toEqual({ width: 1600, height: 900 });
      expect([image.width, image.height]).toEqual([800, 450]);
    }
  });

  it('renders at the size the value report asks for', async () => {
    const images = await renderReportCharts(data, 'en', { width: 470, height: 290, scale: 2 });
    expect(images.map((i) => pngSize(i.png))).toEqual(REPORT_CHART_NAMES.map(() => ({ width: 940, height: 580 })));
  });
});
