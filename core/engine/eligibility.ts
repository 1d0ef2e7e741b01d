/** SPEC §4: who takes part in scoring, and why not. */
import type { CustomerWindow } from './customer-window.js';

export const REASON_NONE = 0;
export const REASON_TENURE = 1;
export const REASON_MISSING_MONTH = 2;

export interface Eligibility {
  readonly eligible: Uint8Array;
  /** REASON_* per customer; tenure wins when both fail. */
  readonly reason: Uint8Array;
  /** 1 when tenure fails and a window month is missing too. */
  readonly bothReasons: Uint8Array;
  /** Eligible customer indices, ascending. */
  readonly eligibleList: Int32Array;
  readonly minTenure: number;
}

export function reasonText(reason: number, minTenure: number): string {
  if (reason === REASON_TENURE) return `在网不足${minTenure}个月`;
  if (reason === REASON_MISSING_MONTH) return '窗口内缺月';
  return '';
}

export function computeEligibility(win: CustomerWindow, minTenure: number): Eligibility {
  const n = win.inTable.length;
  const eligible = new Uint8Array(n);
  const reason = new Uint8Array(n);
  const bothReasons = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < win.table.length; i++) {
    const c = win.table[i] as number;
    const tenureFails = (win.tenure[c] as number) < minTenure;
    const monthMissing = (win.monthsPresent[c] as number) < win.window;
    if (tenureFails) reason[c] = REASON_TENURE;
    else if (monthMissing) reason[c] = REASON_MISSING_MONTH;
    else {
      eligible[c] = 1;
      count++;
    }
    if (tenureFails && monthMissing) bothReasons[c] = 1;
  }
  const eligibleList = new Int32Array(count);
  for (let i = 0, k = 0; i < win.table.length; i++) {
    const c = win.table[i] as number;
    if (eligible[c] === 1) eligibleList[k++] = c;
  }
  return { eligible, reason, bothReasons, eligibleList, minTenure };
}
