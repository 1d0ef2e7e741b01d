/** `cvalue sql`: writes the script for a dialect, refuses bad flags. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main.js';
import { MINI, tempDir } from '../support/paths.js';

async function cvalue(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('cvalue sql', () => {
  it('writes the Spark script with the scenario\'s month to --out', async () => {
    const file = join(tempDir('sql'), 'model.sql');
    const { code, err } = await cvalue(['sql', '--dialect', 'spark', '--scenario', join(MINI, 'scenario_mini.json'), '--out', file]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const script = readFileSync(file, 'utf8');
    expect(script).toContain('CREATE TABLE cv_customers USING parquet AS');
    // 2026-03 as a month number: 2026·12 + 3 − 1.
    expect(script).toContain(`SELECT ${2026 * 12 + 2} AS eval_m`);
  });

  it('prints the DuckDB script without --out, reading qualified input tables with --input-prefix', async () => {
    const { code, out } = await cvalue(['sql', '--dialect', 'duckdb', '--month', '2026-09', '--input-prefix', 'dw.']);
    expect(code).toBe(0);
    const script = out.join('\n');
    expect(script).toContain('CREATE OR REPLACE TEMPORARY TABLE cv_facts AS');
    expect(script).toContain('FROM dw.usage u');
    expect(script).toContain('FROM dw.cost_pools');
  });

  it('without a month, evaluates the latest month of the data', async () => {
    const { out } = await cvalue(['sql', '--dialect', 'duckdb']);
    expect(out.join('\n')).toContain('SELECT MAX(m) AS eval_m FROM cv_facts');
  });

  it.each([
    [['sql'], 2],
    [['sql', '--dialect', 'oracle'], 2],
    [['sql', '--dialect', 'spark', '--input-prefix', 'x; DROP'], 2],
    [['sql', '--dialect', 'spark', '--scenario', join(MINI, 'missing.json')], 1],
  ])('%j exits %i', async (args, exit) => {
    const { code, err } = await cvalue(args);
    expect(code).toBe(exit);
    expect(err.join('\n')).not.toBe('');
  });
});
