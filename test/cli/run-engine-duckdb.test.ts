/**
 * `cvalue run --engine duckdb` (issue 7): the worked example's expected files, the same files as
 * the ts engine on a generated sample, and the options it refuses (exit 2).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../core/engine/customer-query.js';
import { resultCustomerRecord } from '../../core/engine/results/result-query.js';
import { readResultSet } from '../../core/io/results/read-result-set.js';
import type { ResultSet } from '../../core/model/result-set.js';
import { compareCsv, compareJson } from '../support/compare-outputs.js';
import { cvalue } from '../support/cvalue.js';
import { MINI, tempDir } from '../support/paths.js';

const SQL_FILES = [
  'customers.csv', 'customer_months.csv', 'aggregates_plan.csv', 'aggregates_brand.csv', 'aggregates_branch.csv',
  'aggregates_channel.csv', 'aggregates_segment.csv', 'aggregates_tier.csv', 'reconciliation.csv',
  'reconciliation_months.csv', 'breakpoints.json', 'summary.json', 'warnings.json', 'scenario.json',
];
const NOT_WRITTEN = ['campaigns.csv', 'campaign_participants.csv', 'campaign_uplift_tiers.csv'];

const compare = (actual: string, expected: string): string[] => (actual.endsWith('.json') ? compareJson : compareCsv)(actual, expected);
const headerOf = (path: string): string => readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';

describe('cvalue run --engine duckdb on the worked example (shared/examples/mini)', () => {
  const out = join(tempDir('duckdb-mini'), 'out');
  const expectedDir = join(MINI, 'expected');
  let log = '';

  beforeAll(async () => {
    const run = await cvalue('run', '--engine', 'duckdb', '--data', MINI, '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', out);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    log = run.out;
  });

  it('writes the files the SQL covers, and says which it does not write and why', () => {
    expect(readdirSync(out).sort()).toEqual([...SQL_FILES].sort());
    for (const file of NOT_WRITTEN) expect(log).toContain(file);
    expect(log).toContain('DuckDB 引擎不做营销评估');
    expect(log).toContain('does not evaluate campaigns');
    expect(log).toContain('3 campaign participants were not evaluated');
  });

  it.each(SQL_FILES.filter((f) => existsSync(join(MINI, 'expected', f))))('%s matches the expected file', (file) => {
    expect(compare(join(out, file), join(expectedDir, file))).toEqual([]);
  });

  it('logs the run warnings as the ts engine does', () => {
    expect(log).toContain('pool R 2026-01: scope branch=济源 matches nobody; 7.0 left unallocated');
    expect(log).toContain('4 customers, 3 scored');
  });
});

describe('cvalue run --engine duckdb against --engine ts on the sample province (5,000 customers × 4 months)', () => {
  const dir = tempDir('duckdb-sample');
  const sample = join(dir, 'sample');
  const ts = join(dir, 'ts');
  const duck = join(dir, 'duckdb');

  beforeAll(async () => {
    expect((await cvalue('sample', '--customers', '5000', '--months', '4', '--out-dir', sample)).code).toBe(0);
    const a = await cvalue('run', '--engine', 'ts', '--data', sample, '--out-dir', ts);
    expect(a.code).toBe(0);
    const b = await cvalue('run', '--engine', 'duckdb', '--data', sample, '--out-dir', duck, '--memory-limit', '512MiB');
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
  }, 120_000);

  it.each(SQL_FILES)('%s equals the ts engine’s (numbers within 1e-6, same columns and rows in the same order)', (file) => {
    if (file.endsWith('.csv')) expect(headerOf(join(duck, file))).toBe(headerOf(join(ts, file)));
    expect(compare(join(duck, file), join(ts, file))).toEqual([]);
  });

  it('writes the exact-text files byte for byte as the ts engine', () => {
    for (const file of ['customers.csv', 'customer_months.csv', 'summary.json', 'warnings.json', 'scenario.json', 'breakpoints.json']) {
      expect(readFileSync(join(duck, file), 'utf8'), file).toBe(readFileSync(join(ts, file), 'utf8'));
    }
  });

  it('imports as a results set equal to the ts engine\'s folder (the way back into the app)', async () => {
    const [fromDuck, fromTs] = await Promise.all([readResultSet([duck]), readResultSet([ts])]);
    if (!fromDuck.ok || !fromTs.ok) throw new Error('a run folder did not read as a results set');
    const records = (set: ResultSet): CustomerRecord[] => Array.from({ length: set.customers.ids.length }, (_, c) => resultCustomerRecord(set, c));
    expect(records(fromDuck.set).length).toBeGreaterThan(4900);
    expect(records(fromDuck.set)).toEqual(records(fromTs.set));
  });

  it('leaves no spill directory behind', () => {
    expect(readdirSync(duck).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('says in words, with exit 1, when DuckDB cannot work within the memory limit', async () => {
    const out = join(dir, 'oom');
    const r = await cvalue('run', '--engine', 'duckdb', '--data', sample, '--out-dir', out, '--memory-limit', '1MiB');
    expect(r.code).toBe(1);
    expect(r.err).toContain('DuckDB could not finish within its memory limit of 1MiB');
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    expect(readdirSync(out).filter((f) => f.startsWith('.duckdb-temp-'))).toEqual([]);
  }, 120_000);
});

describe('cvalue run --engine duckdb refuses what the SQL does not cover (exit 2)', () => {
  const dir = tempDir('duckdb-refuse');

  it.each([
    ['--out report.xlsx', ['--out', join(dir, 'r.xlsx')], /不写价值报告[\s\S]*does not write the value report/],
    ['--out-dir with --out', ['--out-dir', join(dir, 'o'), '--out', join(dir, 'r.xlsx')], /--out[\s\S]*value report/],
    ['--compare', ['--out-dir', join(dir, 'o2'), '--compare', join(MINI, 'scenario_mini.json')], /不做方案对比[\s\S]*does not compare scenarios/],
    ['no --out-dir', [], /--out-dir[\s\S]*Missing --out-dir/],
    ['a bad --memory-limit', ['--out-dir', join(dir, 'o3'), '--memory-limit', 'lots'], /--memory-limit[\s\S]*4GB/],
  ])('%s', async (_name, flags, message) => {
    const r = await cvalue('run', '--engine', 'duckdb', '--data', MINI, ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
  });

  it('refuses an unknown engine, and --memory-limit without duckdb', async () => {
    const bad = await cvalue('run', '--engine', 'spark', '--data', MINI, '--out-dir', join(dir, 'o4'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--engine must be ts or duckdb');
    const limit = await cvalue('run', '--data', MINI, '--out-dir', join(dir, 'o5'), '--memory-limit', '1GB');
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--memory-limit applies only to --engine duckdb');
  });
});

describe('cvalue run --engine duckdb from a knowledge base (--db)', () => {
  it('writes the same customers as from the files', async () => {
    const dir = tempDir('duckdb-db');
    const db = join(dir, 'kb.db');
    expect((await cvalue('import', MINI, '--db', db)).code).toBe(0);
    const r = await cvalue('run', '--engine', 'duckdb', '--db', db, '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', join(dir, 'out'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const file of ['customers.csv', 'customer_months.csv', 'reconciliation.csv', 'summary.json', 'warnings.json']) {
      expect(compare(join(dir, 'out', file), join(MINI, 'expected', file)), file).toEqual([]);
    }
  });
});
