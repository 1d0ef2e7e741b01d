/** The warehouse SQL (DuckDB dialect) on the worked example: every result table against the expected files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GROUPINGS } from '../../core/engine/aggregates.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { loadScenarioFile } from '../../core/cli/load-scenario.js';
import type { ResultTable } from '../../core/sql/build-model-sql.js';
import { buildModelSql } from '../../core/sql/build-model-sql.js';
import { DuckDbModelSession, readResultTable, type DuckDbModelResult, type SqlRow } from '../../core/sql/run-duckdb.js';
import type { ModelInput } from '../../core/model/dataset.js';
import type { Scenario } from '../../core/model/scenario.js';
import { MINI } from '../support/paths.js';
import { compareRows, readCsvRows } from './compare-rows.js';

/** One scenario in a fresh in-memory DuckDB. */
async function runModelInDuckDb(input: ModelInput, scenario: Scenario): Promise<DuckDbModelResult> {
  const session = await DuckDbModelSession.open(input);
  try {
    return await session.run(scenario);
  } finally {
    session.close();
  }
}

const expected = (file: string) => readCsvRows(join(MINI, 'expected', file));
let result: DuckDbModelResult;
let input: ModelInput;
let scenario: Scenario;
const table = (name: ResultTable): SqlRow[] => result.tables[name] ?? [];

beforeAll(async () => {
  const files = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv'].map((f) => join(MINI, f));
  const read = await readInputFiles(files);
  if (!read.ok) throw new Error('the worked example must read without errors');
  input = read.input;
  scenario = await loadScenarioFile(join(MINI, 'scenario_mini.json'));
  result = await runModelInDuckDb(input, scenario);
});

describe('DuckDB SQL on the worked example (shared/examples/mini)', () => {
  it('cv_customers matches customers.csv, every column', () => {
    expect(compareRows(table('cv_customers'), expected('customers.csv'), ['customer_id'])).toEqual([]);
  });

  it.each(GROUPINGS)('cv_aggregates (%s) matches aggregates_%s.csv', (grouping) => {
    const rows = table('cv_aggregates').filter((r) => r.dimension === grouping);
    expect(compareRows(rows, expected(`aggregates_${grouping}.csv`), ['group'])).toEqual([]);
  });

  it('cv_reconciliation matches reconciliation.csv', () => {
    expect(compareRows(table('cv_reconciliation'), expected('reconciliation.csv'), ['pool', 'month'])).toEqual([]);
  });

  it('cv_reconciliation_months matches reconciliation_months.csv', () => {
    expect(compareRows(table('cv_reconciliation_months'), expected('reconciliation_months.csv'), ['month'])).toEqual([]);
  });

  it('cv_customer_months matches customer_months.csv, allocated_rounded to the fen', () => {
    expect(compareRows(table('cv_customer_months'), expected('customer_months.csv'), ['customer_id', 'month'])).toEqual([]);
  });

  it('cv_breakpoints holds the breakpoints of breakpoints.json', () => {
    const json = JSON.parse(readFileSync(join(MINI, 'expected', 'breakpoints.json'), 'utf8')) as { breakpoints: [number, number][] };
    const want = json.breakpoints.map(([profit, score], point) => ({ point: String(point), profit: String(profit), score: String(score) }));
    expect(compareRows(table('cv_breakpoints'), want, ['point'])).toEqual([]);
  });

  it('the script `cvalue sql --dialect duckdb` writes runs as one text and gives the same customers', async () => {
    const session = await DuckDbModelSession.open(input);
    try {
      await session.connection.run(buildModelSql(scenario, 'duckdb').script);
      expect(compareRows(await readResultTable(session.connection, 'cv_customers'), expected('customers.csv'), ['customer_id'])).toEqual([]);
    } finally {
      session.close();
    }
  });

  it('a scenario without a month evaluates the latest month with usage data (2026-03 here)', async () => {
    const latest = await runModelInDuckDb(input, { ...scenario, month: null });
    expect(compareRows(latest.tables.cv_customers ?? [], expected('customers.csv'), ['customer_id'])).toEqual([]);
  });
});
