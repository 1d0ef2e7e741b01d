/**
 * The whole model of SPEC §2–§10 as one SQL script over the input tables (docs/scale.md): the
 * scenario's constants are written into it as literals, and it ends with the result tables
 * cv_customers, cv_aggregates (and a view per grouping), cv_reconciliation,
 * cv_reconciliation_months, cv_customer_months and cv_breakpoints.
 */
import type { Scenario } from '../model/scenario.js';
import { aggregateStatements } from './aggregates-sql.js';
import { allocationStatements } from './allocation-sql.js';
import { dialectByName, type DialectName } from './dialect.js';
import { factsStatements } from './facts-sql.js';
import { INPUT_TABLES } from './input-tables.js';
import { profitScoreStatements } from './profit-score-sql.js';
import { reconciliationStatements } from './reconciliation-sql.js';
import { sqlContext } from './sql-context.js';
import { renderScript, type Statement } from './sql-text.js';
import { subScoreStatements } from './sub-scores-sql.js';
import { valueStatements } from './value-sql.js';
import { windowStatements } from './window-sql.js';

export const RESULT_TABLES = ['cv_customers', 'cv_aggregates', 'cv_reconciliation', 'cv_reconciliation_months', 'cv_customer_months', 'cv_breakpoints'] as const;
export type ResultTable = (typeof RESULT_TABLES)[number];

export interface ModelSqlOptions {
  /** Qualifies the input tables' names, e.g. `dw.` reads dw.usage. */
  readonly inputPrefix?: string;
}

export interface ModelSql {
  readonly dialect: DialectName;
  readonly statements: readonly Statement[];
  readonly script: string;
}

export function modelStatements(scenario: Scenario, dialectName: DialectName, options: ModelSqlOptions = {}): Statement[] {
  const ctx = sqlContext(scenario, dialectByName(dialectName), options.inputPrefix);
  return [
    ...factsStatements(ctx),
    ...allocationStatements(ctx),
    ...windowStatements(ctx),
    ...profitScoreStatements(ctx),
    ...subScoreStatements(ctx),
    ...valueStatements(ctx),
    ...aggregateStatements(ctx),
    ...reconciliationStatements(ctx),
    {
      kind: 'result',
      name: 'cv_breakpoints',
      comment: 'SPEC §5: the breakpoints the run used (breakpoints.json)',
      body: 'SELECT point, profit, score FROM cv_breakpoint_points',
    },
  ];
}

/** The script for `scenario` in the dialect; throws SqlTranslationError when the formula cannot be expressed. */
export function buildModelSql(scenario: Scenario, dialectName: DialectName, options: ModelSqlOptions = {}): ModelSql {
  const statements = modelStatements(scenario, dialectName, options);
  const prefix = options.inputPrefix ?? '';
  const preamble = [
    `Customer Value Studio — SPEC §2–§10 as ${dialectName === 'duckdb' ? 'DuckDB' : 'Spark'} SQL, scenario "${scenario.name.replace(/[\r\n]+/g, ' ')}".`,
    `Input tables (docs/scale.md, "Input tables"): ${INPUT_TABLES.map((t) => `${prefix}${t.name}`).join(', ')}.`,
    `Result tables: ${RESULT_TABLES.join(', ')}; views cv_aggregates_<grouping>.`,
    'The scenario\'s constants are literals below; regenerate the script with `cvalue sql` after changing the scenario.',
  ];
  return { dialect: dialectName, statements, script: renderScript(dialectByName(dialectName), preamble, statements) };
}
