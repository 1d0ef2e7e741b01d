/**
 * The Spark dialect: every statement of the script parses with dt-sql-parser's SparkSQL grammar
 * (an ANTLR grammar of Spark SQL), and the Spark script differs from the DuckDB one only in the
 * ways docs/scale.md ("Spark vs DuckDB differences") lists.
 */
import { SparkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../core/model/scenario.js';
import { buildModelSql, modelStatements } from '../../core/sql/build-model-sql.js';
import { DUCKDB, SPARK } from '../../core/sql/dialect.js';
import { renderStatement } from '../../core/sql/sql-text.js';

function scenario(data: object): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const SCENARIOS: Record<string, Scenario> = {
  default: scenario({}),
  'every option': scenario({
    month: '2026-09',
    window: 1,
    drivers: { default: { users: 0.2, revenue: 0.8 }, pools: { "O'Neil \\ 成本": { sms: 1 } } },
    profit_breakpoints: { mode: 'manual', table: [[-1e-7, 0], [2.5e21, 100]] },
    credit: { spend_cap: 99.5 },
    behaviour: { table: { "it's": 70 } },
    value_formula: 'if(avg_cost / avg_revenue > 1, max(profit_score, 20, -loyalty), clamp(round(credit) * !behaviour, 0, 100)) + (tenure_months != 3 || avg_profit == 0)',
    tiers: [['A+', 90], ['"B"', 50]],
  }),
};

describe.each(Object.entries(SCENARIOS))('Spark SQL of the %s scenario', (_, s) => {
  const parser = new SparkSQL();
  const statements = modelStatements(s, 'spark');

  it.each(statements.map((st) => [st.name, st] as const))('%s parses with no syntax error', (_name, statement) => {
    expect(parser.validate(renderStatement(SPARK, statement))).toEqual([]);
  });

  it('the parser does report a broken statement (control)', () => {
    const facts = statements.find((st) => st.name === 'cv_facts');
    if (facts === undefined) throw new Error('no cv_facts');
    expect(parser.validate(renderStatement(SPARK, { ...facts, body: facts.body.replace(/\) t$/, '') }))).not.toEqual([]);
  });
});

/** DuckDB's string literals ('' for a quote) rewritten as Spark's (backslash escapes). */
function sparkLiterals(line: string): string {
  return line.replace(/'(?:[^']|'')*'/g, (literal) => SPARK.string(literal.slice(1, -1).replaceAll("''", "'")));
}

/** Each documented difference (docs/scale.md): how it turns a DuckDB line into the Spark line. */
const DIFFERENCES: readonly { readonly name: string; readonly apply: (line: string) => string }[] = [
  { name: 'intermediate stage: temporary table → cached temporary view', apply: (line) => line.replace(/^CREATE OR REPLACE TEMPORARY TABLE (\w+) AS$/, 'CREATE OR REPLACE TEMPORARY VIEW $1 AS') },
  { name: 'result table: USING parquet', apply: (line) => line.replace(/^CREATE TABLE (\w+) AS$/, 'CREATE TABLE $1 USING parquet AS') },
  { name: 'quoted identifier "group"', apply: (line) => line.replaceAll('"group"', '`group`') },
  { name: 'string literal escapes', apply: (line) => (line.startsWith('--') ? line : sparkLiterals(line)) },
  { name: 'the script names its dialect', apply: (line) => line.replace(/^(-- .* as )DuckDB( SQL, )/, '$1Spark$2') },
];

/** The DuckDB and Spark scripts' lines side by side, without Spark's CACHE TABLE lines; and the differences by kind. */
function dialectDiff(s: Scenario): { cacheLines: string[]; counts: Record<string, number>; unexplained: string[] } {
  const duckdb = buildModelSql(s, 'duckdb').script.split('\n');
  const spark = buildModelSql(s, 'spark').script.split('\n');
  // Spark caches each intermediate stage after creating its view; DuckDB has no such line.
  const isCache = (line: string): boolean => /^CACHE TABLE \w+;$/.test(line);
  const aligned = spark.filter((line) => !isCache(line));
  if (aligned.length !== duckdb.length) throw new Error(`${aligned.length} Spark lines besides CACHE TABLE, ${duckdb.length} DuckDB lines`);
  const counts: Record<string, number> = {};
  const unexplained: string[] = [];
  duckdb.forEach((line, i) => {
    const other = aligned[i] as string;
    if (line === other) return;
    let text = line;
    const used: string[] = [];
    for (const rule of DIFFERENCES) {
      const next = rule.apply(text);
      if (next !== text) used.push(rule.name);
      text = next;
    }
    if (text !== other) unexplained.push(`duckdb: ${line}\nspark:  ${other}`);
    else for (const name of used) counts[name] = (counts[name] ?? 0) + 1;
  });
  return { cacheLines: spark.filter(isCache), counts, unexplained };
}

describe('Spark vs DuckDB', () => {
  it('the default scenario\'s scripts differ only as documented, and only in a few lines', () => {
    const s = SCENARIOS.default as Scenario;
    const { cacheLines, counts, unexplained } = dialectDiff(s);
    expect(unexplained).toEqual([]);
    const stages = modelStatements(s, 'duckdb').filter((st) => st.kind === 'stage');
    const results = modelStatements(s, 'duckdb').filter((st) => st.kind === 'result');
    expect(cacheLines).toEqual(stages.map((st) => `CACHE TABLE ${st.name};`));
    expect(counts).toEqual({
      'intermediate stage: temporary table → cached temporary view': stages.length,
      'result table: USING parquet': results.length,
      // The aggregate table's union (six groupings) and the six per-grouping views.
      'quoted identifier "group"': 12,
      'the script names its dialect': 1,
    });
  });

  it('with quotes and backslashes in names, the literals holding them differ too (and nothing else)', () => {
    const { counts, unexplained } = dialectDiff(SCENARIOS['every option'] as Scenario);
    expect(unexplained).toEqual([]);
    expect(counts['string literal escapes']).toBeGreaterThan(0);
  });

  it('string literals: a quote is doubled for DuckDB, escaped with a backslash for Spark (which also escapes backslashes)', () => {
    expect(DUCKDB.string("O'Neil \\ 成本")).toBe("'O''Neil \\ 成本'");
    expect(SPARK.string("O'Neil \\ 成本")).toBe("'O\\'Neil \\\\ 成本'");
  });

  it('the literals of the every-option scenario are the only other lines that differ', () => {
    const s = SCENARIOS['every option'] as Scenario;
    const duckdb = buildModelSql(s, 'duckdb').script;
    // Escaped names appear in the driver weights and the behaviour table; the rest of the text is shared.
    expect(duckdb).toContain("WHEN 'O''Neil \\ 成本' THEN");
    expect(buildModelSql(s, 'spark').script).toContain("WHEN 'O\\'Neil \\\\ 成本' THEN");
  });
});
