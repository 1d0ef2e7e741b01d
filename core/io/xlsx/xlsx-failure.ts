/**
 * A problem that ends the reading of a workbook (or of one sheet), thrown from deep inside the
 * zip and XML layers and caught once at the top, where it becomes a report entry.
 */
import type { Problem } from '../../model/messages.js';

/** Where in the workbook a problem is; the file is added by the caller. */
export interface XlsxLocation {
  readonly sheet?: string;
  readonly row?: number;
  /** Column letters (A … XFD). */
  readonly column?: string;
  /** 1-based. */
  readonly columnNumber?: number;
  readonly value?: string;
}

export class XlsxFailure extends Error {
  constructor(
    readonly problem: Problem,
    readonly at: XlsxLocation = {},
  ) {
    super(problem.en);
    this.name = 'XlsxFailure';
  }
}
