/** Writes the bad-input corpus and its manifest into a folder (emptied first). */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { badInputFixtures } from './cases.js';
import type { Manifest } from './manifest.js';

export const MANIFEST_NAME = 'manifest.json';

const ABOUT =
  'Made by scripts/make-bad-inputs.ts (npx tsx scripts/make-bad-inputs.ts); do not edit. One entry per BAD-INPUTS.md case ' +
  'variant; expected.errors and expected.warnings are the exact sets of {code, sheet, row, columnNumber} readInputFiles reports.';

/** The manifest and every file's bytes, in a fixed order. */
export function badInputCorpus(): { manifest: Manifest; files: Map<string, Buffer> } {
  const fixtures = badInputFixtures();
  const files = new Map<string, Buffer>();
  for (const fixture of fixtures) {
    for (const file of fixture.files) {
      const earlier = files.get(file.name);
      if (earlier !== undefined && !earlier.equals(file.bytes)) throw new Error(`two fixtures named ${file.name}`);
      files.set(file.name, file.bytes);
    }
  }
  const manifest: Manifest = { about: ABOUT, fixtures: fixtures.map((f) => f.entry) };
  files.set(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  // Byte-exact files: no end-of-line conversion on checkout (csv-renamed.xlsx holds CRLF).
  files.set('.gitattributes', Buffer.from('* binary\n', 'utf8'));
  return { manifest, files };
}

/** What an earlier run may have left: only such files are removed from the target folder. */
const CORPUS_FILE = /^(?:.+\.(?:xlsx|xlsm|xls)|manifest\.json|\.gitattributes)$/;

/** Removes the corpus files of an earlier run from `dir` and writes the corpus; returns the names written. */
export function writeBadInputs(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && CORPUS_FILE.test(entry.name)) rmSync(join(dir, entry.name));
  }
  const { files } = badInputCorpus();
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  return [...files.keys()];
}
