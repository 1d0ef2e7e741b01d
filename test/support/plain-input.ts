import type { ModelInput } from '../../core/model/dataset.js';
import { decodeNumbers } from '../../core/model/number-column.js';

/** Comparable form of a ModelInput (typed arrays, numeric columns' values and the packed ids as plain arrays), for toEqual. */
export function plainInput(model: ModelInput): unknown {
  const { facts } = model;
  return {
    facts: {
      ...facts,
      customerIds: Array.from({ length: facts.customerIds.length }, (_, i) => facts.customerIds.at(i)),
      months: Array.from(facts.months),
      monthStart: Array.from(facts.monthStart),
      customer: Array.from(facts.customer),
      joinMonth: Array.from(facts.joinMonth),
      numbers: Object.fromEntries(Object.entries(facts.numbers).map(([k, v]) => [k, Array.from(decodeNumbers(v))])),
      categories: Object.fromEntries(Object.entries(facts.categories).map(([k, v]) => [k, Array.from(v)])),
    },
    pools: model.pools,
    campaigns: model.campaigns,
    warnings: model.warnings,
  };
}
