/**
 * SPEC §1 across imports: the knowledge base must hold what reading all its files together
 * would give, so a customer-month, a pool's month or a campaign participant that an earlier
 * import already holds is a conflict, and the new import is refused. (Every import has a usage
 * sheet, so a repeated customer-month always repeats billed_revenue: a field given twice.)
 * Refusing rather than replacing keeps financial data from being overwritten by accident; to
 * restate a month, delete its import first.
 */
import { z } from 'zod';
import type { ModelInput } from '../model/dataset.js';
import type { Bilingual } from '../model/messages.js';
import { monthKey } from '../model/month.js';
import { getImport } from './imports-catalog.js';
import type { Store } from './open-store.js';
import { oneRow } from './sql-rows.js';
import { FactColumnReader, readStoredFactTables, type StoredFactTable } from './stored-facts.js';

const MAX_LISTED = 10;

export interface Conflicts {
  /** The first few, for the message. */
  readonly items: readonly Bilingual[];
  readonly total: number;
}

class ConflictList {
  readonly items: Bilingual[] = [];
  total = 0;
  private readonly labels = new Map<number, Bilingual>();

  constructor(private readonly store: Store) {}

  add(importId: number, item: (where: Bilingual) => Bilingual): void {
    this.total++;
    if (this.items.length < MAX_LISTED) this.items.push(item(this.label(importId)));
  }

  /** "import #3 (usage.csv, settlement.csv)", for the message. */
  private label(importId: number): Bilingual {
    let label = this.labels.get(importId);
    if (label === undefined) {
      const summary = getImport(this.store, importId);
      const files = summary.datasets.map((d) => (d.sheet === null ? d.file : `${d.file} [${d.sheet}]`));
      label = { zh: `导入 #${importId}（${files.join('、')}）`, en: `import #${importId} (${files.join(', ')})` };
      this.labels.set(importId, label);
    }
    return label;
  }
}

/** Customer-months of the new facts that an earlier import holds, month by month, by merging sorted ids. */
function factConflicts(store: Store, input: ModelInput, ids: readonly string[], list: ConflictList): void {
  const { facts } = input;
  const newMonths = new Map(Array.from(facts.months, (m, i) => [m, i] as const));
  const reader = new FactColumnReader(store.db);
  const overlapping = readStoredFactTables(store.db).filter((t: StoredFactTable) => t.months.some((m) => newMonths.has(m.month)));
  for (const table of overlapping) {
    const earlierIds = reader.ids(table);
    const earlierCustomer = reader.customer(table);
    for (const range of table.months) {
      const i = newMonths.get(range.month);
      if (i === undefined) continue;
      let a = range.firstRow;
      const aEnd = range.firstRow + range.rows;
      let b = facts.monthStart[i] as number;
      const bEnd = facts.monthStart[i + 1] as number;
      while (a < aEnd && b < bEnd) {
        const earlier = earlierIds[earlierCustomer[a] as number] as string;
        const id = ids[facts.customer[b] as number] as string;
        if (earlier < id) a++;
        else if (earlier > id) b++;
        else {
          const month = monthKey(range.month);
          list.add(table.importId, (where) => ({ zh: `用户 ${id} ${month} 的用量数据已在${where.zh}中`, en: `customer ${id}, ${month}: usage data is already in ${where.en}` }));
          a++;
          b++;
        }
      }
    }
  }
}

const importIdSchema = z.strictObject({ import_id: z.number().int() });

export function findConflicts(store: Store, input: ModelInput, ids: readonly string[]): Conflicts {
  const list = new ConflictList(store);
  factConflicts(store, input, ids, list);
  const pool = store.db.prepare('SELECT import_id FROM cost_pools WHERE pool = ? AND month = ?');
  for (const p of input.pools) {
    const month = monthKey(p.month);
    const found = oneRow(pool, importIdSchema, 'cost_pools', p.pool, month);
    if (found !== undefined) {
      list.add(found.import_id, (where) => ({ zh: `成本池“${p.pool}” ${month} 已在${where.zh}中`, en: `cost pool "${p.pool}" for ${month} is already in ${where.en}` }));
    }
  }
  const participant = store.db.prepare('SELECT import_id FROM campaign_participants WHERE campaign = ? AND customer_id = ?');
  for (const c of input.campaigns) {
    const found = oneRow(participant, importIdSchema, 'campaign_participants', c.campaign, c.customerId);
    if (found !== undefined) {
      list.add(found.import_id, (where) => ({
        zh: `营销活动“${c.campaign}”的用户 ${c.customerId} 已在${where.zh}中`,
        en: `customer ${c.customerId} of campaign "${c.campaign}" is already in ${where.en}`,
      }));
    }
  }
  return { items: list.items, total: list.total };
}
