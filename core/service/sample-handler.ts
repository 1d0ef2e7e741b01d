/**
 * datasets:importSample — a new user's first data: the sample province written as the workbooks
 * `cvalue sample --format xlsx` writes, into a folder of the service's temporary area, then
 * imported as the analyst's own files would be. The same options give the same bytes, so loading
 * the same sample again answers `unchanged`.
 */
import { basename } from 'node:path';
import { writeSampleXlsx } from '../sample/write-sample-xlsx.js';
import { importAsJob } from './import-job.js';
import type { Handler } from './service-context.js';

export const importSample: Handler<'datasets:importSample'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'datasets:importSample', ctx.emit, (job) =>
    ctx.scratch.withFolder('sample-', async (folder) => {
      job.progress('sample', 0, input.customers);
      const written = await writeSampleXlsx(folder, { customers: input.customers, months: input.months }, (done, total) => {
        // Between batches of customers: a cancel stops the writing, and the folder goes with it.
        job.throwIfCancelled();
        job.progress('sample', done, total);
      });
      job.throwIfCancelled();
      // Named by file name: the folder is removed once the import is done.
      return importAsJob(ctx, job, { paths: written.files, mappings: [], sumDuplicates: false, replace: false, nameOf: basename });
    }),
  );
