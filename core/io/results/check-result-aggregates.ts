/**
 * A results folder's aggregates_<group>.csv files, when it has them, checked against the
 * aggregates summed from its customers.csv: a folder whose files come from different runs (or
 * were edited) is refused rather than shown with figures that contradict each other. Warehouse
 * sums add in another order, so money agrees to 1e-6 relative; counts exactly.
 */
import { GROUPINGS, type AggregateRow, type Grouping } from '../../engine/aggregates.js';
import type { ResultSourceFile } from '../../model/result-set.js';
import type { CsvStreamOptions } from '../csv/stream-csv-file.js';
import type { ProblemLog } from '../validation-report.js';
import { readResultTable } from './read-result-table.js';
import { closeEnough, isNoValue, numberCell } from './read-result-table.js';
import type { TableFiles } from './result-files.js';
import { resultIssues } from './result-messages.js';

const COUNT_COLUMNS = { customers: 'customers', eligible: 'eligible', negative_count: 'negativeCount' } as const;
const MONEY_COLUMNS = {
  sum_avg_revenue: 'sumAvgRevenue',
  sum_avg_settlement_cost: 'sumAvgSettlementCost',
  sum_avg_individual_cost: 'sumAvgIndividualCost',
  sum_avg_allocated: 'sumAvgAllocated',
  sum_avg_profit: 'sumAvgProfit',
  margin: 'margin',
  negative_share: 'negativeShare',
  loss: 'loss',
  mean_value: 'meanValue',
} as const;
type FileColumn = 'group' | keyof typeof COUNT_COLUMNS | keyof typeof MONEY_COLUMNS;
const FILE_COLUMNS = ['group', ...Object.keys(COUNT_COLUMNS), ...Object.keys(MONEY_COLUMNS)] as FileColumn[];

/** Checks every aggregates file the folder has; returns the files read, for provenance. */
export async function checkResultAggregates(
  tables: Readonly<Record<Grouping, TableFiles>>,
  computed: Readonly<Record<Grouping, readonly AggregateRow[]>>,
  log: ProblemLog,
  csv?: CsvStreamOptions,
): Promise<ResultSourceFile[] | null> {
  const read: ResultSourceFile[] = [];
  let failed = false;
  for (const grouping of GROUPINGS) {
    const files = tables[grouping];
    if (files.paths.length === 0) continue;
    const expected = new Map(computed[grouping].map((r) => [r.group, r]));
    const seen = new Set<string>();
    const parts = await readResultTable({
      files,
      columns: FILE_COLUMNS,
      log,
      ...(csv === undefined ? {} : { csv }),
      onRow: (row, at) => {
        const cell = (c: FileColumn): string => row.cells[at[c]] ?? '';
        const where = (c: FileColumn) => ({ file: row.file, row: row.row, column: c, columnNumber: at[c] + 1, value: cell(c).slice(0, 100) });
        const group = cell('group').trim();
        const mine = expected.get(group);
        if (mine === undefined) {
          log.error(resultIssues.aggregateGroupExtra, where('group'));
          return;
        }
        if (seen.has(group)) {
          log.error(resultIssues.groupTwice, where('group'));
          return;
        }
        seen.add(group);
        for (const [column, field] of [...Object.entries(COUNT_COLUMNS), ...Object.entries(MONEY_COLUMNS)] as [FileColumn, keyof AggregateRow][]) {
          const text = cell(column);
          const x = isNoValue(text) ? NaN : numberCell(text);
          if (x === null) {
            log.error(resultIssues.notANumber, where(column));
            continue;
          }
          const ours = mine[field] as number;
          // Counts exactly: at a million customers 1e-6 would let one customer go missing.
          const agrees = column in COUNT_COLUMNS ? x === ours : closeEnough(x, ours);
          if (!agrees) log.error(resultIssues.aggregateDiffers(x, ours), where(column));
        }
      },
    });
    if (parts === null) {
      failed = true;
      continue;
    }
    read.push(...parts);
    for (const group of expected.keys()) {
      if (!seen.has(group)) {
        failed = true;
        log.error(resultIssues.aggregateGroupMissing(group), { file: files.names[0] as string });
      }
    }
  }
  return failed ? null : read;
}
