/** runs:start — a scenario run; campaigns:uplift — the uplift of its campaigns, on request. on the what-if session (see model-state.ts for how long a run lives). */
import { checkScenario } from './scenario-handlers.js';
import type { Handler } from './service-context.js';
import { campaignsWithUplift, runView } from './run-view.js';

export const startRun: Handler<'runs:start'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'runs:start', ctx.emit, async (job) => {
    const checked = checkScenario(input.scenario);
    if (!checked.ok) return checked;
    if (!ctx.model.isLoaded) {
      // The first run after an import reads the knowledge base (about a second at a million customers).
      job.progress('load', 0, 1);
      ctx.model.input();
      job.throwIfCancelled();
    }
    return { ok: true, run: runView(ctx.model.runWhatIf(checked.scenario)) };
  });

export const campaignUpliftOf: Handler<'campaigns:uplift'> = async (input, ctx) => campaignsWithUplift(ctx.model.run(input.runId).result);
