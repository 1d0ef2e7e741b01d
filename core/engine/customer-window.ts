/**
 * SPEC §4, the part that depends only on the data, M and W: who is in the customer table,
 * months present, attributes as of M, tenure, window averages of the data columns, services
 * and plan changes. Driver weights and scores do not touch any of it.
 */
import { CATEGORY_FIELDS, type CategoryField } from '../model/fields.js';
import { codesArray, type CategoryCodes, type FactTable } from '../model/dataset.js';
import type { RowMoney } from './row-money.js';

export interface CustomerWindow {
  readonly evaluationMonth: number;
  readonly window: number;
  /** Window month numbers, oldest first, and their index in facts.months (−1 when not loaded). */
  readonly windowMonths: readonly number[];
  readonly windowMonthIndex: readonly number[];
  /** Customer indices of the customer table, ascending (= id order). */
  readonly table: Int32Array;
  readonly inTable: Uint8Array;
  /** Window months present (at most W ≤ 24, so a byte each, as services and planChanges). */
  readonly monthsPresent: Uint8Array;
  /** The customer's last present row at or before M (−1 when none); attributes are read from it. */
  readonly lastRow: Int32Array;
  /**
   * Category codes as of M of the table's customers, as narrow as the facts' own codes (0 for
   * customers outside the table: read inTable first).
   */
  readonly attributes: Readonly<Record<CategoryField, CategoryCodes>>;
  readonly tenure: Int32Array;
  /** 1 when tenure came from a join date, 0 when from consecutive months present. */
  readonly tenureFromJoinDate: Uint8Array;
  readonly avgRevenue: Float64Array;
  readonly avgSettlementCost: Float64Array;
  readonly avgIndividualCost: Float64Array;
  readonly avgBilledRevenue: Float64Array;
  readonly avgSuspensionCount: Float64Array;
  readonly avgSuspensionDays: Float64Array;
  readonly services: Uint8Array;
  readonly planChanges: Uint8Array;
  /** Row → 1 when its month is in the window. */
  readonly rowInWindow: Uint8Array;
}

function monthRange(facts: FactTable, index: number): [number, number] {
  return [facts.monthStart[index] as number, facts.monthStart[index + 1] as number];
}

export function computeCustomerWindow(facts: FactTable, money: RowMoney, evaluationMonth: number, window: number): CustomerWindow {
  const n = facts.customerIds.length;
  const windowMonths: number[] = [];
  for (let k = evaluationMonth - window + 1; k <= evaluationMonth; k++) windowMonths.push(k);
  const windowMonthIndex = windowMonths.map((m) => facts.months.indexOf(m));

  const lastRow = new Int32Array(n).fill(-1);
  const lastJoin = new Int32Array(n).fill(-1);
  for (let i = 0; i < facts.months.length && (facts.months[i] as number) <= evaluationMonth; i++) {
    const [start, end] = monthRange(facts, i);
    for (let r = start; r < end; r++) {
      const c = facts.customer[r] as number;
      lastRow[c] = r;
      const join = facts.joinMonth[r] as number;
      if (join >= 0) lastJoin[c] = join;
    }
  }

  const monthsPresent = new Uint8Array(n);
  // Window sums per customer; locals, because V8 does not hoist property loads across typed-array stores.
  const sumRevenue = new Float64Array(n);
  const sumSettlement = new Float64Array(n);
  const sumIndividual = new Float64Array(n);
  const sumBilled = new Float64Array(n);
  const sumSuspensionCount = new Float64Array(n);
  const sumSuspensionDays = new Float64Array(n);
  const sumMinutes = new Float64Array(n);
  const sumSms = new Float64Array(n);
  const sumData = new Float64Array(n);
  const sumVas = new Float64Array(n);
  const planChanges = new Uint8Array(n);
  const prevPlan = new Int32Array(n).fill(-1);
  const prevMonth = new Int32Array(n).fill(-2);
  const rowInWindow = new Uint8Array(facts.customer.length);
  // Each column's values and scale as locals (number-column.ts: value = values[r] / scale).
  const { values: billed, scale: billedScale } = facts.numbers.billed_revenue;
  const { values: suspensionCount, scale: suspensionCountScale } = facts.numbers.suspension_count;
  const { values: suspensionDays, scale: suspensionDaysScale } = facts.numbers.suspension_days;
  const { values: minutes, scale: minutesScale } = facts.numbers.minutes;
  const { values: sms, scale: smsScale } = facts.numbers.sms;
  const { values: data, scale: dataScale } = facts.numbers.data_mb;
  const { values: vas, scale: vasScale } = facts.numbers.vas_count;
  const customer = facts.customer;
  const plan = facts.categories.plan;
  windowMonthIndex.forEach((index, w) => {
    if (index < 0) return;
    const [start, end] = monthRange(facts, index);
    for (let r = start; r < end; r++) {
      const c = customer[r] as number;
      rowInWindow[r] = 1;
      monthsPresent[c] = (monthsPresent[c] as number) + 1;
      sumRevenue[c] = (sumRevenue[c] as number) + money.revenueAt(r);
      sumSettlement[c] = (sumSettlement[c] as number) + money.settlementCostAt(r);
      sumIndividual[c] = (sumIndividual[c] as number) + money.individualCostAt(r);
      sumBilled[c] = (sumBilled[c] as number) + (billed[r] as number) / billedScale;
      sumSuspensionCount[c] = (sumSuspensionCount[c] as number) + (suspensionCount[r] as number) / suspensionCountScale;
      sumSuspensionDays[c] = (sumSuspensionDays[c] as number) + (suspensionDays[r] as number) / suspensionDaysScale;
      sumMinutes[c] = (sumMinutes[c] as number) + (minutes[r] as number) / minutesScale;
      sumSms[c] = (sumSms[c] as number) + (sms[r] as number) / smsScale;
      sumData[c] = (sumData[c] as number) + (data[r] as number) / dataScale;
      sumVas[c] = (sumVas[c] as number) + (vas[r] as number) / vasScale;
      // A plan change counts only between two consecutive window months that are both present.
      if (prevMonth[c] === w - 1 && prevPlan[c] !== plan[r]) planChanges[c] = (planChanges[c] as number) + 1;
      prevMonth[c] = w;
      prevPlan[c] = plan[r] as number;
    }
  });

  // Consecutive months present ending at M: the tenure of customers without any join date.
  const consecutive = new Int32Array(n);
  for (let i = facts.months.length - 1, expected = evaluationMonth; i >= 0; i--) {
    const month = facts.months[i] as number;
    if (month > evaluationMonth) continue;
    if (month !== expected) break;
    const [start, end] = monthRange(facts, i);
    const needed = evaluationMonth - month;
    for (let r = start; r < end; r++) {
      const c = facts.customer[r] as number;
      if (consecutive[c] === needed) consecutive[c] = needed + 1;
    }
    expected--;
  }

  let tableSize = 0;
  for (let c = 0; c < n; c++) if ((monthsPresent[c] as number) > 0) tableSize++;
  const table = new Int32Array(tableSize);
  const inTable = new Uint8Array(n);
  const tenure = new Int32Array(n);
  const tenureFromJoinDate = new Uint8Array(n);
  // The window sums become the averages in place (NaN outside the table): at ten million
  // customers a second array per average would be half a gigabyte more at the peak.
  const avg = (sum: Float64Array): Float64Array => {
    for (let c = 0; c < n; c++) {
      const months = monthsPresent[c] as number;
      sum[c] = months > 0 ? (sum[c] as number) / months : NaN;
    }
    return sum;
  };
  const services = new Uint8Array(n);
  for (let c = 0, k = 0; c < n; c++) {
    if ((monthsPresent[c] as number) === 0) continue;
    table[k++] = c;
    inTable[c] = 1;
    const join = lastJoin[c] as number;
    if (join >= 0) {
      tenure[c] = Math.max(0, evaluationMonth - join);
      tenureFromJoinDate[c] = 1;
    } else {
      tenure[c] = consecutive[c] as number;
    }
    services[c] =
      ((sumMinutes[c] as number) > 0 ? 1 : 0) +
      ((sumSms[c] as number) > 0 ? 1 : 0) +
      ((sumData[c] as number) > 0 ? 1 : 0) +
      ((sumVas[c] as number) > 0 ? 1 : 0);
  }

  const attributes = Object.fromEntries(
    CATEGORY_FIELDS.map((field) => {
      const column = facts.categories[field];
      const out = codesArray(n, facts.dictionaries[field].length);
      for (let i = 0; i < tableSize; i++) {
        const c = table[i] as number;
        out[c] = column[lastRow[c] as number] as number;
      }
      return [field, out];
    }),
  ) as Record<CategoryField, CategoryCodes>;

  return {
    evaluationMonth,
    window,
    windowMonths,
    windowMonthIndex,
    table,
    inTable,
    monthsPresent,
    lastRow,
    attributes,
    tenure,
    tenureFromJoinDate,
    avgRevenue: avg(sumRevenue),
    avgSettlementCost: avg(sumSettlement),
    avgIndividualCost: avg(sumIndividual),
    avgBilledRevenue: avg(sumBilled),
    avgSuspensionCount: avg(sumSuspensionCount),
    avgSuspensionDays: avg(sumSuspensionDays),
    services,
    planChanges,
    rowInWindow,
  };
}
