/** A strict comparison of two ModelInputs: every typed array of the same type and the same values, ids one by one. */
import { expect } from 'vitest';
import type { FactTable, ModelInput } from '../../core/model/dataset.js';

function typed(array: Float64Array | Int32Array | Uint16Array | Uint8Array): { type: string; values: number[] } {
  return { type: array.constructor.name, values: Array.from(array) };
}

function plainFacts(facts: FactTable): Record<string, unknown> {
  return {
    months: typed(facts.months),
    monthStart: typed(facts.monthStart),
    customerIds: Array.from({ length: facts.customerIds.length }, (_, i) => facts.customerIds.at(i)),
    customer: typed(facts.customer),
    numbers: Object.fromEntries(Object.entries(facts.numbers).map(([k, v]) => [k, { ...typed(v.values), scale: v.scale }])),
    categories: Object.fromEntries(Object.entries(facts.categories).map(([k, v]) => [k, typed(v)])),
    dictionaries: facts.dictionaries,
    joinMonth: typed(facts.joinMonth),
  };
}

export function expectSameInput(actual: ModelInput, expected: ModelInput): void {
  expect(plainFacts(actual.facts)).toStrictEqual(plainFacts(expected.facts));
  expect(actual.pools).toStrictEqual(expected.pools);
  expect(actual.campaigns).toStrictEqual(expected.campaigns);
  expect(actual.warnings).toStrictEqual(expected.warnings);
  // And the whole value as the engine sees it (PackedIds included).
  expect(actual).toEqual(expected);
}
