/** `cvalue run` end to end on generated sample data, and its exit codes on bad input and usage. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cvalue } from '../support/cvalue.js';
import { tempDir } from '../support/paths.js';


const RUN_FILES = [
  'customers.csv', 'customer_months.csv', 'aggregates_plan.csv', 'aggregates_brand.csv', 'aggregates_branch.csv',
  'aggregates_channel.csv', 'aggregates_segment.csv', 'aggregates_tier.csv', 'reconciliation.csv',
  'reconciliation_months.csv', 'campaigns.csv', 'campaign_participants.csv', 'breakpoints.json', 'summary.json', 'warnings.json',
];
const COMPARE_FILES = ['migration.csv', 'compare_plan.csv', 'compare_branch.csv', 'tier_changes.csv', 'comparison.json'];

describe('cvalue run on the sample province', () => {
  const dir = tempDir('cli');
  const sample = join(dir, 'sample');
  const out = join(dir, 'out');

  beforeAll(async () => {
    expect((await cvalue('sample', '--customers', '3000', '--months', '6', '--out-dir', sample)).code).toBe(0);
    writeFileSync(join(dir, 'b.scenario.json'), JSON.stringify({ name: '方案B', value_weights: { profit: 0.4, loyalty: 0.2, credit: 0.2, behaviour: 0.2 } }));
    const run = await cvalue('run', '--data', sample, '--out-dir', out, '--compare', join(dir, 'b.scenario.json'));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('writes every file of SPEC §13 and the comparison files', () => {
    for (const file of [...RUN_FILES, ...COMPARE_FILES]) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it('evaluates the latest month and flags the GPRS plan as settlement-inverted', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { month: string; customers: number; eligible: number };
    expect(summary.month).toBe('2026-09');
    expect(summary.eligible).toBeGreaterThan(summary.customers * 0.8);
    const gprs = readFileSync(join(out, 'aggregates_plan.csv'), 'utf8').split('\n').find((l) => l.startsWith('GPRS流量包,'));
    expect(gprs?.endsWith(',1,1')).toBe(true);
  });

  it('keeps every customer in the migration matrix', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { customers: number };
    const [, ...rows] = readFileSync(join(out, 'migration.csv'), 'utf8').trim().split('\n');
    const total = rows.map((r) => r.split(',').slice(1).map(Number).reduce((a, b) => a + b, 0)).reduce((a, b) => a + b, 0);
    expect(total).toBe(summary.customers);
  });
});

describe('cvalue run refuses bad input with exit 1', () => {
  const dir = tempDir('cli-bad');

  it('names file, row and column of a malformed CSV cell', async () => {
    const usage = join(dir, 'usage.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n002,2026-09,abc\n');
    const r = await cvalue('run', '--data', usage, '--out-dir', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(usage);
    expect(r.err).toMatch(/row 3/);
    expect(r.err).toContain('billed_revenue');
    expect(r.err).toContain('abc');
    expect(existsSync(join(dir, 'out', 'customers.csv'))).toBe(false);
  });

  it('names the file and field of a malformed scenario', async () => {
    const usage = join(dir, 'usage-ok.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n');
    const scenario = join(dir, 'bad.scenario.json');
    writeFileSync(scenario, JSON.stringify({ window: 0, value_weights: { profit: 0.9 } }));
    const r = await cvalue('run', '--data', usage, '--scenario', scenario, '--out-dir', join(dir, 'out2'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(scenario);
    expect(r.err).toContain('window');
    expect(r.err).toContain('value_weights');
  });

  it('refuses a scenario file that is not JSON', async () => {
    const scenario = join(dir, 'broken.scenario.json');
    writeFileSync(scenario, '{"window": 3,');
    const r = await cvalue('run', '--data', dir, '--scenario', scenario, '--out-dir', join(dir, 'out3'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('JSON');
  });

  it('refuses an evaluation month without usage data', async () => {
    const usage = join(dir, 'usage-month.csv');
    writeFileSync(usage, 'customer_id,month,billed_revenue\n001,2026-09,12.5\n');
    const r = await cvalue('run', '--data', usage, '--month', '2026-10', '--out-dir', join(dir, 'out4'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('2026-10');
  });
});

describe('cvalue usage errors exit 2', () => {
  it.each([
    [['run', '--out-dir', 'x']],
    [['run', '--data', 'x']],
    [['run', '--data', 'x', '--out-dir', 'y', '--month', '2026-13']],
    [['run', '--bogus']],
    [['frobnicate']],
    [['sample', '--customers', '-5', '--out-dir', 'x']],
  ])('%j', async (args) => {
    expect((await cvalue(...args)).code).toBe(2);
  });

  it('explains itself in Chinese and English', async () => {
    const r = await cvalue('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法');
    expect(r.out).toContain('Usage');
  });
});
