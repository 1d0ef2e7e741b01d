/**
 * `npm start`: the desktop app when the Electron runtime is installed (or can be fetched now);
 * otherwise one line says so and the same screens open in the browser through the web shell
 * (`cvalue serve --open`), so the analyst's job always runs.
 *
 * Electron's binary is downloaded by its package's install script, which this project does not
 * run (package.json allowScripts). `require('electron')` returns the binary's path and, when
 * the binary is missing, tries that download itself: it throws when it cannot.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildElectron, buildRenderer, OUTPUT_FILES, PROJECT_ROOT, SOURCE_DIRS } from './build-electron.js';
import { ensureElectronNative, installedElectronVersion } from './build-electron-native.js';

export type ElectronRuntime = { readonly available: true; readonly binary: string } | { readonly available: false };

/**
 * `resolveBinary` is `require('electron')` (it returns the path or throws); `exists` checks the
 * path, because an interrupted download leaves path.txt naming a file that is not there.
 */
export function detectElectron(resolveBinary: () => string, exists: (file: string) => boolean): ElectronRuntime {
  let binary: string;
  try {
    binary = resolveBinary();
  } catch {
    return { available: false };
  }
  return binary.trim() !== '' && exists(binary) ? { available: true, binary } : { available: false };
}

/**
 * require('electron') in a child process: its download attempt prints a stack trace when it
 * fails, and the user should see one line from us instead.
 */
export function requireElectronInChild(): string {
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A download of ~100 MB on a slow line; a network that refuses fails within seconds.
    timeout: 10 * 60_000,
  });
  if (result.status !== 0) throw new Error('require("electron") failed');
  return result.stdout;
}

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** True when every output exists and is newer than every source. */
export function isBuildCurrent(outputs: readonly string[], sources: readonly string[]): boolean {
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return sources.every((source) => newestChange(source) <= oldestOutput);
}

async function startElectron(binary: string): Promise<number> {
  if (!isBuildCurrent(OUTPUT_FILES, SOURCE_DIRS)) await buildElectron();
  await ensureElectronNative(installedElectronVersion());
  const env = { ...process.env };
  // Set in some shells for tools; it would make the binary run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: PROJECT_ROOT, stdio: 'inherit', env });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

const RENDERER_OUTPUT = path.join(PROJECT_ROOT, 'renderer/dist/index.html');
const RENDERER_SOURCES = ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'core/model', 'core/charts'].map((p) => path.join(PROJECT_ROOT, p));

async function startWebShell(): Promise<number> {
  console.log('未安装 Electron 运行时且无法下载，改为在浏览器中打开 / The Electron runtime is not installed and cannot be fetched: opening the web shell in the browser instead.');
  if (!isBuildCurrent([RENDERER_OUTPUT], RENDERER_SOURCES)) await buildRenderer();
  const { main } = await import('../core/cli/main.js');
  return main(['serve', '--open'], (line) => console.log(line), (line) => console.error(line));
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isEntryPoint) {
  const runtime = detectElectron(requireElectronInChild, existsSync);
  (runtime.available ? startElectron(runtime.binary) : startWebShell()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
