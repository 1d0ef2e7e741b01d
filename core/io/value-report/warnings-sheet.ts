/**
 * 预警 (issue 6): every early warning of the trend, one row each, under a short block that
 * names each rule with its count and the scenario's threshold, so the list can be read without
 * the scenario file. The block and the header stay frozen; the filter sits on the header.
 */
import type { Warning, WarningRule } from '../../engine/early-warnings/warning.js';
import type { Trend } from '../../engine/trend/trend.js';
import type { Lang } from '../../model/messages.js';
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import { WARNING_RULE_NAMES, WARNING_SUBJECT_NAMES } from '../../model/warning-rule-names.js';
import { MAX_ROWS } from '../xlsx-writer/cell-address.js';
import type { SheetOptions } from '../xlsx-writer/workbook-writer.js';
import type { Format, ReportStyle } from './report-styles.js';
import { numberOrEmpty, writeHeader, type ReportSheet } from './report-sheet.js';
import type { Column, ReportTexts } from './report-texts.js';

const RULES = Object.keys(WARNING_RULE_NAMES) as WarningRule[];
/** Title, the rule block's header and one row per rule, then the table's header. */
export const WARNINGS_HEADER_ROW = 2 + RULES.length + 1;
/** Rows below the header: a sheet cannot hold more, and past this the title says how many are left out. */
const MAX_WARNING_ROWS = MAX_ROWS - WARNINGS_HEADER_ROW;

/** Room for a header that wraps to two lines (对象类型, Subject kind). */
const HEADER_HEIGHT = 30;

/** The figure each rule compares, so before, after and change read as money, a score or a share. */
const FIGURE_FORMAT: Readonly<Record<WarningRule, Format>> = {
  negative_turn: 'money',
  value_drop: 'score',
  credit_arrears: 'score',
  share_rise: 'percent',
  plan_flags: 'money',
};

function ruleText(rule: WarningRule, config: Scenario['warnings'], texts: ReportTexts): string {
  const t = texts.warnings.rules;
  const text =
    rule === 'value_drop' ? t.value_drop(config.value_drop)
    : rule === 'credit_arrears' ? t.credit_arrears(config.credit_arrears)
    : rule === 'share_rise' ? t.share_rise(config.share_rise)
    : t[rule]();
  return config[rule].enabled ? text : `${texts.warnings.disabled}${text}`;
}

/**
 * The engine's detail (`arrears=12.5`, `+3.00pp`, 亏损资费, `B→D`; warnings.csv keeps it so) in
 * the report's language, as the 预警 screen shows it; anything unexpected is kept as it is.
 */
function detailText(w: Warning, texts: ReportTexts): string {
  const detail = w.detail ?? '';
  const t = texts.warnings;
  const arrears = w.rule === 'credit_arrears' ? /^arrears=(.*)$/.exec(detail) : null;
  if (arrears?.[1] !== undefined) return t.arrears(arrears[1]);
  const points = w.rule === 'share_rise' ? /^\+(.*)pp$/.exec(detail) : null;
  if (points?.[1] !== undefined) return t.sharePoints(points[1]);
  if (w.rule === 'plan_flags') return t.planFlags[detail] ?? detail;
  return detail;
}

function columns(texts: ReportTexts): Column[] {
  const c = texts.warnings.columns;
  return [c.month, c.rule, c.subjectKind, c.subject, c.before, c.after, c.change, c.detail];
}

export function warningsSheetOptions(): SheetOptions<ReportStyle> {
  return {
    columns: [{ width: 10 }, { width: 24 }, { width: 12 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 24 }],
    frozenRows: WARNINGS_HEADER_ROW,
    autoFilter: true,
  };
}

export async function writeWarningsSheet(sheet: ReportSheet, trend: Trend, warnings: readonly Warning[], config: Scenario['warnings'], texts: ReportTexts, lang: Lang): Promise<void> {
  const t = texts.warnings;
  const from = trend.months[1]?.month;
  const to = trend.months.at(-1)?.month;
  const shown = Math.min(warnings.length, MAX_WARNING_ROWS);
  const title = t.title(warnings.length, from === undefined ? '' : monthKey(from), to === undefined ? '' : monthKey(to)) + (shown < warnings.length ? t.listed(shown) : '');
  await sheet.addRow([{ value: title, style: 'title' }]);
  // Under 规则, so the names line up with the table's; bold, not the header style, whose wrapping
  // would keep the long condition text inside its narrow cell instead of running on to the right.
  await sheet.addRow([null, ...t.ruleColumns.map((text) => ({ value: text, style: 'label' as const }))]);
  const counts = new Map<WarningRule, number>();
  for (const w of warnings) counts.set(w.rule, (counts.get(w.rule) ?? 0) + 1);
  for (const rule of RULES) {
    await sheet.addRow([null, { value: WARNING_RULE_NAMES[rule][lang], style: 'label' }, { value: counts.get(rule) ?? 0, style: 'count' }, ruleText(rule, config, texts)]);
  }
  await writeHeader(sheet, columns(texts), { height: HEADER_HEIGHT });
  for (let i = 0; i < shown; i++) {
    const w = warnings[i] as Warning;
    const r = sheet.rowCount + 1;
    const format = FIGURE_FORMAT[w.rule];
    const before = numberOrEmpty(w.before);
    const after = numberOrEmpty(w.after);
    await sheet.addRow([
      monthKey(w.month),
      WARNING_RULE_NAMES[w.rule][lang],
      WARNING_SUBJECT_NAMES[w.subjectKind][lang],
      w.subject,
      { value: before, style: format },
      { value: after, style: format },
      // Live like the other sheets' derived figures; empty when there is no figure before.
      { formula: `IF(OR(E${r}="",F${r}=""),"",F${r}-E${r})`, value: before === null || after === null ? '' : after - before, style: format },
      detailText(w, texts),
    ]);
  }
}
