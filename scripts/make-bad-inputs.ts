/**
 * Writes the bad-input corpus of BAD-INPUTS.md into test/fixtures/bad-inputs (or the folder
 * given): small hostile and awkward workbooks plus manifest.json with each one's expected
 * outcome. Deterministic: running it again gives the same bytes (test/io/bad-inputs.test.ts
 * checks the committed files against a fresh run).
 *
 *   npx tsx scripts/make-bad-inputs.ts [folder]
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBadInputs } from './bad-inputs/write.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'test/fixtures/bad-inputs'));
const names = writeBadInputs(dir);
const bytes = names.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
console.log(`${names.length - 2} fixture files, manifest.json and .gitattributes, ${Math.round(bytes / 1024)} KiB, in ${dir}`);
