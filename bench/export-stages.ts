/**
 * Where an export's time goes, from the exporter's own onProgress stages: 'charts' (before the
 * chart images), 'customers' (every 50,000 rows of the full preset), 'sheets' (customer sheets
 * written), 'done' (every sheet written; the zip's directory and the rename follow).
 */
import type { ReportProgress } from '../core/io/value-report/export-value-report.js';

export interface StageTimes {
  /** Start → 'charts': the run summary and the issue list. */
  readonly prepareSeconds: number;
  /** 'charts' → 'sheets': chart data and PNGs, 说明, the parameter layout, then the customer sheets (full) or the key-customer lists (summary). */
  readonly chartsAndCustomerSheetsSeconds: number;
  /** Of which, full only: before the first customer row (charts, 说明), estimated from the row rate … */
  readonly beforeCustomerRowsSeconds: number | null;
  /** … and the customer rows themselves. */
  readonly customerRowsSeconds: number | null;
  /** 'sheets' → 'done': aggregates, reconciliation, parameters, problems. */
  readonly otherSheetsSeconds: number;
  /** 'done' → returned: styles, workbook parts, zip directory, rename. */
  readonly finishSeconds: number;
  /** Customer rows per second on the customer sheets (full only). */
  readonly customerRowsPerSecond: number | null;
}

export class StageClock {
  private readonly start = performance.now();
  private readonly first = new Map<ReportProgress['stage'], number>();
  private readonly customerMarks: { done: number; ms: number }[] = [];

  readonly onProgress = (p: ReportProgress): void => {
    const ms = performance.now();
    if (!this.first.has(p.stage)) this.first.set(p.stage, ms);
    if (p.stage === 'customers') this.customerMarks.push({ done: p.done, ms });
  };

  times(end: number): StageTimes {
    const at = (stage: ReportProgress['stage']): number => this.first.get(stage) ?? Number.NaN;
    const s = (ms: number): number => Math.round(ms) / 1000;
    const marks = this.customerMarks;
    const firstMark = marks[0];
    const lastMark = marks[marks.length - 1];
    let rowsStart: number | null = null;
    let rate: number | null = null;
    // The first mark comes after 50,000 rows: take them off at the rate between the marks.
    if (firstMark !== undefined && lastMark !== undefined && lastMark.done > firstMark.done) {
      const msPerRow = (lastMark.ms - firstMark.ms) / (lastMark.done - firstMark.done);
      rowsStart = firstMark.ms - firstMark.done * msPerRow;
      rate = Math.round(1000 / msPerRow);
    }
    return {
      prepareSeconds: s(at('charts') - this.start),
      chartsAndCustomerSheetsSeconds: s(at('sheets') - at('charts')),
      beforeCustomerRowsSeconds: rowsStart === null ? null : s(rowsStart - at('charts')),
      customerRowsSeconds: rowsStart === null ? null : s(at('sheets') - rowsStart),
      otherSheetsSeconds: s(at('done') - at('sheets')),
      finishSeconds: s(end - at('done')),
      customerRowsPerSecond: rate,
    };
  }
}
