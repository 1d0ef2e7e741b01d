/** customers:* — the explorer's pages and one customer's trace, over a live run. */
import { customerRecord, filterChoices, queryCustomers, sortCustomers, type FilterChoices } from '../engine/customer-query.js';
import { traceCustomer } from '../engine/customer-trace.js';
import type { LiveRun } from './model-state.js';
import type { Handler } from './service-context.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

/** A per-run value computed once (sort orders, filter choices); dropped with the run. */
function cached<T>(run: LiveRun, key: string, compute: () => T): T {
  if (!run.cache.has(key)) run.cache.set(key, compute());
  return run.cache.get(key) as T;
}

export const queryCustomerPage: Handler<'customers:query'> = async (input, ctx) => {
  const run = ctx.model.run(input.runId);
  const { column, descending } = input.sort;
  const order = cached(run, `order:${column}:${descending ? 'desc' : 'asc'}`, () => sortCustomers(run.result, column, descending));
  const { total, page } = queryCustomers(run.result, order, input.filter, input.offset, input.limit);
  return {
    total,
    offset: input.offset,
    rows: Array.from(page, (c) => customerRecord(run.result, c)),
    choices: cached<FilterChoices>(run, 'choices', () => filterChoices(run.result)),
  };
};

export const traceCustomerHandler: Handler<'customers:trace'> = async (input, ctx) => {
  const { result } = ctx.model.run(input.runId);
  const c = result.input.facts.customerIds.indexOf(input.customerId);
  if (c < 0 || result.window.inTable[c] !== 1) throw new ServiceFailure(serviceIssues.customerNotFound(input.customerId));
  return traceCustomer(result, c);
};
