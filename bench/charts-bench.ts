/**
 * The report's charts at scale: `npx tsx bench/charts-bench.ts [customers] [out-dir]` builds a
 * synthetic province, runs the model, then times the chart data and the five PNGs in each
 * language (medians of 3). With an out-dir it also writes the PNGs, to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportChartData } from '../core/charts/chart-data.js';
import { renderReportCharts } from '../core/io/chart-images/render-chart.js';
import { runModel } from '../core/engine/run-model.js';
import { defaultScenario } from '../core/model/scenario.js';
import { syntheticInput } from './synthetic-input.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const outDir = process.argv[3];
const REPEATS = 3;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}

const result = runModel(syntheticInput(customers, 3), defaultScenario());
const timings: Record<string, number> = {};
for (const lang of ['zh', 'en'] as const) {
  const dataMs: number[] = [];
  const renderMs: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    let t = performance.now();
    const data = reportChartData(result, lang);
    dataMs.push(performance.now() - t);
    t = performance.now();
    const images = await renderReportCharts(data, lang);
    renderMs.push(performance.now() - t);
    if (outDir !== undefined && i === 0) {
      mkdirSync(outDir, { recursive: true });
      for (const image of images) writeFileSync(join(outDir, `${lang}-${image.name}.png`), image.png);
    }
  }
  timings[`${lang}.chartDataMs`] = Math.round(median(dataMs));
  timings[`${lang}.renderFiveChartsMs`] = Math.round(median(renderMs));
}
console.log(JSON.stringify({ customers, ...timings }));
