/**
 * `npm run build:electron`: the desktop app's files under dist/, which electron-builder packs.
 * - dist/electron/main.js: the main process (ES module),
 * - dist/electron/preload.cjs: the preload, one CommonJS file (a sandboxed preload can require
 *   only 'electron' and cannot load ES modules),
 * - dist/electron/service-worker.js: the service's worker thread (ES module; it keeps
 *   svg-to-png's top-level await),
 * - dist/renderer/: the screens, built by `npm run build:renderer` (vite) and copied here.
 * esbuild bundles our TypeScript only: packages stay imports, loaded from node_modules, which
 * electron-builder ships (and rebuilds better-sqlite3 in for Electron).
 */
import { spawnSync } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const at = (relative: string): string => path.join(PROJECT_ROOT, relative);

/** Electron 45 runs Node 22 in the main process and its workers, Chromium 140 in the page. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

export const ELECTRON_OUT_DIR = at('dist/electron');
export const RENDERER_OUT_DIR = at('dist/renderer');
const RENDERER_BUILD_DIR = at('renderer/dist');

const nodeBundle = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [at(entry)],
  outfile: at(outfile),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

export const BUNDLES: readonly BuildOptions[] = [
  nodeBundle('electron/main/main.ts', 'dist/electron/main.js'),
  nodeBundle('core/service/service-worker.ts', 'dist/electron/service-worker.js'),
  {
    entryPoints: [at('electron/preload/preload.ts')],
    outfile: at('dist/electron/preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: CHROME_TARGET,
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
  },
];

/** Sources whose change makes the bundles stale (start.ts rebuilds only then). */
export const SOURCE_DIRS: readonly string[] = ['electron', 'core', 'renderer/src', 'renderer/index.html', 'renderer/vite.config.ts'].map(at);
export const OUTPUT_FILES: readonly string[] = ['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/service-worker.js', 'dist/renderer/index.html'].map(at);

export async function bundleElectron(): Promise<void> {
  await rm(ELECTRON_OUT_DIR, { recursive: true, force: true });
  for (const options of BUNDLES) await build(options);
}

/** vite builds renderer/dist (the web shell serves it from there); the desktop app takes a copy. */
export async function buildRenderer(): Promise<void> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:renderer'], { cwd: PROJECT_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`npm run build:renderer failed (exit ${result.status ?? result.signal ?? 'unknown'})`);
  await rm(RENDERER_OUT_DIR, { recursive: true, force: true });
  await cp(RENDERER_BUILD_DIR, RENDERER_OUT_DIR, { recursive: true });
}

export async function buildElectron(): Promise<void> {
  await bundleElectron();
  await buildRenderer();
}

const isEntryPoint = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isEntryPoint) {
  buildElectron().then(
    () => console.log(`dist/electron/ 与 dist/renderer/ 已生成 / built dist/electron/ and dist/renderer/`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
