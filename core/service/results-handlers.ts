/**
 * results:* — results sets (issue 7): the run files of a run made elsewhere read into the
 * knowledge base, then shown with the run screens' figures, charts and customer explorer.
 */
import { basename } from 'node:path';
import { queryResultCustomers, resultCustomerRecord, resultFilterChoices, sortResultCustomers } from '../engine/results/result-query.js';
import { readResultSet } from '../io/results/read-result-set.js';
import { deleteResultSet, listResultSets, saveResultSet } from '../store/result-sets.js';
import { validationView } from './import-views.js';
import { cachedFor } from './result-set-state.js';
import { resultSetSummaryView, resultSetView } from './result-set-view.js';
import type { Handler } from './service-context.js';

export const listResultSetsHandler: Handler<'results:list'> = async (_input, ctx) => listResultSets(ctx.store).map(resultSetSummaryView);

export const importResultSet: Handler<'results:import'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'results:import', ctx.emit, async (job) => {
    job.progress('read', 0, 0);
    const read = await readResultSet(input.paths, {
      ...(input.month === undefined ? {} : { month: input.month }),
      onProgress: (rows) => {
        job.throwIfCancelled();
        job.progress('read', rows, 0);
      },
    });
    if (!read.ok) return { status: 'invalid', report: validationView(read.report) };
    job.throwIfCancelled();
    job.progress('save', 0, 0);
    // The web shell's uploads sit in folders of their own; the set records the analyst's file names.
    const files = ctx.options.shell === 'web' ? read.set.files.map((f) => ({ ...f, name: basename(f.name) })) : read.set.files;
    const record = saveResultSet(ctx.store, { ...read.set, files }, input.name);
    ctx.emit({ event: 'data:changed', payload: { what: 'results' } });
    return { status: 'imported', set: resultSetSummaryView(record), report: validationView(read.report) };
  });

export const deleteResultSetHandler: Handler<'results:delete'> = async (input, ctx) => {
  ctx.results.forget(input.id);
  const deleted = deleteResultSet(ctx.store, input.id);
  if (deleted) ctx.emit({ event: 'data:changed', payload: { what: 'results' } });
  return { deleted };
};

export const viewResultSet: Handler<'results:view'> = async (input, ctx) => {
  const loaded = ctx.results.get(input.id);
  return cachedFor(loaded, 'view', () => resultSetView(loaded));
};

export const queryResultSetCustomers: Handler<'results:customers'> = async (input, ctx) => {
  const loaded = ctx.results.get(input.id);
  const { column, descending } = input.sort;
  const order = cachedFor(loaded, `order:${column}:${descending ? 'desc' : 'asc'}`, () => sortResultCustomers(loaded.set.customers, column, descending));
  const { total, page } = queryResultCustomers(loaded.set, order, input.filter, input.offset, input.limit);
  return {
    total,
    offset: input.offset,
    rows: Array.from(page, (c) => resultCustomerRecord(loaded.set, c)),
    choices: cachedFor(loaded, 'choices', () => resultFilterChoices(loaded.set)),
  };
};
