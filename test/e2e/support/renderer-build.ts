/**
 * The web shell serves renderer/dist, so the screens under test must be built from the sources
 * under test: rebuild when the build is missing or older than any file it is made from. There is
 * one e2e test file, so no two builds run at once.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../support/paths.js';

const BUILT = join(REPO_ROOT, 'renderer/dist/index.html');
/** The renderer imports core/model, core/charts and the service contract; any of them changes the bundle. */
const SOURCES = ['renderer/src', 'renderer/public', 'renderer/index.html', 'renderer/vite.config.ts', 'core/model', 'core/charts', 'core/engine', 'core/service/contract.ts'];
const BUILD_TIMEOUT_MS = 300_000;

export async function ensureRendererBuilt(): Promise<'fresh' | 'built'> {
  const built = await mtime(BUILT);
  const newest = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(join(REPO_ROOT, s))))));
  if (built !== null && built >= newest) return 'fresh';
  try {
    await promisify(execFile)('npm', ['run', 'build:renderer'], { cwd: REPO_ROOT, timeout: BUILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (e) {
    const detail = e instanceof Error && 'stderr' in e ? `${String(e.stderr)}\n${'stdout' in e ? String(e.stdout) : ''}` : String(e);
    throw new Error(`npm run build:renderer failed:\n${detail}`);
  }
  if ((await mtime(BUILT)) === null) throw new Error(`npm run build:renderer wrote no ${BUILT}`);
  return 'built';
}

async function mtime(path: string): Promise<number | null> {
  return stat(path).then((s) => s.mtimeMs, () => null);
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (info === null) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e.name))));
  return Math.max(info.mtimeMs, ...times);
}
