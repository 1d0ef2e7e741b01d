/**
 * A results set's customer rows: the columns of customers.csv laid out as a run report's
 * 客户价值明细 (same order and headers, so the two workbooks line up column for column), but
 * every figure a value as the source wrote it — there are no monthly details for formulas to
 * add up.
 */
import { CATEGORY_FIELDS } from '../../model/fields.js';
import { RESULT_TIER_INELIGIBLE, RESULT_TIER_NO_VALUE, resultTierNames, type ResultCustomers, type ResultSet } from '../../model/result-set.js';
import { INELIGIBLE_TIER } from '../../model/scenario.js';
import { NO_VALUE_GROUP } from '../../engine/aggregates.js';
import type { ColumnSpec } from '../xlsx-writer/workbook-writer.js';
import type { CustomerRowSource } from './customer-sheets.js';
import { styled, tierHighlight, type ReportStyle } from './report-styles.js';
import { columnFor, numberOrEmpty, type ReportCell } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';
import { withNote, type ResultReportTexts } from './result-report-texts.js';

type Key = keyof ReportTexts['customerColumns'];

/** Key, format and widest expected content (13-digit ids, plan names of up to 10 characters). */
const COLUMNS: readonly (readonly [Key, ReportStyle | undefined, number | undefined])[] = [
  ['customer_id', undefined, 14],
  ['branch', undefined, 8],
  ['channel', undefined, 14],
  ['brand', undefined, 10],
  ['plan', undefined, 20],
  ['segment', undefined, 12],
  ['tenure_months', 'count', 8],
  ['eligible', undefined, 6],
  ['reason', undefined, 14],
  ['avg_revenue', 'money', undefined],
  ['avg_settlement_cost', 'money', undefined],
  ['avg_individual_cost', 'money', undefined],
  ['avg_allocated', 'money', undefined],
  ['avg_profit', 'money', undefined],
  ['profit_score', 'score', undefined],
  ['credit', 'score', undefined],
  ['loyalty', 'score', undefined],
  ['behaviour', 'score', undefined],
  ['value', 'score', undefined],
  ['tier', undefined, 10],
  ['negative', undefined, 6],
];

export function resultCustomerColumns(texts: ReportTexts, resultTexts: ResultReportTexts): { headers: Column[]; specs: ColumnSpec<ReportStyle>[] } {
  const headers = COLUMNS.map(([key]) => withNote(texts.customerColumns[key], resultTexts.customerNotes[key]));
  return { headers, specs: COLUMNS.map(([, style, widest], i) => columnFor((headers[i] as Column).header, style, widest)) };
}

/** The engine's reason texts (what `cvalue run` and the warehouse SQL write) in the report's language; any other text as written. */
function reasonIn(text: string, texts: ReportTexts): string {
  if (text === '窗口内缺月') return texts.reasons.missing;
  const tenure = /^在网不足(\d+)个月$/.exec(text);
  return tenure === null ? text : texts.reasons.tenure(Number(tenure[1]));
}

export class ResultCustomerRows implements CustomerRowSource {
  private readonly customers: ResultCustomers;
  private readonly tierNames: readonly string[];
  private readonly reasons: readonly string[];

  constructor(
    set: ResultSet,
    private readonly texts: ReportTexts,
  ) {
    this.customers = set.customers;
    this.tierNames = resultTierNames(set.scenario);
    this.reasons = set.customers.reasons.map((r) => reasonIn(r, texts));
  }

  cells(c: number): ReportCell[] {
    const { ids, categories, money, scores, tier, eligible } = this.customers;
    const t = tier[c] as number;
    const tierName = t === RESULT_TIER_INELIGIBLE ? INELIGIBLE_TIER : t === RESULT_TIER_NO_VALUE ? NO_VALUE_GROUP : (this.tierNames[t] as string);
    const tierStyle = t >= 0 ? styled('text', tierHighlight(t, this.tierNames.length)) : styled('text', 'ineligible');
    const avgProfit = money.avg_profit[c] as number;
    // Every text is a plain value: the writer makes it an inline string, never a formula.
    const cells: ReportCell[] = [ids.at(c)];
    for (const field of CATEGORY_FIELDS) {
      const { codes, names } = categories[field];
      cells.push(names[codes[c] as number] as string);
    }
    cells.push(
      numberOrEmpty(this.customers.tenure[c] as number),
      eligible[c] === 1 ? this.texts.yes : this.texts.no,
      this.reasons[this.customers.reason[c] as number] as string,
      money.avg_revenue[c] as number,
      money.avg_settlement_cost[c] as number,
      money.avg_individual_cost[c] as number,
      money.avg_allocated[c] as number,
      avgProfit,
      numberOrEmpty(scores.profit_score[c] as number),
      numberOrEmpty(scores.credit[c] as number),
      numberOrEmpty(scores.loyalty[c] as number),
      numberOrEmpty(scores.behaviour[c] as number),
      numberOrEmpty(scores.value[c] as number),
      { value: tierName, style: tierStyle },
      avgProfit < 0 ? { value: this.texts.yes, style: 'bad' } : this.texts.no,
    );
    return cells;
  }
}
