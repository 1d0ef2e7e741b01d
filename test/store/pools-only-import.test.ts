/** The finance department's cost report can be imported on its own, after the billing exports. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main.js';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import { tempDir } from '../support/paths.js';

async function cvalue(...args: string[]): Promise<number> {
  const errors: string[] = [];
  const code = await main(args, () => {}, (l) => errors.push(l));
  if (code !== 0) throw new Error(`cvalue ${args.join(' ')} exited ${code}: ${errors.join('\n')}`);
  return code;
}

describe('importing cost pools on their own', () => {
  const dir = tempDir('pools-only');
  const db = join(dir, 'kb.db');

  beforeAll(async () => {
    await writeSampleCsv(join(dir, 'all'), { customers: 800, months: 4 });
    mkdirSync(join(dir, 'billing'));
    mkdirSync(join(dir, 'finance'));
    for (const f of ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'campaigns.csv']) copyFileSync(join(dir, 'all', f), join(dir, 'billing', f));
    copyFileSync(join(dir, 'all', 'cost_pools.csv'), join(dir, 'finance', 'cost_pools.csv'));
  });

  it('a knowledge base without usage cannot run, and says so', async () => {
    await cvalue('import', join(dir, 'finance'), '--db', join(dir, 'pools-first.db'));
    const errors: string[] = [];
    expect(await main(['run', '--db', join(dir, 'pools-first.db'), '--out-dir', join(dir, 'none')], () => {}, (l) => errors.push(l))).toBe(1);
    expect(errors.join('\n')).toContain('import');
  });

  it('billing then finance imports give the same results as reading all the files together', async () => {
    await cvalue('import', join(dir, 'billing'), '--db', db);
    await cvalue('import', join(dir, 'finance'), '--db', db);
    await cvalue('run', '--db', db, '--out-dir', join(dir, 'from-db'));
    await cvalue('run', '--data', join(dir, 'all'), '--out-dir', join(dir, 'from-files'));
    for (const file of ['customers.csv', 'customer_months.csv', 'reconciliation.csv', 'aggregates_branch.csv', 'campaigns.csv']) {
      expect(readFileSync(join(dir, 'from-db', file), 'utf8'), file).toBe(readFileSync(join(dir, 'from-files', file), 'utf8'));
    }
  });
});
