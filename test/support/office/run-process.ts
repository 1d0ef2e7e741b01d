/**
 * Runs an external program (LibreOffice, Python) for the office test helpers: output collected,
 * a hard timeout that kills the program's whole process group (soffice is a wrapper script that
 * starts soffice.bin, which killing the wrapper alone would leave running), and failures reported
 * with the command line, the exit status and the program's stderr.
 */
import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Killed (with its process group) after this many milliseconds. */
  readonly timeoutMs: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export class ProcessError extends Error {
  constructor(
    message: string,
    readonly result: RunResult | null,
  ) {
    super(message);
    this.name = 'ProcessError';
  }
}

/** A shell-like rendering of a command line, for messages. */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** The tail of a program's output, for an error message. */
export function tail(text: string, max = 4000): string {
  const trimmed = text.trim();
  if (trimmed === '') return '(empty)';
  return trimmed.length <= max ? trimmed : `…${trimmed.slice(-max)}`;
}

/** Runs the program to its end; resolves whatever its exit status, rejects on timeout or spawn failure. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new ProcessError(`could not start ${commandLine(command, args)}: ${error.message}`, null));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = { code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started };
      if (timedOut) {
        reject(new ProcessError(`timed out after ${options.timeoutMs / 1000} s: ${commandLine(command, args)}\nstderr: ${tail(result.stderr)}\nstdout: ${tail(result.stdout)}`, result));
        return;
      }
      resolve(result);
    });
  });
}

/** Runs the program and rejects unless it exits with status 0. */
export async function runChecked(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await runProcess(command, args, options);
  if (result.code !== 0) {
    const status = result.signal === null ? `exit status ${String(result.code)}` : `signal ${result.signal}`;
    throw new ProcessError(`${commandLine(command, args)} failed (${status}) after ${result.ms} ms\nstderr: ${tail(result.stderr)}\nstdout: ${tail(result.stdout, 1000)}`, result);
  }
  return result;
}
