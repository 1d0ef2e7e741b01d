/** Reads tables back out of an openpyxl dump of the value report, and the worked example's expected CSVs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { columnLetters } from '../../../core/io/xlsx-writer/cell-address.js';
import { MINI } from '../../support/paths.js';
import type { DumpSheet, DumpValue } from '../../support/office/openpyxl-dump.js';

export interface SheetTable {
  readonly header: string[];
  /** Row objects keyed by header text. */
  readonly rows: Record<string, DumpValue>[];
}

/** The table whose header is on `headerRow`, down to the first row without a first cell. */
export function sheetTable(sheet: DumpSheet, headerRow: number): SheetTable {
  const header: string[] = [];
  for (let c = 1; ; c++) {
    const cell = sheet.cells[`${columnLetters(c)}${headerRow}`];
    if (cell === undefined || typeof cell.value !== 'string') break;
    header.push(cell.value);
  }
  const rows: Record<string, DumpValue>[] = [];
  for (let r = headerRow + 1; sheet.cells[`A${r}`] !== undefined; r++) {
    rows.push(Object.fromEntries(header.map((h, i) => [h, sheet.cells[`${columnLetters(i + 1)}${r}`]?.value ?? null])));
  }
  return { header, rows };
}

export function expectedCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(join(MINI, 'expected', name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/**
 * Compares a report cell with an expected CSV cell: numbers within 1e-6, empty with empty,
 * 1/0 flags with the report's 是/否 (or a blank cell for "no" where the report leaves it blank).
 */
export function agrees(actual: DumpValue, expected: string): boolean {
  if (expected === '') return actual === null || actual === '';
  if (expected === '1' && (actual === '是' || actual === 'Yes')) return true;
  if (expected === '0' && (actual === '否' || actual === 'No' || actual === null)) return true;
  const x = Number(expected);
  if (typeof actual === 'number' && Number.isFinite(x)) return Math.abs(actual - x) <= 1e-6;
  return actual === expected;
}

/** The differences between report rows and expected rows, column by column as the mapping says. */
export function tableDifferences(
  actual: readonly Record<string, DumpValue>[],
  expected: readonly Record<string, string>[],
  columns: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  if (actual.length !== expected.length) problems.push(`${actual.length} rows, expected ${expected.length}`);
  expected.forEach((want, i) => {
    const got = actual[i] ?? {};
    for (const [header, csvColumn] of Object.entries(columns)) {
      const a = got[header] ?? null;
      const e = want[csvColumn] ?? '';
      if (!agrees(a, e)) problems.push(`row ${i + 1} ${header}: ${JSON.stringify(a)} ≠ ${csvColumn}=${JSON.stringify(e)}`);
    }
  });
  return problems;
}
