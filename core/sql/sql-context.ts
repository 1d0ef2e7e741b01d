/** What every stage's SQL is built from: the scenario's constants, the dialect and the input tables' names. */
import type { Scenario } from '../model/scenario.js';
import type { SqlDialect } from './dialect.js';
import { inputTableName, type InputTableName } from './input-tables.js';

export interface SqlContext {
  readonly scenario: Scenario;
  readonly dialect: SqlDialect;
  /** W, the window length in months. */
  readonly window: number;
  /** The qualified name of an input table. */
  input(name: InputTableName): string;
}

export function sqlContext(scenario: Scenario, dialect: SqlDialect, inputPrefix = ''): SqlContext {
  return { scenario, dialect, window: scenario.window, input: (name) => inputTableName(name, inputPrefix) };
}
