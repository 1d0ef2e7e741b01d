/**
 * Cost pools and campaign participants (SPEC §1): collected from any number of tables, with
 * their duplicate rules, and returned in a fixed order (pools by month then name, participants
 * by campaign then customer id, both in code-unit order) whatever the order of the input rows.
 */
import type { CampaignParticipant, CostPool, PoolScope } from '../../model/dataset.js';
import { scopeFieldFromText } from '../../model/fields.js';
import type { Problem } from '../../model/messages.js';
import { monthKey } from '../../model/month.js';
import { cellIssues, rowIssues, type RowRef } from '../input-messages.js';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A pool's scope from its (trimmed, NFC) cell text: null for all customers, `field=value` otherwise. */
export function parseScope(text: string | null): PoolScope | null | Problem {
  if (text === null) return null;
  const match = /^([^=＝]*)[=＝](.*)$/.exec(text);
  const [, fieldText = '', valueText = ''] = match ?? [];
  const value = valueText.trim();
  if (value === '') return cellIssues.badScope;
  const field = scopeFieldFromText(fieldText);
  return field === undefined ? cellIssues.unknownScopeField : { field, value };
}

export class PoolsCollector {
  private readonly byKey = new Map<string, { pool: CostPool; at: RowRef }>();

  /** Adds the pool, or returns the problem if the same pool already has this month. */
  add(pool: CostPool, at: RowRef): Problem | null {
    const key = `${pool.month}\u0000${pool.pool}`;
    const earlier = this.byKey.get(key);
    if (earlier !== undefined) return rowIssues.duplicatePool(pool.pool, monthKey(pool.month), earlier.at);
    this.byKey.set(key, { pool, at });
    return null;
  }

  result(): CostPool[] {
    return [...this.byKey.values()]
      .map((entry) => entry.pool)
      .sort((a, b) => a.month - b.month || compareCodeUnits(a.pool, b.pool));
  }
}

export class CampaignsCollector {
  private readonly byKey = new Map<string, { participant: CampaignParticipant; at: RowRef }>();

  /** Adds the participant, or returns the problem if the customer is already in that campaign. */
  add(participant: CampaignParticipant, at: RowRef): Problem | null {
    const key = `${participant.campaign}\u0000${participant.customerId}`;
    const earlier = this.byKey.get(key);
    if (earlier !== undefined) return rowIssues.duplicateParticipant(participant.customerId, participant.campaign, earlier.at);
    this.byKey.set(key, { participant, at });
    return null;
  }

  result(): CampaignParticipant[] {
    return [...this.byKey.values()]
      .map((entry) => entry.participant)
      .sort((a, b) => compareCodeUnits(a.campaign, b.campaign) || compareCodeUnits(a.customerId, b.customerId));
  }
}
