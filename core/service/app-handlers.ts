/** app:info and jobs:cancel — the service itself. */
import { APP_VERSION } from '../store/app-version.js';
import { listImports } from '../store/imports-catalog.js';
import type { Handler } from './service-context.js';

export const appInfo: Handler<'app:info'> = async (_input, ctx) => ({
  version: APP_VERSION,
  shell: ctx.options.shell,
  database: ctx.options.databasePath,
  // Usage rows, not merely an import: a cost report alone cannot be run.
  dataLoaded: listImports(ctx.store).some((i) => i.factRows > 0),
});

export const cancelJob: Handler<'jobs:cancel'> = async (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) });
