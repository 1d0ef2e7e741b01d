/** export:report — the value workbook of a live run (and of a comparison's second run). */
import { stat } from 'node:fs/promises';
import { summaryJson } from '../io/run-files/run-file-rows.js';
import { exportValueReport, MIN_TREND_MONTHS } from '../io/value-report/export-value-report.js';
import type { ModelResult } from '../engine/run-model.js';
import type { Trend } from '../engine/trend/trend.js';
import { trendMonths } from '../engine/trend/trend-months.js';
import { APP_VERSION } from '../store/app-version.js';
import { listImports } from '../store/imports-catalog.js';
import type { Store } from '../store/open-store.js';
import { recordRun } from '../store/runs.js';
import { findScenario } from '../store/scenarios.js';
import { runSummarySchema } from '../store/stored-json.js';
import { monthKey } from '../model/month.js';
import type { Job } from './jobs.js';
import { resolveTarget } from './output-target.js';
import type { Handler, ServiceContext } from './service-context.js';
import { cachedTrend } from './trend-handlers.js';

/** A report leaves the app, so its run goes into the knowledge base's history (what-if runs do not). */
function recordExportedRun(store: Store, result: ModelResult): void {
  const saved = findScenario(store, result.scenario.name);
  const same = saved !== null && JSON.stringify(saved.scenario) === JSON.stringify(result.scenario);
  recordRun(store, {
    scenarioId: same ? saved.id : null,
    scenario: result.scenario,
    month: monthKey(result.window.evaluationMonth),
    summary: runSummarySchema.parse(summaryJson(result)),
  });
}

/**
 * The run's trend for 趋势/预警: the 趋势 screen's cached one when it has been opened for this
 * data and scenario, else computed now (and cached for the screens). None with fewer than two
 * months, or when the run's data is no longer the loaded data (its trend would be another's).
 */
async function reportTrend(ctx: ServiceContext, result: ModelResult, job: Job): Promise<Trend | undefined> {
  if (result.input !== ctx.model.input()) return undefined;
  if (trendMonths(result.input, result.scenario).length < MIN_TREND_MONTHS) return undefined;
  return (await cachedTrend(ctx.model, result.scenario, { kb: ctx.store, job })).trend;
}

export const exportReport: Handler<'export:report'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'export:report', ctx.emit, async (job) => {
    const path = await resolveTarget(ctx.options, input.target);
    const run = ctx.model.run(input.runId);
    const other = input.compareRunId === undefined ? undefined : ctx.model.run(input.compareRunId);
    // Pinned: a what-if re-run during the export must not overwrite the arrays being written.
    const releases = [ctx.model.pin(run), ...(other === undefined ? [] : [ctx.model.pin(other)])];
    try {
      job.throwIfCancelled();
      const trend = await reportTrend(ctx, run.result, job);
      job.throwIfCancelled();
      const sheets = await exportValueReport(
        path,
        {
          result: run.result,
          ...(trend === undefined ? {} : { trend }),
          ...(other === undefined ? {} : { compareWith: other.result }),
          preset: input.preset,
          lang: input.lang,
          sources: listImports(ctx.store).flatMap((i) => i.datasets),
          appVersion: APP_VERSION,
        },
        {
          // Throwing here makes the writer delete its temporary file; an earlier report stays as it was.
          onProgress: (p) => {
            job.throwIfCancelled();
            job.progress(p.stage, p.done, p.total);
          },
        },
      );
      recordExportedRun(ctx.store, run.result);
      return { path, sheets, bytes: (await stat(path)).size };
    } finally {
      for (const release of releases) release();
    }
  });
