/** datasets:* — what the knowledge base holds, and reading, checking and importing files into it. */
import { readInputFiles } from '../io/read-inputs.js';
import { exportValidationReport } from '../io/report/export-validation-report.js';
import { saveColumnMapping } from '../store/column-mappings.js';
import { importFiles } from '../store/import-files.js';
import { deleteImport, listImports } from '../store/imports-catalog.js';
import { readingMappings, toColumnMapping } from './column-mapping-input.js';
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

export const importDatasets: Handler<'datasets:import'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'datasets:import', ctx.emit, async (job) => {
    const mappings = input.mappings.map(toColumnMapping);
    job.progress('read', 0, input.paths.length);
    const result = await importFiles(ctx.store, input.paths, {
      replace: input.replace,
      read: { mappings, sumDuplicateKeys: input.sumDuplicates },
      // Reported between the write's phases, inside its transaction: a cancel there rolls it all back.
      onProgress: (p) => {
        job.throwIfCancelled();
        job.progress(p.stage, p.stage === 'facts' ? p.done : 0, p.stage === 'facts' ? p.total : 0);
      },
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
  });

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
