/**
 * `cvalue serve` as the analyst starts it, in a child process of its own process group, so
 * teardown can kill tsx, node and anything they spawned with one signal if it will not stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/paths.js';

export interface WebShellProcess {
  /** The printed link, token included. */
  readonly url: string;
  /** What the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#token=[^\s]+/;
const START_TIMEOUT_MS = 60_000;
/** serve's shutdown waits up to 10 s for the service worker to finish its calls. */
const STOP_GRACE_MS = 15_000;

export async function startWebShell(db: string): Promise<WebShellProcess> {
  // tsx straight from node_modules: npx would add an npm process (and its warnings) in between.
  // No --port: serve then takes a free one (it refuses an explicit 0).
  const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['core/cli/main.ts', 'serve', '--db', db], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // detached: the group outlives this process; if the test worker exits without teardown, take it along.
  const pid = child.pid;
  const orphanGuard = () => {
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  };
  process.once('exit', orphanGuard);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const stop = () => stopGroup(child).finally(() => process.off('exit', orphanGuard));
  try {
    const [url] = await waitFor(() => URL_LINE.exec(output), child, () => output);
    return { url, output: () => output, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function waitFor<T>(probe: () => T | null, child: ChildProcess, output: () => string): Promise<T> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const found = probe();
    if (found !== null) return found;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`cvalue serve exited (${child.exitCode ?? child.signalCode}) before printing its URL:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`cvalue serve printed no URL within ${START_TIMEOUT_MS} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * SIGTERM to tsx alone, which passes it on to node; SIGKILL to the whole group if it is still
 * there after the grace period. A SIGTERM to the group would reach node twice when tsx's relay
 * comes before node has answered it, and serve takes a second signal as "stop now", leaving its
 * launch folder behind (seen in this test's runs).
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') {
    // Its launch folder in the temp directory is left behind; say so rather than hide it.
    console.warn(`cvalue serve (pid ${pid}) did not stop within ${STOP_GRACE_MS} ms of SIGTERM; killed`);
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    // ESRCH: the group is already gone, which is what we wanted.
    if (!(e instanceof Error && 'code' in e && e.code === 'ESRCH')) throw e;
  }
}
