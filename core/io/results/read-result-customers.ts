/**
 * customers.csv (SPEC §13) into the columns of a results set, every cell checked: numbers where
 * numbers belong, flags 1/0, tiers from the scenario, and the rules that tie the columns
 * together (an ineligible customer has no tier; negative is avg_profit < 0). Customers end up in
 * code-unit order of their ids whatever order the warehouse wrote them in.
 */
import { CATEGORY_FIELDS, type CategoryField } from '../../model/fields.js';
import { PackedIds } from '../../model/id-list.js';
import {
  RESULT_MONEY_COLUMNS,
  RESULT_SCORE_COLUMNS,
  RESULT_TIER_INELIGIBLE,
  RESULT_TIER_NO_VALUE,
  resultTierNames,
  type ResultCategory,
  type ResultCustomers,
  type ResultMoneyColumn,
  type ResultScoreColumn,
} from '../../model/result-set.js';
import { INELIGIBLE_TIER, type Scenario } from '../../model/scenario.js';
import { NO_VALUE_GROUP } from '../../engine/aggregates.js';
import type { Problem } from '../../model/messages.js';
import type { ProblemLog } from '../validation-report.js';
import { closeEnough, flagCell, isNoValue, numberCell, type ResultRow } from './read-result-table.js';
import { resultIssues } from './result-messages.js';

export const CUSTOMER_COLUMNS = [
  'customer_id',
  'eligible',
  'reason',
  'tenure_months',
  ...RESULT_MONEY_COLUMNS,
  ...RESULT_SCORE_COLUMNS,
  'tier',
  'negative',
  ...CATEGORY_FIELDS,
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];

/** A column that doubles as it fills: Float64 for money and scores, Int32 for codes and flags. */
class Growing<T extends Float64Array | Int32Array> {
  constructor(
    public values: T,
    private readonly make: (length: number) => T,
  ) {}
  push(at: number, x: number): void {
    if (at === this.values.length) {
      const next = this.make(at * 2);
      next.set(this.values);
      this.values = next;
    }
    this.values[at] = x;
  }
}
const floats = (): Growing<Float64Array> => new Growing(new Float64Array(1024), (n) => new Float64Array(n));
const ints = (): Growing<Int32Array> => new Growing(new Int32Array(1024), (n) => new Int32Array(n));

/** Codes for a text column, with its dictionary. */
class Dictionary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  readonly codes = ints();
  push(at: number, text: string): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(text);
      this.index.set(text, code);
    }
    this.codes.push(at, code);
  }
}

/** Collects customers.csv rows; `finish` sorts them and returns the columns, or null after errors. */
export class ResultCustomersBuilder {
  private count = 0;
  private readonly ids: string[] = [];
  private readonly eligible = ints();
  private readonly tenure = floats();
  private readonly tier = ints();
  private readonly reason = new Dictionary();
  private readonly money = Object.fromEntries(RESULT_MONEY_COLUMNS.map((k) => [k, floats()])) as Record<ResultMoneyColumn, Growing<Float64Array>>;
  private readonly scores = Object.fromEntries(RESULT_SCORE_COLUMNS.map((k) => [k, floats()])) as Record<ResultScoreColumn, Growing<Float64Array>>;
  private readonly categories = Object.fromEntries(CATEGORY_FIELDS.map((k) => [k, new Dictionary()])) as Record<CategoryField, Dictionary>;
  private readonly tierCodes: Map<string, number>;
  private readonly tierList: string;
  /** Where each customer came from, for the duplicate message: the part file's index and the row. */
  private readonly files: string[] = [];
  private readonly fileOf = ints();
  private readonly rowOf = ints();

  constructor(
    scenario: Scenario,
    private readonly log: ProblemLog,
  ) {
    const names = resultTierNames(scenario);
    this.tierCodes = new Map(names.map((n, i) => [n, i]));
    this.tierList = names.join('、');
    this.thresholds = scenario.tiers.map(([, threshold]) => threshold);
  }

  /** The scenario's thresholds, descending: a value's tier is how many of them are above it. */
  private readonly thresholds: readonly number[];

  get rows(): number {
    return this.count;
  }

  add(row: ResultRow, at: Readonly<Record<CustomerColumn, number>>): void {
    const { log } = this;
    let ok = true;
    const cell = (column: CustomerColumn): string => row.cells[at[column]] ?? '';
    const fail = (problem: Problem, column: CustomerColumn): void => {
      ok = false;
      log.error(problem, { file: row.file, row: row.row, column, columnNumber: at[column] + 1, value: cell(column).slice(0, 100) });
    };
    const id = cell('customer_id').trim();
    if (id === '') fail(resultIssues.required, 'customer_id');
    const eligible = flagCell(cell('eligible'));
    if (eligible === null) fail(resultIssues.notAFlag, 'eligible');
    const negative = flagCell(cell('negative'));
    if (negative === null) fail(resultIssues.notAFlag, 'negative');
    const money = RESULT_MONEY_COLUMNS.map((k) => {
      const x = numberCell(cell(k));
      if (x === null) fail(isNoValue(cell(k)) ? resultIssues.required : resultIssues.notANumber, k);
      return x ?? NaN;
    });
    const scores = RESULT_SCORE_COLUMNS.map((k) => {
      if (isNoValue(cell(k))) return NaN;
      const x = numberCell(cell(k));
      if (x === null) fail(resultIssues.notANumber, k);
      return x ?? NaN;
    });
    // Every customer of the table has a tenure (SPEC §4), scored or not.
    const tenureText = cell('tenure_months');
    const tenure = numberCell(tenureText) ?? NaN;
    if (!(tenure >= 0 && Number.isInteger(tenure))) fail(isNoValue(tenureText) ? resultIssues.required : resultIssues.notACount, 'tenure_months');
    const reason = cell('reason').trim();
    if (eligible === 1 && reason !== '') fail(resultIssues.reasonWhenEligible, 'reason');
    if (eligible === 0) {
      if (reason === '') fail(resultIssues.required, 'reason');
      // An unscored customer has no score at all (SPEC §4): a value here would enter the histogram and the means.
      RESULT_SCORE_COLUMNS.forEach((k, i) => {
        if (!Number.isNaN(scores[i] as number)) fail(resultIssues.scoreWhenIneligible, k);
      });
    }
    const value = scores[RESULT_SCORE_COLUMNS.indexOf('value')] as number;
    const tier = this.tierOf(cell('tier').trim(), eligible, value, fail);
    const [revenue, , individual, allocated, avgProfit] = money as [number, number, number, number, number];
    if (negative !== null && avgProfit === avgProfit && negative !== (avgProfit < 0 ? 1 : 0)) fail(resultIssues.negativeDisagrees, 'negative');
    // SPEC §4: profit = revenue − individual cost (settlement cost included) − allocated.
    const expected = revenue - individual - allocated;
    if (avgProfit === avgProfit && expected === expected && !closeEnough(avgProfit, expected)) fail(resultIssues.profitDisagrees, 'avg_profit');
    if (!ok) return;
    const c = this.count++;
    this.ids.push(id);
    if (this.files[this.files.length - 1] !== row.file) this.files.push(row.file);
    this.fileOf.push(c, this.files.length - 1);
    this.rowOf.push(c, row.row);
    this.eligible.push(c, eligible as number);
    this.tenure.push(c, tenure);
    this.tier.push(c, tier);
    this.reason.push(c, reason);
    RESULT_MONEY_COLUMNS.forEach((k, i) => this.money[k].push(c, money[i] as number));
    RESULT_SCORE_COLUMNS.forEach((k, i) => this.scores[k].push(c, scores[i] as number));
    for (const f of CATEGORY_FIELDS) this.categories[f].push(c, cell(f).trim());
  }

  private tierOf(text: string, eligible: 0 | 1 | null, value: number, fail: (p: Problem, c: CustomerColumn) => void): number {
    const empty = isNoValue(text);
    if (eligible === 0) {
      if (!empty && text !== INELIGIBLE_TIER) fail(resultIssues.tierWhenIneligible, 'tier');
      return RESULT_TIER_INELIGIBLE;
    }
    if (empty || text === NO_VALUE_GROUP) {
      if (value === value) fail(resultIssues.valueWithoutTier, 'tier');
      return RESULT_TIER_NO_VALUE;
    }
    const code = this.tierCodes.get(text);
    if (code === undefined) {
      fail(resultIssues.unknownTier(this.tierList), 'tier');
      return RESULT_TIER_NO_VALUE;
    }
    if (value !== value) fail(resultIssues.tierWithoutValue, 'value');
    else if (!this.tierFits(code, value)) fail(resultIssues.tierDisagrees(this.tierList), 'tier');
    return code;
  }

  /**
   * The engine's rule (value-and-tiers.ts) on the written value, allowing 1e-9 either side of a
   * threshold for a writer that printed the value a last digit short.
   */
  private tierFits(code: number, value: number): boolean {
    const tierAt = (v: number): number => this.thresholds.reduce((t, threshold) => t + (v < threshold ? 1 : 0), 0);
    return code >= tierAt(value + 1e-9) && code <= tierAt(value - 1e-9);
  }

  /** The columns in id order; null when a customer_id appears twice (each repeat is reported). */
  finish(): ResultCustomers | null {
    const n = this.count;
    const { ids } = this;
    let order: Int32Array | null = null;
    for (let i = 1; i < n; i++) {
      if (!((ids[i - 1] as string) < (ids[i] as string))) {
        order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => {
          const x = ids[a] as string;
          const y = ids[b] as string;
          return x < y ? -1 : x > y ? 1 : a - b;
        });
        break;
      }
    }
    const at = (k: number): number => (order === null ? k : (order[k] as number));
    let duplicates = false;
    for (let k = 1; k < n; k++) {
      if (ids[at(k)] === ids[at(k - 1)]) {
        duplicates = true;
        const file = this.files[this.fileOf.values[at(k)] as number] as string;
        this.log.error(resultIssues.duplicateCustomer, { file, row: this.rowOf.values[at(k)] as number, column: 'customer_id', value: ids[at(k)] as string });
      }
    }
    if (duplicates) return null;
    const sorted = <T extends Float64Array | Int32Array>(col: Growing<T>): T => {
      const values = col.values.slice(0, n) as T;
      if (order === null) return values;
      const out = values.slice() as T;
      for (let k = 0; k < n; k++) out[k] = values[order[k] as number] as number;
      return out;
    };
    const category = (d: Dictionary): ResultCategory => ({ codes: sorted(d.codes), names: d.names });
    return {
      ids: PackedIds.fromSorted(order === null ? ids : Array.from(order, (k) => ids[k] as string)),
      eligible: Uint8Array.from(sorted(this.eligible)),
      reason: sorted(this.reason.codes),
      reasons: this.reason.names,
      tenure: sorted(this.tenure),
      money: Object.fromEntries(RESULT_MONEY_COLUMNS.map((k) => [k, sorted(this.money[k])])) as Record<ResultMoneyColumn, Float64Array>,
      scores: Object.fromEntries(RESULT_SCORE_COLUMNS.map((k) => [k, sorted(this.scores[k])])) as Record<ResultScoreColumn, Float64Array>,
      tier: Int16Array.from(sorted(this.tier)),
      categories: Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, category(this.categories[f])])) as Record<CategoryField, ResultCategory>,
    };
  }
}
