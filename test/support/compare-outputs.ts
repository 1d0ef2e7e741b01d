/**
 * Compares run files with expected ones the way the worked example asks: money and scores
 * within 1e-6, flags, reasons, tiers, counts and allocated_rounded exactly, and the rows in
 * the same order. Returns the differences as readable lines (empty when they agree).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const EXACT_COLUMNS = new Set([
  'customer_id', 'month', 'group', 'pool', 'campaign', 'eligible', 'reason', 'tenure_months', 'tier', 'negative',
  'customers', 'negative_count', 'customers_in_scope', 'status', 'moved_to_users', 'allocated_rounded', 'in_window',
  'scope', 'moved_drivers', 'participants', 'evaluated', 'excluded', 'start_month', 'negative_before', 'negative_now',
  'months_present', 'tenure_source', 'both_reasons', 'services', 'plan_changes', 'borderline', 'loss_making_plan',
  'settlement_inverted', 'branch', 'channel', 'brand', 'plan', 'segment',
]);
const TOLERANCE = 1e-6;

function numbersClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b));
}

function cellsAgree(column: string, actual: string, expected: string): boolean {
  if (EXACT_COLUMNS.has(column)) return actual === expected;
  if (actual === '' || expected === '') return actual === expected;
  const a = Number(actual);
  const b = Number(expected);
  if (Number.isNaN(a) || Number.isNaN(b)) return actual === expected;
  return numbersClose(a, b);
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

export function compareCsv(actualPath: string, expectedPath: string): string[] {
  const actual = readCsv(actualPath);
  const expected = readCsv(expectedPath);
  const diffs: string[] = [];
  if (actual.length !== expected.length) diffs.push(`${expectedPath}: ${actual.length} rows, expected ${expected.length}`);
  expected.forEach((row, i) => {
    const got = actual[i];
    if (got === undefined) return;
    for (const [column, want] of Object.entries(row)) {
      if (!(column in got)) {
        diffs.push(`${expectedPath} row ${i + 1}: column ${column} missing`);
        continue;
      }
      const have = got[column] as string;
      if (!cellsAgree(column, have, want)) diffs.push(`${expectedPath} row ${i + 1} ${column}: got "${have}", expected "${want}"`);
    }
  });
  return diffs;
}

function compareValues(actual: unknown, expected: unknown, path: string, diffs: string[]): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!numbersClose(actual, expected)) diffs.push(`${path}: got ${actual}, expected ${expected}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      diffs.push(`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      return;
    }
    expected.forEach((e, i) => compareValues(actual[i], e, `${path}[${i}]`, diffs));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      diffs.push(`${path}: got ${JSON.stringify(actual)}, expected an object`);
      return;
    }
    const a = actual as Record<string, unknown>;
    const keysA = Object.keys(a).sort();
    const keysE = Object.keys(expected).sort();
    if (JSON.stringify(keysA) !== JSON.stringify(keysE)) diffs.push(`${path}: keys ${keysA.join(',')}, expected ${keysE.join(',')}`);
    for (const [k, v] of Object.entries(expected)) compareValues(a[k], v, `${path}.${k}`, diffs);
  } else if (actual !== expected) {
    diffs.push(`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

export function compareJson(actualPath: string, expectedPath: string): string[] {
  const diffs: string[] = [];
  compareValues(JSON.parse(readFileSync(actualPath, 'utf8')), JSON.parse(readFileSync(expectedPath, 'utf8')), expectedPath, diffs);
  return diffs;
}
