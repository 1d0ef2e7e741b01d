/**
 * targets:* — issue 6 §3: a target list over the latest run, its comparison with an ARPU-only
 * list of the same size, its export, and saved definitions.
 *
 * The knowledge base has no table for target definitions, and they do not belong to a scenario
 * (the same filter is applied to whatever run is current), so they are kept as JSON next to the
 * database, `<db>.targets.json`, written under a temporary name and renamed so a crash never
 * leaves half a file.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { targetFilterSchema, type TargetFilter, type TargetRange } from '../engine/targets/target-filter.js';
import { arpuComparison, buildTargetList } from '../engine/targets/target-list.js';
import { targetRows } from '../io/targets/target-rows.js';
import { writeTargetCsv } from '../io/targets/write-target-csv.js';
import { writeTargetXlsx } from '../io/targets/write-target-xlsx.js';
import type { SavedTargetView, TargetRowView } from './contract.js';
import { resolveTarget } from './output-target.js';
import type { Handler, ServiceOptions } from './service-context.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

const PREVIEW_ROWS = 100;

export const buildTargets: Handler<'targets:build'> = async (input, ctx) => {
  const { result } = ctx.model.run(input.runId);
  const list = buildTargetList(result, input.filter);
  const cmp = arpuComparison(result, list);
  const preview: TargetRowView[] = [];
  for (const [customerId, branch, channel, plan, segment, tier, value, avgProfit, avgBilledRevenue, tenureMonths] of targetRows(result, list.customers.subarray(0, PREVIEW_ROWS))) {
    preview.push({ customerId, branch, channel, plan, segment, tier, value: Number.isNaN(value) ? null : value, avgProfit, avgBilledRevenue, tenureMonths });
  }
  return {
    size: list.size,
    sumAvgProfit: list.sumAvgProfit,
    negativeCount: list.negative,
    arpu: { negativeCount: cmp.arpu.negative, sumAvgProfit: cmp.arpu.sumAvgProfit },
    negativeAvoided: cmp.negativeAvoided,
    negativeAvoidedShare: Number.isNaN(cmp.negativeAvoidedShare) ? null : cmp.negativeAvoidedShare,
    preview,
  };
};

/**
 * The CSV's path under export:report's rules (output-target.ts), which only know .xlsx: the
 * equivalent .xlsx name is checked and resolved, then given back its .csv ending, so the shells'
 * rules stay in one place.
 */
async function resolveFormatTarget(options: ServiceOptions, target: string, format: 'csv' | 'xlsx'): Promise<string> {
  if (format === 'xlsx') return resolveTarget(options, target);
  if (!/\.csv$/i.test(target)) throw new ServiceFailure(serviceIssues.badTarget(target, '文件名须以 .csv 结尾', 'the file name must end in .csv'));
  const resolved = await resolveTarget(options, `${target.slice(0, -4)}.xlsx`);
  return `${resolved.slice(0, -5)}${target.slice(-4)}`;
}

function rangeText(key: string, r: TargetRange | undefined): string[] {
  return r === undefined ? [] : [`${key}=${r.min ?? ''}..${r.max ?? ''}`];
}

/** The filter in the command line's clause syntax (filter-text.ts), for the workbook's 说明 sheet. */
export function filterText(f: TargetFilter): string {
  const list = (key: string, names: readonly string[]) => (names.length === 0 ? [] : [`${key}=${names.join(',')}`]);
  return [
    ...list('tier', f.tiers),
    ...rangeText('value', f.value),
    ...(f.eligibleOnly ? ['eligible'] : []),
    ...(f.excludeNegative ? ['exclude_negative'] : []),
    ...list('branch', f.branches),
    ...list('channel', f.channels),
    ...list('plan', f.plans),
    ...list('segment', f.segments),
    ...rangeText('tenure', f.tenure),
  ].join(';');
}

export const exportTargets: Handler<'targets:export'> = (input, ctx) =>
  ctx.jobs.run(input.jobId, 'targets:export', ctx.emit, async (job) => {
    const path = await resolveFormatTarget(ctx.options, input.target, input.format);
    const run = ctx.model.run(input.runId);
    // Pinned: a what-if re-run during the write must not overwrite the arrays being read.
    const release = ctx.model.pin(run);
    try {
      const list = buildTargetList(run.result, input.filter);
      job.throwIfCancelled();
      job.progress('write', 0, list.size);
      if (input.format === 'csv') await writeTargetCsv(path, run.result, list.customers);
      else await writeTargetXlsx(path, { result: run.result, filterText: filterText(input.filter), filter: input.filter, list, comparison: arpuComparison(run.result, list) });
      job.progress('write', list.size, list.size);
      return { path, rows: list.size };
    } finally {
      release();
    }
  });

// ── saved definitions ────────────────────────────────────────────────────────────────────────

const savedFileSchema = z.object({
  definitions: z.array(z.object({ name: z.string().min(1), filter: targetFilterSchema, savedAt: z.string() })),
});

export function definitionsPath(options: ServiceOptions): string {
  return `${options.databasePath}.targets.json`;
}

async function readDefinitions(options: ServiceOptions): Promise<SavedTargetView[]> {
  let text: string;
  try {
    text = await readFile(definitionsPath(options), 'utf8');
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return [];
    throw e;
  }
  const parsed = savedFileSchema.safeParse(JSON.parse(text));
  // A file edited into something unreadable is not thrown away by the next save: refuse instead.
  if (!parsed.success) throw new ServiceFailure(serviceIssues.badTarget(definitionsPath(options), '已保存的名单定义文件无法读取', 'the saved target definitions cannot be read'));
  return parsed.data.definitions;
}

export const listTargets: Handler<'targets:list'> = async (_input, ctx) => readDefinitions(ctx.options);

/** Saving under an existing name replaces that definition. */
export const saveTarget: Handler<'targets:save'> = async (input, ctx) => {
  const saved: SavedTargetView = { name: input.name, filter: input.filter, savedAt: new Date().toISOString() };
  const others = (await readDefinitions(ctx.options)).filter((d) => d.name !== input.name);
  const definitions = [...others, saved].sort((a, b) => a.name.localeCompare(b.name));
  const path = definitionsPath(ctx.options);
  const temp = `${path}.partial`;
  await writeFile(temp, `${JSON.stringify({ definitions }, null, 2)}\n`, 'utf8');
  await rename(temp, path);
  return saved;
};
