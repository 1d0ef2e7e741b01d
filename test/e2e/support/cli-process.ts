/**
 * `cvalue` as an analyst runs it beside the app: `tsx core/cli/main.ts …` in a process of its own
 * (the in-process runner in test/support/cvalue.ts would share this worker's module state).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../support/paths.js';

const CLI_TIMEOUT_MS = 120_000;

export async function runCli(...args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['core/cli/main.ts', ...args], { cwd: REPO_ROOT, timeout: CLI_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const detail = e instanceof Error && 'stderr' in e ? `${String(e.stderr)}\n${'stdout' in e ? String(e.stdout) : ''}` : String(e);
    throw new Error(`cvalue ${args.join(' ')} failed:\n${detail}`);
  }
}
