/** reconciliation.csv of a results folder (SPEC §13's contract columns), when it has one. */
import { isMonthKey } from '../../model/month.js';
import type { ResultReconciliationRow, ResultSourceFile } from '../../model/result-set.js';
import type { CsvStreamOptions } from '../csv/stream-csv-file.js';
import type { ProblemLog } from '../validation-report.js';
import { flagCell, numberCell, readResultTable } from './read-result-table.js';
import type { TableFiles } from './result-files.js';
import { resultIssues } from './result-messages.js';

const COLUMNS = ['pool', 'month', 'scope', 'amount', 'customers_in_scope', 'status', 'moved_to_users', 'allocated_sum', 'difference'] as const;
type Column = (typeof COLUMNS)[number];

export interface ReconciliationRead {
  readonly rows: ResultReconciliationRow[];
  readonly files: ResultSourceFile[];
}

/** Rows of months after the set's `month`, repeated pool-months and fractional counts are refused. */
export async function readResultReconciliation(files: TableFiles, month: string, log: ProblemLog, csv?: CsvStreamOptions): Promise<ReconciliationRead | null> {
  const rows: ResultReconciliationRow[] = [];
  if (files.paths.length === 0) return { rows, files: [] };
  const setMonth = month;
  const seen = new Set<string>();
  const read = await readResultTable({
    files,
    columns: COLUMNS,
    log,
    ...(csv === undefined ? {} : { csv }),
    onRow: (row, at) => {
      let ok = true;
      const cell = (c: Column): string => (row.cells[at[c]] ?? '').trim();
      const fail = (problem: Parameters<ProblemLog['error']>[0], c: Column): void => {
        ok = false;
        log.error(problem, { file: row.file, row: row.row, column: c, columnNumber: at[c] + 1, value: cell(c).slice(0, 100) });
      };
      const num = (c: Column): number => {
        const x = numberCell(cell(c));
        if (x === null) fail(resultIssues.notANumber, c);
        return x ?? NaN;
      };
      const month = cell('month');
      if (!isMonthKey(month)) fail(resultIssues.badMonth, 'month');
      else if (month > setMonth) fail(resultIssues.monthAfterSet(setMonth), 'month');
      const key = `${cell('pool')}\u0000${month}`;
      if (seen.has(key)) fail(resultIssues.poolMonthTwice, 'pool');
      seen.add(key);
      const status = cell('status');
      if (status !== 'allocated' && status !== 'unallocated') fail(resultIssues.badStatus, 'status');
      const moved = flagCell(cell('moved_to_users'));
      if (moved === null) fail(resultIssues.notAFlag, 'moved_to_users');
      const amount = num('amount');
      const customersInScope = num('customers_in_scope');
      if (customersInScope === customersInScope && !(customersInScope >= 0 && Number.isInteger(customersInScope))) fail(resultIssues.notACount, 'customers_in_scope');
      const allocatedSum = num('allocated_sum');
      const difference = num('difference');
      if (!ok) return;
      rows.push({
        pool: cell('pool'),
        month,
        scope: cell('scope'),
        amount,
        customersInScope,
        status: status as ResultReconciliationRow['status'],
        movedToUsers: moved === 1,
        allocatedSum,
        difference,
      });
    },
  });
  return read === null ? null : { rows, files: read };
}
