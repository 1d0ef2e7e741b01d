/**
 * Development runs of Electron (npm start) need better-sqlite3 compiled for Electron's ABI, while
 * the CLI, the tests and the web shell need the project's own build for Node. So the Electron
 * copy lives apart, in dist/node_modules/better-sqlite3: Node's module lookup from the bundles in
 * dist/electron/ finds it before the project's node_modules, and nothing else ever looks there.
 * Its dependencies (bindings, file-uri-to-path) still resolve from the project's node_modules.
 *
 * The binary comes from better-sqlite3's prebuilt downloads for Electron (prebuild-install), or
 * is compiled against Electron's headers (node-gyp) when there is none; either needs the
 * internet once per Electron version. Packaged apps do not use this: electron-builder rebuilds
 * the module for the target platform itself (npmRebuild in electron-builder.yml).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from './build-electron.js';

const SOURCE_DIR = path.join(PROJECT_ROOT, 'node_modules/better-sqlite3');
export const ELECTRON_NATIVE_DIR = path.join(PROJECT_ROOT, 'dist/node_modules/better-sqlite3');
const STAMP_FILE = path.join(ELECTRON_NATIVE_DIR, '.electron-build.json');

function versionOf(packageDir: string): string {
  const manifest: unknown = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  if (typeof version !== 'string') throw new Error(`no version in ${packageDir}/package.json`);
  return version;
}

/** What the staged copy was built for; a different Electron or better-sqlite3 needs a new build. */
function wantedStamp(electronVersion: string): string {
  return JSON.stringify({ electron: electronVersion, betterSqlite3: versionOf(SOURCE_DIR), platform: process.platform, arch: process.arch });
}

function run(script: string, args: readonly string[]): boolean {
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, script), ...args], { cwd: ELECTRON_NATIVE_DIR, stdio: 'inherit' });
  return result.status === 0;
}

/** Makes dist/node_modules/better-sqlite3 an Electron build of the project's better-sqlite3 (a no-op when it is one already). */
export async function ensureElectronNative(electronVersion: string): Promise<void> {
  const stamp = wantedStamp(electronVersion);
  if (existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8') === stamp) return;
  await rm(ELECTRON_NATIVE_DIR, { recursive: true, force: true });
  // Everything but the Node build; node-gyp needs the sources and deps/ if no prebuilt binary exists.
  await cp(SOURCE_DIR, ELECTRON_NATIVE_DIR, { recursive: true, filter: (source) => path.relative(SOURCE_DIR, source).split(path.sep)[0] !== 'build' });
  const target = [`--target=${electronVersion}`, `--arch=${process.arch}`];
  const built =
    run('node_modules/prebuild-install/bin.js', ['--runtime=electron', ...target]) ||
    run('node_modules/node-gyp/bin/node-gyp.js', ['rebuild', '--release', '--runtime=electron', '--dist-url=https://electronjs.org/headers', ...target]);
  if (!built) throw new Error(`better-sqlite3 could not be built for Electron ${electronVersion} (it needs the internet once: prebuilt binaries or Electron's headers)`);
  await writeFile(STAMP_FILE, stamp);
}

/** The installed electron package's version (its binary may still be missing). */
export function installedElectronVersion(): string {
  return versionOf(path.join(PROJECT_ROOT, 'node_modules/electron'));
}
