/**
 * The bad-input corpus of BAD-INPUTS.md (test/fixtures/bad-inputs, made by
 * scripts/make-bad-inputs.ts): every fixture gives exactly the outcome its manifest entry
 * states — the ok flag, the set of errors and of warnings with their sheet, row and column —
 * and no exception. Cell-level messages always name sheet, row and column. Hangs are left to
 * vitest's timeout.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputFiles, type ReadInputsResult, type ReportProblem } from '../../core/io/read-inputs.js';
import { formatProblem } from '../../core/io/validation-report.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { monthKey } from '../../core/model/month.js';
import type { ExpectedFact, ExpectedProblem, Manifest, ManifestEntry } from '../../scripts/bad-inputs/manifest.js';
import { MANIFEST_NAME, writeBadInputs } from '../../scripts/bad-inputs/write.js';
import { REPO_ROOT, tempDir } from '../support/paths.js';
import { plainInput } from '../support/plain-input.js';
import { numberAt } from '../../core/model/number-column.js';

const DIR = join(REPO_ROOT, 'test/fixtures/bad-inputs');
const manifest = JSON.parse(readFileSync(join(DIR, MANIFEST_NAME), 'utf8')) as Manifest;

/** Problems about one cell: they must name the sheet, the row and the column. */
const CELL_LEVEL = new Set([
  'xlsx.error_value',
  'xlsx.formula_no_value',
  'xlsx.bad_cell_value',
  'xlsx.bad_shared_string',
  'xlsx.date_out_of_range',
  'xlsx.phantom_leap_day',
  'xlsx.external_formula',
  'xlsx.merged_rows',
  'row.duplicate_key',
  'row.extra_cells',
]);
const isCellLevel = (code: string): boolean => code.startsWith('cell.') || CELL_LEVEL.has(code);
/** formatProblem's location for a cell: `file [sheet], row N, column M`. */
const CELL_LOCATION = /^.+ \[[^\]]+\], row \d+, column \d+( "[^"]*")?: /;

/** A problem as the manifest states it, as a comparable string. */
function key(p: ExpectedProblem): string {
  return JSON.stringify([p.code, p.sheet ?? null, p.row ?? null, p.columnNumber ?? null]);
}

function keys(problems: readonly ExpectedProblem[]): string[] {
  return [...new Set(problems.map(key))].sort();
}

function problemsOf(result: ReadInputsResult, severity: ReportProblem['severity']): ReportProblem[] {
  return result.report.problems.filter((p) => p.severity === severity);
}

/** The input's fact rows in the table's order, with only the fields the expectation names. */
function factsOf(input: ModelInput, expected: readonly ExpectedFact[]): ExpectedFact[] {
  const { facts } = input;
  const rows: ExpectedFact[] = [];
  for (let m = 0; m < facts.months.length; m++) {
    for (let r = facts.monthStart[m] as number; r < (facts.monthStart[m + 1] ?? facts.customer.length); r++) {
      const want = expected[rows.length];
      const row: Record<string, unknown> = { id: facts.customerIds.at(facts.customer[r] as number), month: monthKey(facts.months[m] as number) };
      if (want?.billed_revenue !== undefined) row.billed_revenue = numberAt(facts.numbers.billed_revenue, r);
      if (want?.branch !== undefined) row.branch = facts.dictionaries.branch[facts.categories.branch[r] as number];
      if (want?.join !== undefined) row.join = facts.joinMonth[r] === -1 ? null : monthKey(facts.joinMonth[r] as number);
      rows.push(row as unknown as ExpectedFact);
    }
  }
  return rows;
}


/** Object.prototype as it is now: its own keys and their values. */
function prototypeSnapshot(): [string | symbol, unknown][] {
  return Reflect.ownKeys(Object.prototype).map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)?.value ?? Object.getOwnPropertyDescriptor(Object.prototype, k)?.get]);
}

async function read(entry: ManifestEntry): Promise<{ result: ReadInputsResult; paths: string[] }> {
  const paths = [entry.file, ...(entry.alsoRead ?? [])].map((f) => join(DIR, f));
  return { result: await readInputFiles(paths, entry.options ?? {}), paths };
}

async function inputOf(file: string): Promise<ModelInput> {
  const result = await readInputFiles([join(DIR, file)]);
  if (!result.ok) throw new Error(`${file} does not import: ${result.report.problems.map((p) => p.code).join(', ')}`);
  return result.input;
}

describe('bad-input corpus: the files', () => {
  it('are what scripts/make-bad-inputs.ts makes, byte for byte', () => {
    const fresh = tempDir('bad-inputs');
    const made = writeBadInputs(fresh).sort();
    expect(readdirSync(DIR).sort()).toEqual(made);
    for (const name of made) {
      expect(readFileSync(join(DIR, name)).equals(readFileSync(join(fresh, name))), `${name} differs from a fresh run of the script`).toBe(true);
    }
  });

  it('cover at least 30 cases, each file small', () => {
    expect(manifest.fixtures.length).toBeGreaterThanOrEqual(30);
    expect(new Set(manifest.fixtures.map((f) => f.file)).size).toBe(manifest.fixtures.length);
    for (const name of readdirSync(DIR)) expect(readFileSync(join(DIR, name)).length, name).toBeLessThanOrEqual(200 * 1024);
  });
});

describe('bad-input corpus: each file gives its exact outcome', () => {
  let prototypeBefore: [string | symbol, unknown][] = [];
  beforeAll(() => {
    prototypeBefore = prototypeSnapshot();
  });

  for (const entry of manifest.fixtures) {
    const { expected } = entry;
    const title = `#${entry.case} ${entry.file}: ${expected.ok ? 'accepted' : 'refused'}${entry.bug === undefined ? '' : ` (known bug: ${entry.bug})`}`;
    (entry.bug === undefined ? it : it.fails)(title, async () => {
      const { result, paths } = await read(entry);
      const errors = problemsOf(result, 'error');
      const warnings = problemsOf(result, 'warning');

      expect(keys(errors), 'errors').toEqual(keys(expected.errors));
      expect(keys(warnings), 'warnings').toEqual(keys(expected.warnings));
      expect(result.ok).toBe(expected.ok);
      if (expected.errorCount !== undefined) expect(result.report.errorCount).toBe(expected.errorCount);

      for (const p of result.report.problems) {
        // Whole-input problems (no usage sheet at all) belong to no file; all others name theirs.
        if (!p.code.startsWith('input.')) expect(paths, `${p.code} names its file`).toContain(p.file);
        if (isCellLevel(p.code)) {
          expect([p.sheet, p.row, p.columnNumber].every((v) => v !== undefined), `${p.code} names sheet, row and column`).toBe(true);
          expect(formatProblem(p, 'en')).toMatch(CELL_LOCATION);
          expect(formatProblem(p, 'zh')).toMatch(/\[[^\]]+\] 第\d+行 第\d+列/);
        }
      }

      if (result.ok) {
        if (expected.facts !== undefined) expect(factsOf(result.input, expected.facts)).toEqual(expected.facts);
        if (expected.pools !== undefined) {
          expect(result.input.pools.map((p) => ({ pool: p.pool, month: monthKey(p.month), amountFen: p.amountFen }))).toEqual(expected.pools);
        }
        if (expected.sameInputAs !== undefined) expect(plainInput(result.input)).toEqual(plainInput(await inputOf(expected.sameInputAs)));
      }

      // #22 and every other case: no header or value reached Object.prototype.
      expect(prototypeSnapshot()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // #10: nothing is ever extracted, so no entry name can reach the disk.
      expect(existsSync(resolve(DIR, '../../evil.xml'))).toBe(false);
      expect(existsSync('/tmp/cvs-bad-inputs-evil.xml')).toBe(false);
    });
  }
});
