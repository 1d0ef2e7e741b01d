/**
 * Writes a generated sample as the operator's CSV exports (one file per kind, English field
 * names as in /examples/mini). Rows are streamed batch by batch with backpressure, so memory
 * stays flat at any size.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import {
  generateSample,
  type CampaignRow,
  type CostPoolRow,
  type CreditRow,
  type IndividualCostRow,
  type SampleOptions,
  type SettlementRow,
  type UsageRow,
} from './generate-sample.js';

export const SAMPLE_CSV_FILES = [
  'usage.csv',
  'settlement.csv',
  'individual_costs.csv',
  'credit.csv',
  'cost_pools.csv',
  'campaigns.csv',
] as const;
export type SampleCsvFile = (typeof SAMPLE_CSV_FILES)[number];

export interface SampleCsvSummary {
  /** Paths of the written files, in SAMPLE_CSV_FILES order. */
  readonly files: readonly string[];
  /** Data rows per file (the header not counted). */
  readonly rows: Readonly<Record<SampleCsvFile, number>>;
  readonly bytes: number;
  readonly customers: number;
  readonly months: readonly string[];
}

// Sample text (names, ids, months) never contains a comma, quote or line break, so cells
// are written without quoting.
const money = (x: number): string => x.toFixed(2);

const usageLine = (r: UsageRow): string =>
  `${r.customer_id},${r.month},${money(r.billed_revenue)},${r.branch},${r.channel},${r.brand},${r.plan},${r.segment},` +
  `${r.join_date},${r.minutes},${r.data_mb},${r.sms},${r.vas_count}\n`;
const settlementLine = (r: SettlementRow): string =>
  `${r.customer_id},${r.month},${money(r.settlement_income)},${money(r.settlement_cost_inter)},${money(r.settlement_cost_intra)}\n`;
const individualCostLine = (r: IndividualCostRow): string =>
  `${r.customer_id},${r.month},${money(r.commission)},${money(r.marketing_discount)},${money(r.handset_subsidy)},${money(r.points_cost)}\n`;
const creditLine = (r: CreditRow): string =>
  `${r.customer_id},${r.month},${r.suspension_count},${r.suspension_days},${money(r.arrears)}\n`;
const costPoolLine = (r: CostPoolRow): string => `${r.pool},${r.month},${money(r.amount)},${r.scope}\n`;
const campaignLine = (r: CampaignRow): string => `${r.customer_id},${r.campaign},${r.start_month},${money(r.cost)}\n`;

const HEADERS: Readonly<Record<SampleCsvFile, string>> = {
  'usage.csv':
    'customer_id,month,billed_revenue,branch,channel,brand,plan,segment,join_date,minutes,data_mb,sms,vas_count\n',
  'settlement.csv': 'customer_id,month,settlement_income,settlement_cost_inter,settlement_cost_intra\n',
  'individual_costs.csv': 'customer_id,month,commission,marketing_discount,handset_subsidy,points_cost\n',
  'credit.csv': 'customer_id,month,suspension_count,suspension_days,arrears\n',
  'cost_pools.csv': 'pool,month,amount,scope\n',
  'campaigns.csv': 'customer_id,campaign,start_month,cost\n',
};

/** One output file; write() waits for 'drain' when the stream's buffer is full. */
class CsvSink {
  rows = 0;
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(readonly path: string, header: string) {
    this.stream = createWriteStream(path);
    // Keep the error for the next write(); an 'error' without a listener would crash the process.
    this.stream.on('error', (error) => {
      this.failure = error;
    });
    this.stream.write(header);
  }

  async write<T>(rows: readonly T[], line: (row: T) => string): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (rows.length === 0) return;
    let text = '';
    for (const row of rows) text += line(row);
    this.rows += rows.length;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<number> {
    this.stream.end();
    await finished(this.stream);
    return this.stream.bytesWritten;
  }
}

/** Generates a sample and writes its six CSV files into outDir (created if missing). */
export async function writeSampleCsv(outDir: string, options: SampleOptions): Promise<SampleCsvSummary> {
  const sample = generateSample(options);
  await mkdir(outDir, { recursive: true });
  const sinks = Object.fromEntries(
    SAMPLE_CSV_FILES.map((file) => [file, new CsvSink(join(outDir, file), HEADERS[file])]),
  ) as Record<SampleCsvFile, CsvSink>;
  const closeAll = (): Promise<number>[] => SAMPLE_CSV_FILES.map((file) => sinks[file].close());
  try {
    await sinks['cost_pools.csv'].write(sample.costPools, costPoolLine);
    for (const batch of sample.batches()) {
      await sinks['usage.csv'].write(batch.usage, usageLine);
      await sinks['settlement.csv'].write(batch.settlement, settlementLine);
      await sinks['individual_costs.csv'].write(batch.individualCosts, individualCostLine);
      await sinks['credit.csv'].write(batch.credit, creditLine);
      await sinks['campaigns.csv'].write(batch.campaigns, campaignLine);
    }
  } catch (error) {
    // Close every file before reporting, so no descriptor is left open.
    await Promise.allSettled(closeAll());
    throw error;
  }
  const bytes = (await Promise.all(closeAll())).reduce((sum, b) => sum + b, 0);
  const rows = Object.fromEntries(SAMPLE_CSV_FILES.map((file) => [file, sinks[file].rows])) as Record<SampleCsvFile, number>;
  return {
    files: SAMPLE_CSV_FILES.map((file) => sinks[file].path),
    rows,
    bytes,
    customers: sample.customers,
    months: sample.months,
  };
}
