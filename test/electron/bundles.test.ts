/**
 * The bundles `npm run build:electron` makes, built here into test-output/: the preload runs
 * with nothing but require('electron') (as in a sandboxed renderer) and exposes exactly the
 * window API; main and the worker import only what a packaged app has; the worker bundle
 * answers a call under Node, as it will in Electron's worker thread.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../core/service/contract.js';
import { createServiceHost } from '../../core/service/service-host.js';
import { BUNDLES } from '../../scripts/build-electron.js';
import { REPO_ROOT, tempDir } from '../support/paths.js';

// Inside the repository, so the bundles find node_modules as they do in dist/.
const OUT = join(REPO_ROOT, 'test-output', `electron-bundles-${process.pid}`);
const bundle = (name: string): string => readFileSync(join(OUT, name), 'utf8');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  for (const options of BUNDLES) await build({ ...options, outfile: join(OUT, basename(options.outfile ?? '')), sourcemap: false, logLevel: 'error' });
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** Every member of the window API, checked against the interface by the compiler. */
const BRIDGE_MEMBERS = Object.keys({
  invoke: true,
  on: true,
  pickInputFiles: true,
  pickResultsFolder: true,
  pathForFile: true,
  pickSaveTarget: true,
  writeScenarioFile: true,
  showInFolder: true,
} satisfies Record<keyof DesktopBridge, true>).sort();

describe('the preload bundle', () => {
  it('requires nothing but electron', () => {
    const required = [...bundle('preload.cjs').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly the window API as window.cvs, in a context that has only require', () => {
    const exposed: { name: string; api: Record<string, unknown> }[] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.push({ name, api }) },
      ipcRenderer: { invoke: () => Promise.resolve(null), on: () => undefined, removeListener: () => undefined },
      webUtils: { getPathForFile: () => '' },
    };
    const require = (id: string): unknown => {
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return fakeElectron;
    };
    runInNewContext(bundle('preload.cjs'), { require });
    expect(exposed.map((e) => e.name)).toEqual(['cvs']);
    expect(Object.keys(exposed[0]?.api ?? {}).sort()).toEqual(BRIDGE_MEMBERS);
    expect(Object.values(exposed[0]?.api ?? {}).every((member) => typeof member === 'function')).toBe(true);
  });
});

describe('the main and worker bundles', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  const imports = (file: string): string[] => [...bundle(file).matchAll(/^import\s[^'"]*?["']([^"']+)["'];?$/gm)].map((m) => m[1] ?? '');
  const builtins = new Set(builtinModules);

  it.each([
    ['main.js', ['electron']],
    ['service-worker.js', []],
  ])('%s imports only Node, its own extras and production dependencies (what a packaged app has)', (file, extras) => {
    const found = imports(file);
    expect(found.length).toBeGreaterThan(0);
    for (const specifier of found) {
      const allowed = specifier.startsWith('node:') || builtins.has(specifier) || extras.includes(specifier) || Object.hasOwn(manifest.dependencies, packageOf(specifier));
      expect(allowed, specifier).toBe(true);
    }
    expect(found.some((s) => s.startsWith('.'))).toBe(false);
  });

  it('the worker bundle runs the service in a worker thread', async () => {
    const dir = tempDir('worker-bundle');
    const host = createServiceHost({ databasePath: join(dir, 'knowledge.db'), shell: 'electron', workerUrl: pathToFileURL(join(OUT, 'service-worker.js')) });
    try {
      const answer = await host.call('app:info', {}, () => undefined);
      expect(answer).toMatchObject({ ok: true, value: { shell: 'electron', database: join(dir, 'knowledge.db'), dataLoaded: false } });
    } finally {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
