/**
 * The warehouse's input tables (docs/scale.md, "Input tables"): one per input kind of SPEC §1,
 * columns named as its fields. They hold data as the import leaves it — one row per key, text
 * trimmed, months as 'YYYY-MM' — so the script does not repeat the reading rules of §1.
 */

export type SqlColumnType = 'STRING' | 'DOUBLE' | 'DATE';

export interface InputColumn {
  readonly name: string;
  readonly type: SqlColumnType;
  /** NOT NULL in the contract (the key, and billed_revenue on usage). */
  readonly required?: boolean;
}

export interface InputTable {
  readonly name: InputTableName;
  readonly columns: readonly InputColumn[];
  readonly key: readonly string[];
}

export type InputTableName = 'usage' | 'settlement' | 'individual_costs' | 'credit' | 'cost_pools';

const KEY: readonly InputColumn[] = [
  { name: 'customer_id', type: 'STRING', required: true },
  { name: 'month', type: 'STRING', required: true },
];

const doubles = (names: readonly string[]): InputColumn[] => names.map((name) => ({ name, type: 'DOUBLE' }));

export const INPUT_TABLES: readonly InputTable[] = [
  {
    name: 'usage',
    key: ['customer_id', 'month'],
    columns: [
      ...KEY,
      { name: 'billed_revenue', type: 'DOUBLE', required: true },
      { name: 'branch', type: 'STRING' },
      { name: 'channel', type: 'STRING' },
      { name: 'brand', type: 'STRING' },
      { name: 'plan', type: 'STRING' },
      { name: 'segment', type: 'STRING' },
      { name: 'join_date', type: 'DATE' },
      ...doubles(['minutes', 'data_mb', 'sms', 'vas_count']),
    ],
  },
  { name: 'settlement', key: ['customer_id', 'month'], columns: [...KEY, ...doubles(['settlement_income', 'settlement_cost_inter', 'settlement_cost_intra'])] },
  {
    name: 'individual_costs',
    key: ['customer_id', 'month'],
    columns: [...KEY, ...doubles(['commission', 'marketing_discount', 'handset_subsidy', 'points_cost'])],
  },
  { name: 'credit', key: ['customer_id', 'month'], columns: [...KEY, ...doubles(['suspension_count', 'suspension_days', 'arrears'])] },
  {
    name: 'cost_pools',
    key: ['pool', 'month'],
    columns: [
      { name: 'pool', type: 'STRING', required: true },
      { name: 'month', type: 'STRING', required: true },
      { name: 'amount', type: 'DOUBLE', required: true },
      { name: 'scope', type: 'STRING' },
    ],
  },
];

/** Where the script reads each input table: `prefix` qualifies the names (e.g. `dw.` → dw.usage). */
export function inputTableName(name: InputTableName, prefix = ''): string {
  return `${prefix}${name}`;
}

/** CREATE TABLE statements for the input tables (what run-duckdb.ts loads into). */
export function inputTablesDdl(prefix = ''): string[] {
  return INPUT_TABLES.map(
    (t) => `CREATE OR REPLACE TABLE ${inputTableName(t.name, prefix)} (${t.columns.map((c) => `${c.name} ${c.type === 'STRING' ? 'VARCHAR' : c.type}${c.required === true ? ' NOT NULL' : ''}`).join(', ')})`,
  );
}
