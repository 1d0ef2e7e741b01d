/**
 * Typed reads of small result sets: better-sqlite3 returns `unknown` rows, and a row from a
 * file another build wrote is checked, not cast. Bulk data (fact columns, campaign rows) is
 * read by its own code without a schema per row.
 */
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import { StoreError, storeIssues } from './store-errors.js';

function checked<T>(row: unknown, schema: z.ZodType<T>, table: string): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) throw new StoreError(storeIssues.corrupt({ zh: `${table} 表中的一行不符合架构`, en: `a row of table ${table} does not fit the schema` }));
  return parsed.data;
}

export function allRows<T>(statement: Statement, schema: z.ZodType<T>, table: string, ...params: unknown[]): T[] {
  return statement.all(...params).map((row) => checked(row, schema, table));
}

export function oneRow<T>(statement: Statement, schema: z.ZodType<T>, table: string, ...params: unknown[]): T | undefined {
  const row = statement.get(...params);
  return row === undefined ? undefined : checked(row, schema, table);
}
