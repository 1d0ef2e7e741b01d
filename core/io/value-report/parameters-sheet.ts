/**
 * 参数: every scenario parameter, the breakpoints and spend cap the run actually used, and the
 * scenario JSON. The value weights sit in fixed cells that the customer sheets' value formulas
 * refer to, so the rows are laid out before any sheet is written. A results set has the
 * scenario but not the run behind it, so the figures a run derives from its data are left open.
 */
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import type { ProfitBreakpoints } from '../../engine/profit-score.js';
import type { ModelResult } from '../../engine/run-model.js';
import { quotedSheetName } from '../xlsx-writer/sheet-name.js';
import type { ValueWeightCells } from './customer-rows.js';
import { writeHeader, writeTitle, type ReportCell, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

const WEIGHT_KEYS = ['profit', 'loyalty', 'credit', 'behaviour'] as const;
const FIRST_ROW = 3;

export interface ParametersLayout {
  readonly rows: readonly (readonly ReportCell[])[];
  readonly weightCells: ValueWeightCells;
}

/** What a run derived from its data: the spend cap and profit-score breakpoints it used. */
export interface DerivedParameters {
  readonly spendCap: number;
  readonly spendCapMode: string;
  readonly breakpoints: Pick<ProfitBreakpoints, 'mode' | 'breakpoints' | 'collapsed'>;
}

export interface ScenarioParameters {
  readonly scenario: Scenario;
  /** The evaluation month and the window's months, YYYY-MM. */
  readonly month: string;
  readonly windowMonths: readonly string[];
  /** The run's derived figures, or a note saying why they are not known (the run was made elsewhere). */
  readonly derived: DerivedParameters | { readonly unknown: string };
}

export function parametersLayout(result: ModelResult, texts: ReportTexts, sheetName: string): ParametersLayout {
  const derived = { spendCap: result.credit.spendCap, spendCapMode: result.credit.spendCapMode, breakpoints: result.breakpoints };
  const month = monthKey(result.window.evaluationMonth);
  return scenarioParametersLayout({ scenario: result.scenario, month, windowMonths: result.window.windowMonths.map(monthKey), derived }, texts, sheetName);
}

export function scenarioParametersLayout(source: ScenarioParameters, texts: ReportTexts, sheetName: string): ParametersLayout {
  const s = source.scenario;
  const derived = 'unknown' in source.derived ? null : source.derived;
  const unknown = 'unknown' in source.derived ? source.derived.unknown : '';
  const p = texts.parameters;
  const rows: ReportCell[][] = [];
  const row = (label: string, value: ReportCell, note = ''): number => {
    rows.push([label, value, note]);
    return FIRST_ROW + rows.length - 1;
  };
  const heading = (label: string): void => {
    rows.push([{ value: label, style: 'heading' }, { value: null, style: 'heading' }, { value: null, style: 'heading' }]);
  };
  const weightsOf = (weights: Readonly<Record<string, number>>): void => {
    for (const [key, w] of Object.entries(weights)) row(key, w);
  };

  row(p.name, s.name);
  row(p.month, source.month);
  row(p.window, s.window, source.windowMonths.join(', '));
  row(p.minTenure, s.min_tenure);

  heading(p.valueWeights);
  const sheet = quotedSheetName(sheetName);
  // Only a run's customer sheets have value formulas that refer to the weight cells.
  const weightNote = derived === null ? '' : p.weightNote;
  const [profit, loyalty, credit, behaviour] = WEIGHT_KEYS.map((key) => `${sheet}!$B$${row(p.weight[key], s.value_weights[key], key === 'profit' ? weightNote : '')}`) as [string, string, string, string];
  const first = FIRST_ROW + rows.length - WEIGHT_KEYS.length;
  const sum = WEIGHT_KEYS.reduce((acc, k) => acc + s.value_weights[k], 0);
  row(p.weightSum, { formula: `SUM(B${first}:B${first + WEIGHT_KEYS.length - 1})`, value: sum });
  row(p.formula, s.value_formula ?? '', p.formulaNote);

  heading(p.tiers);
  for (const [name, threshold] of s.tiers) row(p.tier(name), threshold);
  row(p.lowestTier, s.lowest_tier);

  heading(p.drivers);
  weightsOf(s.drivers.default);
  for (const [pool, weights] of Object.entries(s.drivers.pools)) {
    heading(p.poolDrivers(pool));
    weightsOf(weights);
  }

  heading(p.credit);
  row('tenure_cap', s.credit.tenure_cap);
  row('spend_cap', s.credit.spend_cap);
  row('suspension_count_cap', s.credit.suspension_count_cap);
  row('suspension_days_cap', s.credit.suspension_days_cap);
  for (const [key, w] of Object.entries(s.credit.weights)) row(`weights.${key}`, w);
  if (derived !== null) row(p.spendCap, derived.spendCap, derived.spendCapMode);
  else if (typeof s.credit.spend_cap === 'number') row(p.spendCap, s.credit.spend_cap, 'fixed');
  else row(p.spendCap, null, unknown);

  heading(p.loyalty);
  row('tenure_cap', s.loyalty.tenure_cap);
  row('services_cap', s.loyalty.services_cap);
  for (const [key, w] of Object.entries(s.loyalty.weights)) row(`weights.${key}`, w);

  heading(p.behaviour);
  row(p.behaviourDefault, s.behaviour.default);
  for (const [segment, score] of Object.entries(s.behaviour.table)) row(segment, score);

  heading(p.breakpoints);
  if (derived !== null) {
    const b = derived.breakpoints;
    row(p.breakpointsMode, b.mode, b.collapsed ? p.breakpointsCollapsed : '');
    rows.push(texts.breakpointColumns.map((h) => ({ value: h, style: 'label' as const })));
    for (const [atProfit, score] of b.breakpoints) rows.push([{ value: atProfit, style: 'money' }, { value: score, style: 'score' }]);
  } else {
    // A manual table is the scenario's own; automatic breakpoints came from data that is not here.
    const cfg = s.profit_breakpoints;
    row(p.breakpointsMode, cfg.mode, cfg.mode === 'auto' ? unknown : '');
    if (cfg.mode === 'manual') {
      rows.push(texts.breakpointColumns.map((h) => ({ value: h, style: 'label' as const })));
      for (const [atProfit, score] of cfg.table) rows.push([{ value: atProfit, style: 'money' }, { value: score, style: 'score' }]);
    }
  }

  heading(p.json);
  const asRun = { ...s, month: source.month };
  for (const line of JSON.stringify(asRun, null, 2).split('\n')) rows.push([line]);
  return { rows, weightCells: { profit, loyalty, credit, behaviour } };
}

export async function writeParametersSheet(sheet: ReportSheet, layout: ParametersLayout, texts: ReportTexts): Promise<void> {
  await writeTitle(sheet, texts.parameters.title);
  await writeHeader(sheet, texts.parameterColumns);
  for (const r of layout.rows) await sheet.addRow(r);
}
