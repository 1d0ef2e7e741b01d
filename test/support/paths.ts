import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared folder beside the repository (never copied into it). */
export const SHARED = resolve(REPO_ROOT, '../shared');
export const MINI = join(SHARED, 'examples/mini');

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cvs-${prefix}-`));
}
