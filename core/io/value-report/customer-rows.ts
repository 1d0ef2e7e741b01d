/**
 * The columns of 客户价值明细 and one customer's row. Average profit and value are live
 * formulas with the engine's figure cached: profit over the revenue and cost columns, value
 * over the sub-score columns and the weights (or the value formula) on 参数.
 */
import { CATEGORY_FIELDS } from '../../model/fields.js';
import { formulaToExcel } from '../../model/formula-to-excel.js';
import type { FormulaVariable } from '../../model/formula.js';
import { INELIGIBLE_TIER } from '../../model/scenario.js';
import { NO_VALUE_GROUP } from '../../engine/aggregates.js';
import { REASON_MISSING_MONTH, REASON_TENURE } from '../../engine/eligibility.js';
import type { ModelResult } from '../../engine/run-model.js';
import { TIER_INELIGIBLE, TIER_NO_VALUE } from '../../engine/value-and-tiers.js';
import { columnLetters } from '../xlsx-writer/cell-address.js';
import type { ColumnSpec } from '../xlsx-writer/workbook-writer.js';
import { styled, tierHighlight, type ReportStyle } from './report-styles.js';
import { columnFor, numberOrEmpty, type ReportCell } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';

const KEYS = [
  'customer_id', ...CATEGORY_FIELDS, 'tenure_months', 'eligible', 'reason', 'avg_revenue', 'avg_settlement_cost', 'avg_individual_cost',
  'avg_allocated', 'avg_profit', 'profit_score', 'credit', 'loyalty', 'behaviour', 'value', 'tier', 'negative',
] as const;
type Key = (typeof KEYS)[number];

/** Column letter of each key, e.g. avg_profit → N. */
const LETTER = Object.fromEntries(KEYS.map((k, i) => [k, columnLetters(i + 1)])) as Readonly<Record<Key, string>>;

const STYLE: Partial<Record<Key, ReportStyle>> = {
  tenure_months: 'count',
  avg_revenue: 'money',
  avg_settlement_cost: 'money',
  avg_individual_cost: 'money',
  avg_allocated: 'money',
  avg_profit: 'money',
  profit_score: 'score',
  credit: 'score',
  loyalty: 'score',
  behaviour: 'score',
  value: 'score',
};
/** Widest expected contents: 13-digit ids, Chinese plan names of up to 10 characters. */
const WIDEST: Partial<Record<Key, number>> = { customer_id: 14, branch: 8, channel: 14, brand: 10, plan: 20, segment: 12, reason: 14, tenure_months: 8, eligible: 6, tier: 10, negative: 6 };

/** Where the value formula finds the scenario: the weight cells on 参数, in value_weights order. */
export interface ValueWeightCells {
  readonly profit: string;
  readonly loyalty: string;
  readonly credit: string;
  readonly behaviour: string;
}

export function customerColumns(texts: ReportTexts): { headers: Column[]; specs: ColumnSpec<ReportStyle>[] } {
  const headers = KEYS.map((k) => texts.customerColumns[k]);
  return { headers, specs: KEYS.map((k, i) => columnFor((headers[i] as Column).header, STYLE[k], WIDEST[k])) };
}

const ROW = '{row}';
const VARIABLE_CELL: Readonly<Record<FormulaVariable, string>> = {
  profit_score: `${LETTER.profit_score}${ROW}`,
  loyalty: `${LETTER.loyalty}${ROW}`,
  credit: `${LETTER.credit}${ROW}`,
  behaviour: `${LETTER.behaviour}${ROW}`,
  avg_profit: `${LETTER.avg_profit}${ROW}`,
  avg_revenue: `${LETTER.avg_revenue}${ROW}`,
  avg_cost: `(${LETTER.avg_individual_cost}${ROW}+${LETTER.avg_allocated}${ROW})`,
  tenure_months: `${LETTER.tenure_months}${ROW}`,
};

/** Builds the value formula of row r: the scenario's formula, or the weighted sum clamped to 0–100 as §9 does. */
export function valueFormulaOf(result: ModelResult, weights: ValueWeightCells): (r: number) => string {
  const formula = result.scenario.value_formula;
  if (formula !== null) {
    // Translated once; each row only puts its number into the pieces.
    const pieces = `IFERROR(${formulaToExcel(formula, (v) => VARIABLE_CELL[v])},"")`.split(ROW);
    return (r) => pieces.join(String(r));
  }
  // The engine's order of terms (profit, loyalty, credit, behaviour), so the sum is the same float.
  return (r) =>
    `MIN(100,MAX(0,${weights.profit}*${LETTER.profit_score}${r}+${weights.loyalty}*${LETTER.loyalty}${r}+${weights.credit}*${LETTER.credit}${r}+${weights.behaviour}*${LETTER.behaviour}${r}))`;
}

export class CustomerRowBuilder {
  private readonly ids;
  private readonly categories;

  constructor(
    private readonly result: ModelResult,
    private readonly texts: ReportTexts,
    private readonly valueFormula: (r: number) => string,
  ) {
    const facts = result.input.facts;
    this.ids = facts.customerIds;
    this.categories = CATEGORY_FIELDS.map((f) => ({ codes: result.window.attributes[f], names: facts.dictionaries[f] }));
  }

  private reason(c: number): string {
    const code = this.result.eligibility.reason[c] as number;
    if (code === REASON_TENURE) return this.texts.reasons.tenure(this.result.eligibility.minTenure);
    if (code === REASON_MISSING_MONTH) return this.texts.reasons.missing;
    return '';
  }

  /** Customer c's cells on sheet row r. */
  cells(c: number, r: number): ReportCell[] {
    const { window: win, profit, eligibility, credit, loyalty, values, scenario } = this.result;
    const eligible = eligibility.eligible[c] === 1;
    const avgProfit = profit.avgProfit[c] as number;
    const t = values.tier[c] as number;
    const tierName = t === TIER_INELIGIBLE ? INELIGIBLE_TIER : t === TIER_NO_VALUE ? NO_VALUE_GROUP : (values.tierNames[t] as string);
    const tierStyle = t >= 0 ? styled('text', tierHighlight(t, values.tierNames.length)) : styled('text', 'ineligible');
    const value = values.value[c] as number;
    const valueCached = Number.isFinite(value) ? value : scenario.value_formula === null ? null : '';
    const cells: ReportCell[] = [this.ids.at(c)];
    for (const { codes, names } of this.categories) cells.push(names[codes[c] as number] as string);
    cells.push(
      win.tenure[c] as number,
      eligible ? this.texts.yes : this.texts.no,
      this.reason(c),
      win.avgRevenue[c] as number,
      win.avgSettlementCost[c] as number,
      win.avgIndividualCost[c] as number,
      profit.avgAllocated[c] as number,
      { formula: `${LETTER.avg_revenue}${r}-${LETTER.avg_individual_cost}${r}-${LETTER.avg_allocated}${r}`, value: avgProfit },
      numberOrEmpty(this.result.profitScore[c] as number),
      numberOrEmpty(credit.credit[c] as number),
      numberOrEmpty(loyalty.loyalty[c] as number),
      numberOrEmpty(this.result.behaviour[c] as number),
      eligible ? { formula: this.valueFormula(r), value: valueCached } : null,
      { value: tierName, style: tierStyle },
      avgProfit < 0 ? { value: this.texts.yes, style: 'bad' } : this.texts.no,
    );
    return cells;
  }
}
