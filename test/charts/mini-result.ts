/** The worked example of shared/examples/mini, run once per test file, for the chart tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModel, type ModelResult } from '../../core/engine/run-model.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { parseScenario } from '../../core/model/scenario.js';
import { MINI } from '../support/paths.js';

export async function miniResult(): Promise<ModelResult> {
  const read = await readInputFiles([MINI]);
  if (!read.ok) throw new Error('the worked example must read');
  const parsed = parseScenario(JSON.parse(readFileSync(join(MINI, 'scenario_mini.json'), 'utf8')));
  if (!parsed.ok) throw new Error('the worked example scenario must parse');
  return runModel(read.input, parsed.scenario);
}
