/** datasets:* — what the knowledge base holds, and reading, checking and importing files into it. */
import { readInputFiles } from '../io/read-inputs.js';
import { basename } from 'node:path';
import { exportValidationReport } from '../io/report/export-validation-report.js';
import { deleteImport, listImports } from '../store/imports-catalog.js';
import { readingMappings } from './column-mapping-input.js';
import { importAsJob } from './import-job.js';
import { importView, validationView } from './import-views.js';
import { resolveTarget } from './output-target.js';
import type { Handler } from './service-context.js';
import { previewTables } from './sheet-preview.js';

export const listDatasets: Handler<'datasets:list'> = async (_input, ctx) => listImports(ctx.store).map(importView);

export const previewDatasets: Handler<'datasets:preview'> = async (input, ctx) => previewTables(input.paths, readingMappings(ctx.store, input.mappings));

/** Reads the files as an import would (a cost report alone is fine), writing nothing. */
export const validateDatasets: Handler<'datasets:validate'> = async (input, ctx) => {
  const read = await readInputFiles(input.paths, { mappings: readingMappings(ctx.store, input.mappings), sumDuplicateKeys: input.sumDuplicates, requireUsage: false });
  return validationView(read.report);
};

/**
 * The web shell's paths are uploads in a per-launch folder that is gone after the session; the
 * knowledge base records the analyst's own file name instead (the upload keeps it as its name).
 */
export const importDatasets: Handler<'datasets:import'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'datasets:import', ctx.emit, (job) => importAsJob(ctx, job, ctx.options.shell === 'web' ? { ...input, nameOf: basename } : input));

export const deleteDataset: Handler<'datasets:delete'> = async (input, ctx) => {
  const deleted = deleteImport(ctx.store, input.importId);
  ctx.model.invalidate();
  ctx.emit({ event: 'data:changed', payload: { what: 'datasets' } });
  return importView(deleted);
};

/** The problems of the files as a workbook: the problem list and the original rows beside their problems. */
export const exportValidation: Handler<'datasets:exportReport'> = async (input, ctx) => {
  const path = await resolveTarget(ctx.options, input.target);
  const read = await readInputFiles(input.paths, { mappings: readingMappings(ctx.store, input.mappings), requireUsage: false });
  await exportValidationReport(read.report, path, { lang: input.lang });
  return { path };
};
