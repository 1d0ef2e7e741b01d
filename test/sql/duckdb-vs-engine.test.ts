/**
 * The warehouse SQL (DuckDB) against the TypeScript engine on the sample province at 100,000
 * customers × 4 months (joins, leavers, missing months, plan changes, refunds, a scoped pool):
 * the customer table, every aggregate, the reconciliation and the rounded allocations — with the
 * default scenario, and with a formula-mode scenario that changes every other constant too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPINGS } from '../../core/engine/aggregates.js';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import { settlementCostAt } from '../../core/engine/row-money.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import * as runFiles from '../../core/io/run-files/run-file-rows.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { monthKey } from '../../core/model/month.js';
import { parseScenario, type Scenario } from '../../core/model/scenario.js';
import { SAMPLE_CSV_FILES, writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import type { ResultTable } from '../../core/sql/build-model-sql.js';
import { DuckDbModelSession, type DuckDbModelResult, type SqlRow } from '../../core/sql/run-duckdb.js';
import { compareRows, numbersAgree, runFileRows } from './compare-rows.js';

const CUSTOMERS = 100_000;

function scenario(data: object): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const SCENARIOS = {
  default: scenario({ month: '2026-09' }),
  formula: scenario({
    name: 'formula mode',
    month: '2026-09',
    min_tenure: 6,
    drivers: {
      default: { users: 0.4, minutes: 0.3, data_mb: 0.2, revenue: 0.1 },
      pools: { 网络运维成本: { data_mb: 0.7, sms: 0.3 }, 郑州分公司专项成本: { users: 1 }, 不存在的成本池: { users: 1 } },
    },
    profit_breakpoints: { mode: 'manual', table: [[-20, 0], [0, 30], [15, 60], [40, 85], [80, 100]] },
    credit: { spend_cap: 120, tenure_cap: 24, weights: { tenure: 0.25, spend: 0.25, suspension_count: 0.25, suspension_days: 0.25 } },
    loyalty: { tenure_cap: 48, services_cap: 3 },
    behaviour: { default: 40, table: { 商务精英: 90, 年轻学生: 70 } },
    // Every operator and function of formula mode; no denominator that can be 0 (see formula-sql.test.ts).
    value_formula:
      'if(avg_revenue > 50, profit_score * 0.6 + credit * 0.2, min(max(loyalty, behaviour), 100, credit + 30)) * 0.9' +
      ' + round(avg_profit / 10) - abs(tenure_months - 24) / 12 + (credit >= 40 && loyalty < 90 || !(behaviour != 70)) * 5' +
      ' + clamp(avg_cost / (abs(avg_revenue) + 1), 0, 1) * 3 - (avg_profit <= -5 ? 4 : 0) + (tenure_months == 12) - -1',
    tiers: [['金', 75], ['银', 55], ['铜', 35.5]],
    lowest_tier: '普通',
  }),
};

let dir: string;
let input: ModelInput;
let session: DuckDbModelSession;
const engine = new Map<keyof typeof SCENARIOS, ModelResult>();
const sql = new Map<keyof typeof SCENARIOS, DuckDbModelResult>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cvs-sql-'));
  await writeSampleCsv(dir, { customers: CUSTOMERS, months: 4 });
  const read = await readInputFiles(SAMPLE_CSV_FILES.filter((f) => f !== 'campaigns.csv').map((f) => join(dir, f)));
  if (!read.ok) throw new Error('the sample must read without errors');
  input = read.input;
  session = await DuckDbModelSession.open(input);
  for (const [name, s] of Object.entries(SCENARIOS) as [keyof typeof SCENARIOS, Scenario][]) {
    engine.set(name, runModel(input, s));
    // The formula scenario reads no customer-months: the rounding does not depend on the value's settings.
    sql.set(name, await session.run(s, name === 'default' ? undefined : ['cv_customers', 'cv_aggregates', 'cv_reconciliation', 'cv_breakpoints']));
  }
}, 180_000);

afterAll(() => {
  session?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function rows(name: keyof typeof SCENARIOS, table: ResultTable): SqlRow[] {
  return sql.get(name)?.tables[table] ?? [];
}

function result(name: keyof typeof SCENARIOS): ModelResult {
  const r = engine.get(name);
  if (r === undefined) throw new Error(`no engine run ${name}`);
  return r;
}

describe.each(Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[])('DuckDB SQL = engine on 100k sample customers (%s scenario)', (name) => {
  it('has a sizeable customer table with every kind of customer', () => {
    const r = result(name);
    expect(r.window.table.length).toBeGreaterThan(90_000);
    const reasons = new Set(rows(name, 'cv_customers').map((c) => c.reason));
    expect(reasons.size).toBe(3);
    expect(rows(name, 'cv_customers').some((c) => c.negative === 1)).toBe(true);
  });

  it('cv_customers: every column of customers.csv', () => {
    expect(compareRows(rows(name, 'cv_customers'), runFileRows(runFiles.customerRows(result(name))), ['customer_id'])).toEqual([]);
  });

  it.each(GROUPINGS)('cv_aggregates: %s', (grouping) => {
    const actual = rows(name, 'cv_aggregates').filter((r) => r.dimension === grouping);
    expect(compareRows(actual, runFileRows(runFiles.aggregateRows(result(name).aggregates[grouping], grouping)), ['group'])).toEqual([]);
  });

  it('cv_reconciliation: every pool and month', () => {
    expect(compareRows(rows(name, 'cv_reconciliation'), runFileRows(runFiles.reconciliationRows(result(name))), ['pool', 'month'])).toEqual([]);
  });

  it('cv_breakpoints: the breakpoints used', () => {
    const want = result(name).breakpoints.breakpoints.map(([profit, score], point) => ({ point: String(point), profit: String(profit), score: String(score) }));
    expect(compareRows(rows(name, 'cv_breakpoints'), want, ['point'])).toEqual([]);
  });
});

describe('DuckDB SQL = engine: the rounding (default scenario)', () => {
  // 383,000 rows: compared in place (both sides are in month, then customer id order) rather than through CSV text.
  it('cv_customer_months: money of every customer-month, allocated_rounded to the fen', () => {
    const r = result('default');
    const facts = r.input.facts;
    const got = rows('default', 'cv_customer_months');
    expect(got.length).toBe(facts.customer.length);
    const rounded = r.rounded().fen;
    const profit = r.rowProfits();
    const diffs: string[] = [];
    for (let m = 0; m < facts.months.length && diffs.length < 20; m++) {
      const month = monthKey(facts.months[m] as number);
      for (let i = facts.monthStart[m] as number; i < (facts.monthStart[m + 1] as number) && diffs.length < 20; i++) {
        const row = got[i] as SqlRow;
        const id = facts.customerIds.at(facts.customer[i] as number);
        const money: [string, number][] = [
          ['revenue', r.money.revenue[i] as number],
          ['settlement_cost', settlementCostAt(facts, i)],
          ['individual_cost', r.money.individualCost[i] as number],
          ['allocated', r.allocation.allocated[i] as number],
          ['profit', profit[i] as number],
        ];
        if (row.customer_id !== id || row.month !== month) diffs.push(`row ${i}: ${String(row.customer_id)} ${String(row.month)}, expected ${id} ${month}`);
        for (const [column, want] of money) if (!numbersAgree(row[column] as number, want)) diffs.push(`${id} ${month} ${column}: ${String(row[column])} vs ${want}`);
        if (Math.round((row.allocated_rounded as number) * 100) !== rounded[i]) diffs.push(`${id} ${month} allocated_rounded: ${String(row.allocated_rounded)} vs ${rounded[i]} fen`);
        if (row.in_window !== r.window.rowInWindow[i]) diffs.push(`${id} ${month} in_window`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it('cv_reconciliation_months: every month adds up to its allocated pools', () => {
    expect(compareRows(rows('default', 'cv_reconciliation_months'), runFileRows(runFiles.reconciliationMonthRows(result('default'))), ['month'])).toEqual([]);
  });
});
