/**
 * The import as a job's work, shared by datasets:import (the analyst's files) and
 * datasets:importSample (workbooks the service wrote): progress, cancellation inside the write's
 * transaction, the answer as the screens receive it, and what changes after an import.
 */
import { saveColumnMapping } from '../store/column-mappings.js';
import { importFiles, type ImportFilesOptions } from '../store/import-files.js';
import { toColumnMapping, type MappingInput } from './column-mapping-input.js';
import type { ChannelOutput } from './contract.js';
import { importView, validationView } from './import-views.js';
import type { Job } from './jobs.js';
import type { ServiceContext } from './service-context.js';

export interface ImportRequest {
  readonly paths: readonly string[];
  readonly mappings: readonly MappingInput[];
  readonly sumDuplicates: boolean;
  readonly replace: boolean;
  readonly nameOf?: ImportFilesOptions['nameOf'];
}

export async function importAsJob(ctx: ServiceContext, job: Job, request: ImportRequest): Promise<ChannelOutput<'datasets:import'>> {
  const mappings = request.mappings.map(toColumnMapping);
  job.progress('read', 0, request.paths.length);
  const result = await importFiles(ctx.store, request.paths, {
    replace: request.replace,
    read: { mappings, sumDuplicateKeys: request.sumDuplicates },
    // Reported between the write's phases, inside its transaction: a cancel there rolls it all back.
    onProgress: (p) => {
      job.throwIfCancelled();
      job.progress(p.stage, p.stage === 'facts' ? p.done : 0, p.stage === 'facts' ? p.total : 0);
    },
    nameOf: request.nameOf,
  });
  const skipped = result.skipped.map((s) => s.file);
  if (result.status === 'invalid') return { status: 'invalid', report: validationView(result.report) };
  if (result.status === 'unchanged') return { status: 'unchanged', skipped };
  ctx.model.invalidate();
  // A hand-made mapping that worked is kept as a template for next month's files.
  for (const mapping of mappings) saveColumnMapping(ctx.store, mapping);
  ctx.emit({ event: 'data:changed', payload: { what: 'datasets' } });
  if (mappings.length > 0) ctx.emit({ event: 'data:changed', payload: { what: 'mappings' } });
  return { status: 'imported', imported: importView(result.imported), report: validationView(result.report), skipped };
}
