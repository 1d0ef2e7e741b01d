/**
 * `cvalue demo` (what `npm start` runs until the desktop shell lands): makes the sample
 * province once under ./workspace, evaluates it with the default scenario and says where
 * the results are, so a new user sees the whole job work on a fresh machine.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags } from '../args.js';
import { runCommand } from './run-command.js';
import { sampleCommand } from './sample-command.js';

export async function demoCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({ args, options: { workspace: { type: 'string' } }, strict: true, allowPositionals: false });
  const workspace = resolve(values.workspace ?? 'workspace');
  const sampleDir = join(workspace, 'sample');
  const resultsDir = join(workspace, 'results');
  if (!existsSync(join(sampleDir, 'usage.csv'))) {
    log('正在生成样例数据（20,000 个用户 × 6 个月）… / Writing the sample province (20,000 customers × 6 months)…');
    await sampleCommand(['--customers', '20000', '--months', '6', '--out-dir', sampleDir], log);
  }
  await runCommand(['--data', sampleDir, '--out-dir', resultsDir], log);
  log('桌面界面随后续版本提供；现在可用 npm run cvalue -- run … 评估自己的数据（见 README）。');
  log('The desktop screens come with a later release; evaluate your own exports with npm run cvalue -- run … (see README).');
}
