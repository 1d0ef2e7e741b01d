/**
 * Cost pools and campaign participants as plain rows: they are small next to the facts (tens of
 * pools a month, participants a few percent of customers), and their primary keys enforce the
 * SPEC §1 duplicate rules across every import.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { CampaignParticipant, CostPool } from '../model/dataset.js';
import { SCOPE_FIELDS } from '../model/fields.js';
import { isMonthKey, monthKey, monthNumber } from '../model/month.js';
import { allRows } from './sql-rows.js';
import { StoreError, storeIssues } from './store-errors.js';

export function writePools(db: Database, importId: number, pools: readonly CostPool[]): void {
  const insert = db.prepare('INSERT INTO cost_pools (import_id, pool, month, amount_fen, scope_field, scope_value) VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of pools) insert.run(importId, p.pool, monthKey(p.month), p.amountFen, p.scope?.field ?? null, p.scope?.value ?? null);
}

export function writeParticipants(db: Database, importId: number, participants: readonly CampaignParticipant[]): void {
  const insert = db.prepare('INSERT INTO campaign_participants (import_id, campaign, customer_id, start_month, cost) VALUES (?, ?, ?, ?, ?)');
  for (const c of participants) insert.run(importId, c.campaign, c.customerId, monthKey(c.startMonth), c.cost);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const poolRowSchema = z.strictObject({
  pool: z.string(),
  month: z.string().refine(isMonthKey),
  amount_fen: z.number().int().nonnegative(),
  scope_field: z.enum(SCOPE_FIELDS).nullable(),
  scope_value: z.string().nullable(),
});

/** Every pool, by month then name in code-unit order (SQLite's ORDER BY compares UTF-8 bytes, which differs). */
export function readPools(db: Database): CostPool[] {
  return allRows(db.prepare('SELECT pool, month, amount_fen, scope_field, scope_value FROM cost_pools'), poolRowSchema, 'cost_pools')
    .map(
      (row): CostPool => ({
        pool: row.pool,
        month: monthNumber(row.month),
        amountFen: row.amount_fen,
        scope: row.scope_field === null || row.scope_value === null ? null : { field: row.scope_field, value: row.scope_value },
      }),
    )
    .sort((a, b) => a.month - b.month || compareCodeUnits(a.pool, b.pool));
}

/**
 * Every participant, by campaign then customer id in code-unit order. Checked by hand rather
 * than by a schema per row: there may be tens of thousands.
 */
export function readParticipants(db: Database): CampaignParticipant[] {
  const participants: CampaignParticipant[] = [];
  const rows = db.prepare('SELECT campaign, customer_id, start_month, cost FROM campaign_participants').raw().iterate();
  for (const row of rows as Iterable<unknown[]>) {
    const [campaign, customerId, startMonth, cost] = row;
    if (typeof campaign !== 'string' || typeof customerId !== 'string' || typeof startMonth !== 'string' || !isMonthKey(startMonth) || typeof cost !== 'number') {
      throw new StoreError(storeIssues.corrupt({ zh: 'campaign_participants 表中的一行不符合架构', en: 'a row of table campaign_participants does not fit the schema' }));
    }
    participants.push({ customerId, campaign, startMonth: monthNumber(startMonth), cost });
  }
  return participants.sort((a, b) => compareCodeUnits(a.campaign, b.campaign) || compareCodeUnits(a.customerId, b.customerId));
}
