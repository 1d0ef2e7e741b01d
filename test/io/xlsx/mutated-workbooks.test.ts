/**
 * A small fuzz run: mutated parts and flipped bytes must end in a report, never in an
 * exception or a hang (the release fuzzing of BAD-INPUTS target 9 runs the same idea longer).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsxFile } from '../../../core/io/xlsx/read-xlsx-file.js';
import { tempDir } from '../../support/paths.js';
import { row, workbookParts } from './support/workbook-builder.js';
import { buildZip } from './support/zip-writer.js';

const RUNS = 300;
const PIECES = ['<', '>', '/', '"', '&', ';', '<c r="A1">', '</c>', '<row>', '</row>', '<v>', '</v>', '<![CDATA[', ']]>', '<!--', '<!DOCTYPE', 'r="XFE1"', 't="s"', 's="9999"', '&#x0;', '<is>', '<t>', 'x:'];
const DATA =
  row(1, ['customer_id', 'month', 'amount']) +
  '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>46266</v></c><c r="C2"><f>1+1</f><v>2</v></c><c r="D2" t="inlineStr"><is><r><t>a&amp;b</t></r></is></c></row>';

describe('mutated workbooks', () => {
  it(`report problems for ${RUNS} mutations without throwing or hanging`, async () => {
    const base = workbookParts({ sheets: [{ name: 'S', data: DATA }], sharedStrings: ['x'] });
    const path = join(tempDir('xlsx-fuzz'), 'fuzz.xlsx');
    let seed = 20_261_122;
    const random = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    const mutate = (text: string): string => {
      let t = text;
      for (let k = 1 + random(4); k > 0; k--) {
        const at = random(t.length + 1);
        const op = random(3);
        if (op === 0) t = t.slice(0, at) + (PIECES[random(PIECES.length)] as string) + t.slice(at);
        else if (op === 1) t = t.slice(0, at) + t.slice(at + 1 + random(20));
        else t = t.slice(0, at) + t.slice(random(t.length));
      }
      return t;
    };
    for (let i = 0; i < RUNS; i++) {
      const target = random(base.length);
      const bytes = buildZip(base.map((p, j) => (j === target ? { ...p, data: mutate(String(p.data)) } : p)));
      if (random(10) === 0) for (let f = 0; f < 3; f++) bytes[random(bytes.length)] = random(256);
      writeFileSync(path, bytes);
      // Must settle (a hang shows as vitest's timeout) and never throw.
      await expect(readXlsxFile(path, { openSheet: () => () => {}, closeSheet: () => {}, problem: () => {} })).resolves.toBeUndefined();
    }
  });
});
