/** export:report — the value workbook of a live run (and of a comparison's second run). */
import { stat } from 'node:fs/promises';
import { summaryJson } from '../io/run-files/run-file-rows.js';
import { exportValueReport } from '../io/value-report/export-value-report.js';
import type { ModelResult } from '../engine/run-model.js';
import { APP_VERSION } from '../store/app-version.js';
import { listImports } from '../store/imports-catalog.js';
import type { Store } from '../store/open-store.js';
import { recordRun } from '../store/runs.js';
import { findScenario } from '../store/scenarios.js';
import { runSummarySchema } from '../store/stored-json.js';
import { monthKey } from '../model/month.js';
import { resolveTarget } from './output-target.js';
import type { Handler } from './service-context.js';

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

export const exportReport: Handler<'export:report'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'export:report', ctx.emit, async (job) => {
    const path = await resolveTarget(ctx.options, input.target);
    const run = ctx.model.run(input.runId);
    const other = input.compareRunId === undefined ? undefined : ctx.model.run(input.compareRunId);
    // Pinned: a what-if re-run during the export must not overwrite the arrays being written.
    const releases = [ctx.model.pin(run), ...(other === undefined ? [] : [ctx.model.pin(other)])];
    try {
      job.throwIfCancelled();
      const sheets = await exportValueReport(
        path,
        {
          result: run.result,
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
