/**
 * One store benchmark process. `import <db> <customers> <months> <layout>` writes a synthetic
 * province into a new knowledge base, as one import or one import per month; `load <db>` times
 * opening it and building the engine's ModelInput. Prints one JSON line; peak RSS is the whole
 * process's.
 */
import { rmSync, statSync } from 'node:fs';
import type { CampaignParticipant, CategoryCodes, FactTable, ModelInput } from '../core/model/dataset.js';
import { CATEGORY_FIELDS, NUMERIC_FACT_FIELDS, type CategoryField, type NumericFactField } from '../core/model/fields.js';
import { PackedIds } from '../core/model/id-list.js';
import { numberAt, type NumberColumn } from '../core/model/number-column.js';
import { importInput } from '../core/store/import-input.js';
import { loadModelInput } from '../core/store/load-model-input.js';
import { openStore } from '../core/store/open-store.js';
import { syntheticInput } from './synthetic-input.js';

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** One participant in twenty, in three campaigns starting in the first month (synthetic data has none). */
function withCampaigns(input: ModelInput): ModelInput {
  const { customerIds, months } = input.facts;
  const campaigns: CampaignParticipant[] = [];
  for (let c = 0; c < customerIds.length; c += 20) {
    campaigns.push({ customerId: customerIds.at(c), campaign: `活动${(c / 20) % 3}`, startMonth: months[0] as number, cost: 20 + (c % 7) });
  }
  return { ...input, campaigns };
}

/** The rows of month index m as a table of their own (customers renumbered), as a monthly import would hold them. */
function monthSlice(facts: FactTable, m: number): FactTable {
  const start = facts.monthStart[m] as number;
  const end = facts.monthStart[m + 1] as number;
  const rows = facts.customer.subarray(start, end);
  const used = Array.from(new Set(rows));
  const index = new Map(used.map((c, i) => [c, i]));
  const pick = <T extends Float64Array | Int32Array | Uint16Array | Uint8Array>(column: T): T => column.slice(start, end) as T;
  return {
    months: Int32Array.of(facts.months[m] as number),
    monthStart: Int32Array.of(0, end - start),
    customerIds: PackedIds.fromSorted(used.map((c) => facts.customerIds.at(c))),
    customer: rows.map((c) => index.get(c) as number),
    numbers: Object.fromEntries(NUMERIC_FACT_FIELDS.map((f) => [f, { values: pick(facts.numbers[f].values), scale: facts.numbers[f].scale }])) as Record<NumericFactField, NumberColumn>,
    categories: Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, pick(facts.categories[f])])) as Record<CategoryField, CategoryCodes>,
    dictionaries: facts.dictionaries,
    joinMonth: pick(facts.joinMonth),
  };
}

function splitByMonth(input: ModelInput): ModelInput[] {
  return Array.from(input.facts.months, (month, m) => ({
    facts: monthSlice(input.facts, m),
    pools: input.pools.filter((p) => p.month === month),
    campaigns: input.campaigns.filter((c) => c.startMonth === month),
    warnings: [],
  }));
}

function importCommand(db: string, customers: number, months: number, layout: string): object {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  let t = performance.now();
  const input = withCampaigns(syntheticInput(customers, months));
  const parts = layout === 'monthly' ? splitByMonth(input) : [input];
  const generateMs = performance.now() - t;
  const store = openStore(db);
  t = performance.now();
  parts.forEach((part, i) => {
    const file = { file: `synthetic-${i + 1}`, kind: 'usage', rows: part.facts.customer.length, sha256: String(i + 1).padStart(64, '0') };
    importInput(store, { input: part, files: [file] });
  });
  const importMs = performance.now() - t;
  store.close();
  return { layout, imports: parts.length, rows: input.facts.customer.length, generateMs, importMs, dbMb: statSync(db).size / 2 ** 20, peakRssMb: peakRssMb() };
}

function loadCommand(db: string): object {
  const baselineRssMb = peakRssMb();
  const t = performance.now();
  const store = openStore(db, { mustExist: true });
  const input = loadModelInput(store);
  const loadMs = performance.now() - t;
  store.close();
  // A checksum over what was loaded, so the two layouts can be seen to give the same data.
  let checksum = 0;
  const billed = input.facts.numbers.billed_revenue;
  for (let r = 0; r < input.facts.customer.length; r++) checksum += numberAt(billed, r) * ((input.facts.customer[r] as number) % 7);
  return { rows: input.facts.customer.length, customers: input.facts.customerIds.length, participants: input.campaigns.length, loadMs, checksum, baselineRssMb, peakRssMb: peakRssMb() };
}

const [mode, db, ...rest] = process.argv.slice(2);
if (db === undefined) throw new Error('usage: store-bench-child.ts import <db> <customers> <months> <one|monthly> | load <db>');
const result = mode === 'import' ? importCommand(db, Number(rest[0]), Number(rest[1]), rest[2] ?? 'one') : loadCommand(db);
process.stdout.write(`${JSON.stringify(result)}\n`);
