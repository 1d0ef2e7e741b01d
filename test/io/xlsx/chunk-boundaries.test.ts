/**
 * Parts arrive in inflate-sized chunks that split tags, references, entities and characters
 * anywhere; the sheet must read the same however it is cut.
 */
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../core/io/raw-table.js';
import { WorksheetScanner } from '../../../core/io/xlsx/worksheet-scanner.js';
import { DEFAULT_XLSX_LIMITS } from '../../../core/io/xlsx/xlsx-limits.js';
import { worksheetXml } from './support/workbook-builder.js';

const SHEET = worksheetXml(
  '<row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>46266</v></c><c r="C1"><v>-1234.5678</v></c>' +
    '<c r="D1" t="inlineStr"><is><r><rPr><b/></rPr><t>中文&amp;</t></r><r><t><![CDATA[<x>]]></t></r><rPh><t>no</t></rPh></is></c>' +
    '<c r="E1" t="str"><f>A1&amp;"&#x4E2D;"</f><v>a&#x4E2D;&lt;b</v></c></row><!-- a comment -->' +
    '<row r="3"><c r="A3" t="e"><v>#N/A</v></c><c r="C3" t="b"><v>1</v></c><c r="D3"><f t="shared" si="0"/></c><c r="E3"><v>1.5E+3</v></c></row>' +
    '<row r="4" hidden="1"><c r="B4" s="1"/><c r="C4"><v>0.30000000000000004</v></c></row>',
);

type Event = [string, unknown];

function scan(chunks: readonly string[]): Event[] {
  const events: Event[] = [];
  const scanner = new WorksheetScanner(
    { strings: ['共享'], styleKinds: Uint8Array.from([0, 1]), date1904: false, limits: DEFAULT_XLSX_LIMITS },
    (cells: readonly RawCell[], row: number) => events.push(['row', [row, [...cells]]]),
    (severity, problem, at) => events.push([severity, [problem.code, at]]),
  );
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return events;
}

describe('chunk boundaries', () => {
  const whole = scan([SHEET]);

  it('reads the sheet in one piece', () => {
    expect(whole).toEqual([
      ['row', [1, ['共享', new Date(Date.UTC(2026, 8, 1)), -1234.5678, '中文&<x>', 'a中<b']]],
      ['error', ['xlsx.error_value', { row: 3, column: 'A', columnNumber: 1, value: '#N/A' }]],
      ['error', ['xlsx.formula_no_value', { row: 3, column: 'D', columnNumber: 4 }]],
      ['row', [2, []]],
      ['row', [3, [null, null, true, null, 1500]]],
      ['row', [4, [null, null, 0.30000000000000004]]],
      ['warning', ['xlsx.hidden_rows', { row: 4 }]],
    ]);
  });

  it('reads the same when cut in two at every position', () => {
    for (let at = 1; at < SHEET.length; at++) {
      expect(scan([SHEET.slice(0, at), SHEET.slice(at)]), `cut at ${at}`).toEqual(whole);
    }
  });

  it('reads the same in chunks of 1 to 7 characters', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks = Array.from({ length: Math.ceil(SHEET.length / size) }, (_, i) => SHEET.slice(i * size, (i + 1) * size));
      expect(scan(chunks), `chunks of ${size}`).toEqual(whole);
    }
  });
});
