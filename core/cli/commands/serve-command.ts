/**
 * `cvalue serve`: the web shell — the screens and the service on 127.0.0.1 for this computer's
 * browser, until Ctrl+C (SIGINT) or SIGTERM.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createServiceHost } from '../../service/service-host.js';
import { defaultDatabasePath } from '../../web-shell/default-database.js';
import { openInBrowser } from '../../web-shell/open-browser.js';
import { launchWebShell, type WebShell } from '../../web-shell/web-shell.js';
import { parseFlags } from '../args.js';
import { inputError, usageError } from '../cli-error.js';

export async function serveCommand(args: string[], log: (line: string) => void): Promise<void> {
  const { values } = parseFlags({
    args,
    options: { db: { type: 'string' }, port: { type: 'string' }, open: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const port = portFlag(values.port);
  const databasePath = resolve(values.db ?? defaultDatabasePath());
  await mkdir(dirname(databasePath), { recursive: true });

  const shell = await launch(databasePath, port);
  log(`客户价值评估 Customer Value Studio: ${shell.url}  （Ctrl+C 停止 / to stop）`);
  if (values.open) openInBrowser(shell.url, () => log('无法打开浏览器，请手动打开上面的链接 / Could not open a browser: open the link above'));
  await interrupted();
  await shell.close();
}

async function launch(databasePath: string, port: number): Promise<WebShell> {
  try {
    return await launchWebShell({ port, createHost: ({ downloadsDir }) => createServiceHost({ databasePath, shell: 'web', downloadsDir }) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw inputError(`端口 ${port} 已被占用`, `Port ${port} is already in use`);
    throw e;
  }
}

function portFlag(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  // 0 asks the system for a free port, as leaving the flag out does.
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw usageError(`--port 须为 0–65535 的整数：${value}`, `--port must be a whole number from 0 to 65535: ${value}`);
  return port;
}

/**
 * A signal that arrives this soon after the first is the same stop delivered twice: Ctrl+C
 * signals the whole process group, and tsx relays what it receives to this process as well.
 */
const RELAYED_SIGNAL_MS = 2000;

/**
 * Resolves at the first SIGINT or SIGTERM, handled so the shutdown can finish (and delete the
 * launch's uploads and downloads); a later one, sent on purpose, ends the process at once.
 */
function interrupted(): Promise<void> {
  return new Promise((done) => {
    let first = 0;
    const stop = (): void => {
      if (first === 0) {
        first = Date.now();
        done();
      } else if (Date.now() - first > RELAYED_SIGNAL_MS) {
        process.exit(130);
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
