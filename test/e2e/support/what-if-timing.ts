/**
 * Times a what-if step in the page itself, so the figures are the analyst's and not the
 * test's: from the input event of the slider step that makes the weights valid again (the
 * page runs nothing while they do not add up to 100%) to the first frame drawn after the new
 * run is on screen. The charts merge their option lazily, on the next frame, so the second
 * animation frame after the DOM changed is the first one with the new charts in it.
 */
import { installWhatIfProbe, readWhatIfProbe } from './in-page.js';
import type { ResultsPage, WeightKey } from './pages/results-page.js';

export interface WhatIfStep {
  /** Input event → first frame with the new run's charts, ms. */
  readonly inputToFrameMs: number;
  /** Input event → the tier counts' DOM changed, ms (null: this move changed no count). */
  readonly inputToTierCountsMs: number | null;
  /** The page's own request-to-answer time of the run (data-run-ms). */
  readonly roundTripMs: number | null;
  readonly tiersBefore: string;
  readonly tiersAfter: string;
}

/** Moves weight `from` down and `to` up by `steps` percent, and times the re-run it causes. */
export async function timedWeightMove(results: ResultsPage, from: WeightKey, to: WeightKey, steps: number): Promise<WhatIfStep> {
  const { page } = results;
  const runsBefore = await results.completedRuns();
  const tiersBefore = await results.tierCountsText();
  await page.evaluate(installWhatIfProbe, runsBefore);
  await results.nudgeWeight(to, steps);
  await results.nudgeWeight(from, -steps);
  await results.waitForRunsAfter(runsBefore);
  const times = await (await page.waitForFunction(readWhatIfProbe)).jsonValue();
  if (times === null || times.frame === null) throw new Error('the what-if probe saw no new run');
  return {
    inputToFrameMs: times.frame - times.lastInput,
    inputToTierCountsMs: times.tierChange === null ? null : times.tierChange - times.lastInput,
    roundTripMs: await results.runMs(),
    tiersBefore,
    tiersAfter: await results.tierCountsText(),
  };
}

export interface WhatIfFigures {
  readonly customers: number;
  readonly steps: readonly WhatIfStep[];
  readonly medianMs: number;
  readonly maxMs: number;
  readonly targetMs: number;
}

export function summarise(customers: number, steps: readonly WhatIfStep[], targetMs: number): WhatIfFigures {
  const times = steps.map((s) => s.inputToFrameMs).sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[mid] ?? 0) : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2;
  return { customers, steps, medianMs: Math.round(median), maxMs: Math.round(times.at(-1) ?? 0), targetMs };
}
