/**
 * A results set as the service answers for it: the worked example's run (mini-fixtures.ts)
 * brought back from "the warehouse", with its files and a reconciliation of two pools.
 */
import type { ResultSetSummaryView, ResultSetView, ValidationView } from '../../../core/service/contract';
import { miniRun } from '../results/mini-fixtures';

export const SHA_CUSTOMERS = 'a3f19c0d5e7b2468ace013579bdf2468ace013579bdf2468ace013579bdf2468';

export const warehouseSet: ResultSetSummaryView = {
  id: 7,
  name: '数仓 2026-03',
  importedAt: '2026-04-05T09:30:00Z',
  appVersion: '0.1.0',
  month: '2026-03',
  scenarioName: 'mini',
  customers: 4,
  files: [
    { name: 'scenario.json', sha256: '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c', bytes: 1843, rows: 0 },
    { name: 'customers.csv', sha256: SHA_CUSTOMERS, bytes: 2_400_000, rows: 4 },
    { name: 'aggregates_plan.csv', sha256: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100', bytes: 612, rows: 3 },
  ],
};

/** An older set, listed after the warehouse one (the list is newest first). */
export const otherSet: ResultSetSummaryView = { ...warehouseSet, id: 3, name: '另一台电脑 2026-02', month: '2026-02', importedAt: '2026-03-02T10:00:00Z', customers: 1200 };

export function viewOf(set: ResultSetSummaryView): ResultSetView {
  return {
    set,
    scenario: miniRun.scenario,
    kpis: miniRun.kpis,
    charts: miniRun.charts,
    aggregates: miniRun.aggregates,
    reconciliation: [
      { pool: '网络运维', month: '2026-03', scope: 'all', amount: 1200, customersInScope: 4, status: 'allocated', movedToUsers: false, allocatedSum: 1200, difference: 0 },
      { pool: '渠道支撑', month: '2026-03', scope: 'channel=社会渠道', amount: 300, customersInScope: 0, status: 'unallocated', movedToUsers: true, allocatedSum: 0, difference: 300 },
    ],
  };
}

/** What results:import answers for a folder whose customers.csv has a text in a money column. */
export const refusedReport: ValidationView = {
  errorCount: 1,
  warningCount: 1,
  problems: [
    { severity: 'error', code: 'results.bad_number', zh: '不是数字', en: 'Not a number', file: 'customers.csv', row: 3, column: 'avg_profit', value: '十元' },
    { severity: 'warning', code: 'results.file_ignored', zh: '不属于结果集，未读取', en: 'Not part of a results set; not read', file: 'notes.csv' },
  ],
  problemsOmitted: 0,
  files: [],
};
