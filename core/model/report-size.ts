/**
 * What a full-detail value report will cost before it is written, so an analyst at province
 * scale is warned (issue 7): the figures are the export benchmark's (`npm run bench`, export
 * part: 226 MB and 21 s per million customers on the reference PC), and the row limit is Excel's.
 */
export const FULL_REPORT_BYTES_PER_CUSTOMER = 226;
export const FULL_REPORT_SECONDS_PER_MILLION_CUSTOMERS = 21;
/** Excel's 1,048,576 rows less the header row: customers per 客户价值明细 sheet. */
export const CUSTOMER_ROWS_PER_SHEET = 1_048_575;
/** Past this a workbook is awkward to email and slow to open in Excel or WPS. */
export const LARGE_REPORT_BYTES = 100 * 1024 * 1024;

export interface ReportEstimate {
  readonly bytes: number;
  readonly seconds: number;
  /** How many 客户价值明细 sheets the customers fill. */
  readonly customerSheets: number;
  /** Worth a warning: over LARGE_REPORT_BYTES, or split across sheets. */
  readonly large: boolean;
}

export function fullReportEstimate(customers: number): ReportEstimate {
  const bytes = customers * FULL_REPORT_BYTES_PER_CUSTOMER;
  const customerSheets = Math.max(1, Math.ceil(customers / CUSTOMER_ROWS_PER_SHEET));
  return { bytes, seconds: (customers / 1e6) * FULL_REPORT_SECONDS_PER_MILLION_CUSTOMERS, customerSheets, large: bytes > LARGE_REPORT_BYTES || customerSheets > 1 };
}
