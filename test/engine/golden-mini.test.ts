/** The worked example of shared/examples/mini: every expected file, through the CLI's own path. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main.js';
import { compareCsv, compareJson } from '../support/compare-outputs.js';
import { MINI, tempDir } from '../support/paths.js';

const expectedDir = join(MINI, 'expected');
const expectedFiles = readdirSync(expectedDir).sort();
const outDir = tempDir('golden');

describe('worked example (shared/examples/mini)', () => {
  beforeAll(async () => {
    const files = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
    const errors: string[] = [];
    const code = await main(['run', '--data', files.join(','), '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', outDir], () => {}, (l) => errors.push(l));
    expect(errors).toEqual([]);
    expect(code).toBe(0);
  });

  it('has expected files to compare', () => {
    expect(expectedFiles.length).toBeGreaterThanOrEqual(15);
  });

  it.each(expectedFiles)('%s matches', (file) => {
    const compare = file.endsWith('.json') ? compareJson : compareCsv;
    expect(compare(join(outDir, file), join(expectedDir, file))).toEqual([]);
  });
});
