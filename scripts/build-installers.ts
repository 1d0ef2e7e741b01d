/**
 * `npm run dist:win` / `npm run dist:linux`: builds dist/ (build-electron.ts), then the
 * installers with electron-builder (electron-builder.yml) into out/installers/.
 *
 * electron-builder rebuilds better-sqlite3 for Electron and the target platform inside the
 * project's node_modules; afterwards the CLI, the tests and the web shell (plain Node) could no
 * longer load it, so it is rebuilt for Node again whatever happened.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildElectron, PROJECT_ROOT } from './build-electron.js';

const TARGETS = { win: '--win', linux: '--linux' } as const;
type Target = keyof typeof TARGETS;

function isTarget(value: string | undefined): value is Target {
  return value !== undefined && Object.hasOwn(TARGETS, value);
}

function runNode(script: string, args: readonly string[]): number {
  return spawnSync(process.execPath, [path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, stdio: 'inherit' }).status ?? 1;
}

function restoreNodeBuild(): number {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: PROJECT_ROOT, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
}

async function buildInstallers(target: Target): Promise<number> {
  await buildElectron();
  try {
    return runNode('node_modules/electron-builder/cli.js', [TARGETS[target], '--config', 'electron-builder.yml', '--publish', 'never']);
  } finally {
    if (restoreNodeBuild() !== 0) console.error('better-sqlite3 未能为 Node 重新编译，请运行 npm rebuild better-sqlite3 / Could not rebuild better-sqlite3 for Node: run npm rebuild better-sqlite3');
  }
}

const target = process.argv[2];
if (!isTarget(target)) {
  console.error('用法 / usage: tsx scripts/build-installers.ts win|linux');
  process.exitCode = 2;
} else {
  buildInstallers(target).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
