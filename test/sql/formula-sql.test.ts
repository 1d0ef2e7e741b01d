/** Formula mode in SQL: the translation's shape, its non-finite rule and the one documented difference. */
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { runModel } from '../../core/engine/run-model.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { parseScenario, type Scenario } from '../../core/model/scenario.js';
import { formulaToSql } from '../../core/sql/formula-to-sql.js';
import { DuckDbModelSession } from '../../core/sql/run-duckdb.js';
import { SqlTranslationError } from '../../core/sql/sql-text.js';
import { MINI } from '../support/paths.js';

function scenario(formula: string): Scenario {
  const parsed = parseScenario({ month: '2026-03', value_formula: formula });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

let input: ModelInput;
let session: DuckDbModelSession;

beforeAll(async () => {
  const read = await readInputFiles(['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv'].map((f) => join(MINI, f)));
  if (!read.ok) throw new Error('the worked example must read');
  input = read.input;
  session = await DuckDbModelSession.open(input);
});
afterAll(() => session?.close());

/** value per eligible customer id, from the engine and from DuckDB (null = empty). */
async function values(formula: string): Promise<{ engine: Record<string, number | null>; sql: Record<string, number | null> }> {
  const s = scenario(formula);
  const r = runModel(input, s);
  const engine: Record<string, number | null> = {};
  for (const c of r.eligibility.eligibleList) {
    const v = r.values.value[c] as number;
    engine[input.facts.customerIds.at(c)] = Number.isNaN(v) ? null : v;
  }
  const sql: Record<string, number | null> = {};
  for (const row of (await session.run(s, ['cv_customers'])).tables.cv_customers ?? []) {
    if (row.eligible === 1) sql[row.customer_id as string] = row.value as number | null;
  }
  return { engine, sql };
}

describe('formula mode in SQL', () => {
  it('gives the engine\'s values for every operator and function', async () => {
    const { engine, sql } = await values('max(profit_score, 10) * 0.5 + clamp(credit, 20, 80) / 4 - abs(-loyalty) * 0.1 + round(2.5) + (behaviour >= 50) + !(avg_profit < 0) * 3 + (avg_cost > 10 || tenure_months <= 3) - if(avg_revenue == 50, 1, 0) + (avg_revenue != 10 && 1 ? 2 : 7)');
    expect(Object.keys(sql).sort()).toEqual(Object.keys(engine).sort());
    for (const [id, v] of Object.entries(engine)) expect(sql[id]).toBeCloseTo(v as number, 9);
  });

  it('leaves a value empty where the engine\'s result is not finite (x/0)', async () => {
    const { engine, sql } = await values('profit_score / (tenure_months - tenure_months)');
    expect(Object.values(engine).every((v) => v === null)).toBe(true);
    expect(sql).toEqual(engine);
  });

  it('documented difference: a finite result reached through x/0 is empty in SQL', async () => {
    const { engine, sql } = await values('min(100 / (tenure_months - tenure_months), 50)');
    // The engine: min(Infinity, 50) = 50; SQL: x/0 is NULL, and NULL passes through min.
    expect(Object.values(engine)).toEqual([50, 50, 50]);
    expect(Object.values(sql)).toEqual([null, null, null]);
  });

  it('builds one view per level of the tree, naming operands by column (no copied sub-expressions)', () => {
    // 30 nested max() calls: copying both operands at each level would write 2^30 leaves.
    const formula = `${'max('.repeat(30)}profit_score${', credit)'.repeat(30)}`;
    const { statements, result } = formulaToSql(formula, 'cv_scores');
    expect(statements).toHaveLength(30);
    expect(result).toBe('cv_f30');
    expect(statements.reduce((n, s) => n + s.body.length, 0)).toBeLessThan(10_000);
  });

  it('refuses a formula the engine refuses, with the engine\'s message', () => {
    expect(() => formulaToSql('profit_score + unknown_name', 'cv_scores')).toThrow(SqlTranslationError);
    expect(() => formulaToSql('pow(profit_score, 2)', 'cv_scores')).toThrow(/Unknown function: pow/);
  });
});
