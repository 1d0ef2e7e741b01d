/**
 * The web shell serves renderer/dist, so the screens under test must be built from the sources
 * under test: rebuild when the build is missing or older than any file it is made from. The e2e
 * files run in parallel workers, and two Vite builds into one dist folder would spoil each other,
 * so a build holds a lock folder; whoever waited for it looks again and usually finds it fresh.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../support/paths.js';

const BUILT = join(REPO_ROOT, 'renderer/dist/index.html');
/** The renderer imports core/model, core/charts and the service contract; any of them changes the bundle. */
const SOURCES = ['renderer/src', 'renderer/public', 'renderer/index.html', 'renderer/vite.config.ts', 'core/model', 'core/charts', 'core/engine', 'core/service/contract.ts'];
const BUILD_TIMEOUT_MS = 300_000;
/** One lock per checkout; a lock older than a build can take was left by a killed run. */
const LOCK = join(tmpdir(), `cvs-renderer-build-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}.lock`);
const LOCK_POLL_MS = 250;

export async function ensureRendererBuilt(): Promise<'fresh' | 'built'> {
  if (await isFresh()) return 'fresh';
  await takeLock();
  try {
    return (await isFresh()) ? 'fresh' : await build();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

async function isFresh(): Promise<boolean> {
  const built = await mtime(BUILT);
  const newest = Math.max(...(await Promise.all(SOURCES.map((s) => newestMtime(join(REPO_ROOT, s))))));
  return built !== null && built >= newest;
}

async function takeLock(): Promise<void> {
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
    }
    const since = await mtime(LOCK);
    if (since !== null && Date.now() - since > BUILD_TIMEOUT_MS) await rm(LOCK, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

async function build(): Promise<'built'> {
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
