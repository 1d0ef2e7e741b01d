/** The rows of an exported target list, shared by the CSV and the xlsx file. */
import type { ModelResult } from '../../engine/run-model.js';
import { tierText } from '../run-files/run-file-rows.js';

export const TARGET_COLUMNS = [
  'customer_id', 'branch', 'channel', 'plan', 'segment', 'tier', 'value', 'avg_profit', 'avg_billed_revenue', 'tenure_months',
] as const;

export type TargetRow = readonly [string, string, string, string, string, string, number, number, number, number];

export function* targetRows(result: ModelResult, customers: Int32Array): Iterable<TargetRow> {
  const { window: win, values, profit, input } = result;
  const { dictionaries, customerIds } = input.facts;
  const name = (field: 'branch' | 'channel' | 'plan' | 'segment', c: number) => dictionaries[field][win.attributes[field][c] as number] as string;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i] as number;
    yield [
      customerIds.at(c),
      name('branch', c),
      name('channel', c),
      name('plan', c),
      name('segment', c),
      tierText(result, c),
      values.value[c] as number,
      profit.avgProfit[c] as number,
      win.avgBilledRevenue[c] as number,
      win.tenure[c] as number,
    ];
  }
}
