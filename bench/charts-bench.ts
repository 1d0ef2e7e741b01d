/**
 * The report's charts at scale: `npx tsx bench/charts-bench.ts [customers] [out-dir]` builds a
 * synthetic province, runs the model, then times the chart data and the five PNGs in each
 * language (medians of 3), then the report's own size (470×290 at scale 2, what
 * export-value-report asks for). With an out-dir it also writes the PNGs, to look at. The resident
 * set size before and after the charts is printed too: the fonts are tens of megabytes, and the
 * renderer keeps them for the process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportChartData } from '../core/charts/chart-data.js';
import { renderReportCharts, type PngSize } from '../core/io/chart-images/render-chart.js';
import { runModel } from '../core/engine/run-model.js';
import { defaultScenario } from '../core/model/scenario.js';
import { syntheticInput } from './synthetic-input.js';
import { median } from './bench-stats.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const outDir = process.argv[3];
const REPEATS = 3;


const result = runModel(syntheticInput(customers, 3), defaultScenario());
const rssBeforeChartsMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
const timings: Record<string, number> = {};
const REPORT_SIZE: Required<PngSize> = { width: 470, height: 290, scale: 2 };
for (const [lang, size, key] of [
  ['zh', undefined, 'zh'],
  ['en', undefined, 'en'],
  ['zh', REPORT_SIZE, 'zh.report'],
] as const) {
  const dataMs: number[] = [];
  const renderMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now();
    const data = reportChartData(result, lang);
    dataMs.push(performance.now() - t);
    t = performance.now();
    const images = await renderReportCharts(data, lang, size);
    renderMs.push(performance.now() - t);
    if (outDir !== undefined && i === 0) {
      mkdirSync(outDir, { recursive: true });
      for (const image of images) writeFileSync(join(outDir, `${key}-${image.name}.png`), image.png);
    }
  }
  timings[`${key}.chartDataMs`] = Math.round(median(dataMs));
  timings[`${key}.renderFiveChartsMs`] = Math.round(median(renderMs));
}
const rssAfterChartsMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
console.log(JSON.stringify({ customers, ...timings, rssBeforeChartsMb, rssAfterChartsMb }));
