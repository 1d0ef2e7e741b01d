/** `cvalue trend` and `cvalue warnings` end to end on a generated sample, reading the CSVs back. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cvalue } from '../support/cvalue.js';
import { tempDir } from '../support/paths.js';

function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = (header ?? '').split(',');
  // The sample's ids and group names hold no commas or quotes, so a plain split is exact here.
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? '', cell])));
}

describe('cvalue trend and warnings on the sample province', () => {
  const dir = tempDir('cli-trend');
  const sample = join(dir, 'sample');
  const out = join(dir, 'out');

  beforeAll(async () => {
    expect((await cvalue('sample', '--customers', '500', '--months', '8', '--out-dir', sample)).code).toBe(0);
    const trend = await cvalue('trend', '--data', sample, '--out-dir', out);
    expect(trend.err).toBe('');
    expect(trend.code).toBe(0);
    const warnings = await cvalue('warnings', '--data', sample, '--months', '4', '--out-dir', out);
    expect(warnings.err).toBe('');
    expect(warnings.code).toBe(0);
  }, 120_000);

  it('writes one row per customer-month of the six trend months', () => {
    const rows = readCsv(join(out, 'trend_customers.csv'));
    expect(Object.keys(rows[0] ?? {})).toEqual(['customer_id', 'month', 'in_table', 'value', 'tier', 'avg_profit']);
    expect([...new Set(rows.map((r) => r.month))].sort()).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(rows.every((r) => r.in_table === '1' && r.avg_profit !== '' && r.tier !== '')).toBe(true);
    // A scored customer has a value and a lettered tier.
    expect(rows.filter((r) => r.value !== '').every((r) => ['A', 'B', 'C', 'D'].includes(r.tier ?? ''))).toBe(true);
  });

  it('matches `cvalue run` for the last month, customer by customer and plan by plan', async () => {
    const runDir = join(dir, 'run');
    expect((await cvalue('run', '--data', sample, '--out-dir', runDir)).code).toBe(0);
    const run = readCsv(join(runDir, 'customers.csv'));
    const last = readCsv(join(out, 'trend_customers.csv')).filter((r) => r.month === '2026-09');
    expect(last.map((r) => [r.customer_id, r.value, r.avg_profit])).toEqual(run.map((r) => [r.customer_id, r.value, r.avg_profit]));
    const plans = readCsv(join(runDir, 'aggregates_plan.csv'));
    const trendPlans = readCsv(join(out, 'trend_groups.csv')).filter((r) => r.grouping === 'plan' && r.month === '2026-09');
    expect(trendPlans.map((r) => [r.group, r.customers, r.negative_count, r.loss, r.loss_making_plan, r.settlement_inverted])).toEqual(
      plans.map((r) => [r.group, r.customers, r.negative_count, r.loss, r.loss_making_plan, r.settlement_inverted]),
    );
  });

  it('writes warnings dated in the later three of the four months, with known rules', () => {
    const rows = readCsv(join(out, 'warnings.csv'));
    expect(Object.keys(rows[0] ?? {})).toEqual(['month', 'rule', 'subject_kind', 'subject', 'before', 'after', 'detail', 'rule_name']);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set(['2026-07', '2026-08', '2026-09']));
    for (const r of rows) expect(['negative_turn', 'value_drop', 'credit_arrears', 'share_rise', 'plan_flags']).toContain(r.rule);
  });

  it('names each warning rule in Chinese and English in the last column', () => {
    const rows = readCsv(join(out, 'warnings.csv'));
    const names: Record<string, string> = {
      negative_turn: '转为负值 / Turned negative',
      value_drop: '价值下滑 / Value drop',
      credit_arrears: '低信用欠费 / Low credit with arrears',
      share_rise: '负值占比上升 / Negative share rise',
      plan_flags: '资费异常 / Plan flagged',
    };
    expect(new Set(rows.map((r) => r.rule)).size).toBeGreaterThan(1);
    for (const r of rows) expect(r.rule_name, r.rule).toBe(names[r.rule ?? '']);
  });

  it('leaves out rules the scenario switches off', async () => {
    const scenario = join(dir, 'quiet.scenario.json');
    const off = { enabled: false };
    writeFileSync(scenario, JSON.stringify({ warnings: { negative_turn: off, value_drop: off, credit_arrears: off, share_rise: off, plan_flags: off } }));
    const quiet = join(dir, 'quiet');
    expect((await cvalue('warnings', '--data', sample, '--scenario', scenario, '--out-dir', quiet)).code).toBe(0);
    expect(readCsv(join(quiet, 'warnings.csv'))).toEqual([]);
  });

  it('refuses --months outside 2…24 with exit 2', async () => {
    const bad = await cvalue('trend', '--data', sample, '--months', '1', '--out-dir', join(dir, 'bad'));
    expect(bad.code).toBe(2);
  });
});
