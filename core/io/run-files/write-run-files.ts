/** Writes the run files of SPEC §13 into a folder, streaming with backpressure. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { compareRuns } from '../../engine/compare-runs.js';
import { monthKey } from '../../model/month.js';
import { campaignUplift } from '../../engine/uplift/campaign-uplift.js';
import type { ModelResult } from '../../engine/run-model.js';
import { csvLine, type CsvCell } from './csv-text.js';
import * as rows from './run-file-rows.js';

const CHUNK_CHARS = 1 << 20;

/**
 * Writes to a temporary name and renames when complete, so a reader never sees half a file; on
 * failure the temporary file is removed. Rows may come synchronously or asynchronously.
 */
export async function writeCsv(path: string, lines: rows.Rows | AsyncIterable<readonly CsvCell[]>): Promise<void> {
  const temp = `${path}.partial`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    let chunk = '';
    // for await takes the engine's generators and rows streamed from a database alike.
    for await (const cells of lines) {
      chunk += csvLine(cells);
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    await rename(temp, path);
  } catch (e) {
    out.destroy();
    await rm(temp, { force: true });
    throw e;
  }
}

export async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(`${path}.partial`, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(`${path}.partial`, path);
}

export async function writeRunFiles(outDir: string, result: ModelResult, compareWith?: ModelResult): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const csv = async (name: string, lines: rows.Rows) => {
    await writeCsv(join(outDir, name), lines);
    written.push(name);
  };
  const json = async (name: string, value: unknown) => {
    await writeJson(join(outDir, name), value);
    written.push(name);
  };
  await csv('customers.csv', rows.customerRows(result));
  await csv('customer_months.csv', rows.customerMonthRows(result));
  for (const grouping of rows.GROUPINGS) await csv(`aggregates_${grouping}.csv`, rows.aggregateRows(result.aggregates[grouping], grouping));
  await csv('reconciliation.csv', rows.reconciliationRows(result));
  await csv('reconciliation_months.csv', rows.reconciliationMonthRows(result));
  const uplifts = campaignUplift(result);
  await csv('campaigns.csv', rows.campaignRows(result, uplifts));
  await csv('campaign_uplift_tiers.csv', rows.campaignUpliftTierRows(uplifts));
  await csv('campaign_participants.csv', rows.campaignParticipantRows(result));
  await json('breakpoints.json', rows.breakpointsJson(result));
  await json('summary.json', rows.summaryJson(result));
  await json('warnings.json', rows.warningsJson(result));
  // The scenario as run (defaults filled in, the month resolved), so the results can be reproduced.
  await json('scenario.json', { ...result.scenario, month: monthKey(result.window.evaluationMonth) });
  if (compareWith !== undefined) {
    const cmp = compareRuns(result, compareWith);
    await csv('migration.csv', rows.migrationRows(cmp));
    await csv('compare_plan.csv', rows.groupChangeRows(cmp.plans));
    await csv('compare_branch.csv', rows.groupChangeRows(cmp.branches));
    await csv('tier_changes.csv', rows.tierChangeRows(cmp, result.input.facts.customerIds));
    await json('comparison.json', rows.comparisonJson(cmp, result.scenario.name, compareWith.scenario.name));
  }
  return written;
}
