/**
 * `npm run templates`: writes the blank import templates to resources/templates/<kind>.xlsx.
 * The output is byte-for-byte the same on every run, so the committed files change only when
 * the layouts or the notes do (test/resources/templates.test.ts checks that they are current).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_KINDS, SHEET_LAYOUTS } from '../core/sample/sheet-layouts.js';
import { templateBytes } from './templates/template-workbook.js';

const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../resources/templates');

await mkdir(TEMPLATES_DIR, { recursive: true });
for (const kind of INPUT_KINDS) {
  const path = join(TEMPLATES_DIR, SHEET_LAYOUTS[kind].fileName);
  const bytes = await templateBytes(kind);
  await writeFile(path, bytes);
  console.log(`${path} (${bytes.length} bytes)`);
}
