/** results:export — the value workbook of a results set. */
import { stat } from 'node:fs/promises';
import { exportResultSetReport as writeResultSetReport } from '../io/value-report/export-result-set-report.js';
import { APP_VERSION } from '../store/app-version.js';
import { resolveTarget } from './output-target.js';
import type { Handler } from './service-context.js';

export const exportResultSetReport: Handler<'results:export'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'results:export', ctx.emit, async (job) => {
    const path = await resolveTarget(ctx.options, input.target);
    // Held here, so the screens opening another set meanwhile does not take these columns away.
    const loaded = ctx.results.get(input.id);
    job.throwIfCancelled();
    const sheets = await writeResultSetReport(
      path,
      { set: loaded.set, label: loaded.record, aggregates: loaded.aggregates, preset: input.preset, lang: input.lang, appVersion: APP_VERSION },
      {
        // Throwing here makes the writer delete its temporary file; an earlier report stays as it was.
        onProgress: (p) => {
          job.throwIfCancelled();
          job.progress(p.stage, p.done, p.total);
        },
      },
    );
    return { path, sheets, bytes: (await stat(path)).size };
  });
