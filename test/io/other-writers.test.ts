/**
 * Workbooks written by other programs import exactly like the CSV files they hold: LibreOffice
 * (soffice --headless --convert-to xlsx, Debian's libreoffice-calc-nogui) and openpyxl
 * (Debian's python3-openpyxl). The worked example's CSV files are the reference.
 * .ci/run installs both tools when they are missing.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputFiles, type ReadInputsResult } from '../../core/io/read-inputs.js';
import { formatProblem } from '../../core/io/validation-report.js';
import type { ModelInput } from '../../core/model/dataset.js';
import { MINI, tempDir } from '../support/paths.js';
import { plainInput } from '../support/plain-input.js';

const run = promisify(execFile);
/** LibreOffice's first start in a fresh profile takes several seconds; a slow CI machine more. */
const TOOL_TIMEOUT_MS = 180_000;
const CSV_NAMES = readdirSync(MINI)
  .filter((n) => n.endsWith('.csv'))
  .sort();

function input(result: ReadInputsResult): ModelInput {
  if (!result.ok) throw new Error(result.report.problems.map((p) => formatProblem(p, 'en')).join('\n'));
  return result.input;
}


function csvHeader(name: string): string[] {
  const [header = []] = parse(readFileSync(join(MINI, name), 'utf8'), { to_line: 1 }) as string[][];
  return header;
}

/** Ids and months are codes, not numbers or dates: 001 must stay 001. */
const isTextColumn = (header: string): boolean => header === 'customer_id' || header.endsWith('month');

/**
 * LibreOffice's CSV import options: comma, double quote, UTF-8 (76), from line 1, then the
 * column formats as column/format pairs — 2 is Text, 1 Standard (numbers and ISO dates detected).
 */
function csvFilter(name: string, forceText: boolean): string {
  const formats = csvHeader(name).map((h, i) => `${i + 1}/${forceText && isTextColumn(h) ? 2 : 1}`);
  return `CSV:44,34,76,1,${formats.join('/')}`;
}

let reference: ModelInput;
const profiles: string[] = [];

beforeAll(async () => {
  reference = input(await readInputFiles([MINI]));
});

afterAll(() => {
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

describe('workbooks written by LibreOffice', () => {
  /** Converts each CSV with its own import options, one soffice run at a time (one profile). */
  async function convert(forceText: boolean, names: readonly string[]): Promise<string[]> {
    const dir = tempDir('lo-convert');
    const profile = tempDir('lo-profile');
    profiles.push(profile);
    const out: string[] = [];
    for (const name of names) {
      copyFileSync(join(MINI, name), join(dir, name));
      const args = ['--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`, `--infilter=${csvFilter(name, forceText)}`, '--convert-to', 'xlsx', '--outdir', join(dir, 'xlsx'), join(dir, name)];
      await run('soffice', args, { timeout: TOOL_TIMEOUT_MS });
      out.push(join(dir, 'xlsx', name.replace(/\.csv$/, '.xlsx')));
    }
    return out;
  }

  it(
    'every CSV converted with ids and months as Text imports to the same input as the CSVs',
    async () => {
      const workbooks = await convert(true, CSV_NAMES);
      const result = await readInputFiles(workbooks);
      expect(result.report.problems).toEqual([]);
      expect(plainInput(input(result))).toEqual(plainInput(reference));
      expect(result.report.files.map((f) => [f.kind, f.rows])).toEqual(
        (await readInputFiles([MINI])).report.files.map((f) => [f.kind, f.rows]),
      );
    },
    TOOL_TIMEOUT_MS * 2,
  );

  it(
    'needs those options: converted with standard columns, 001 arrives as the number 1',
    async () => {
      const [usage = ''] = await convert(false, ['usage.csv']);
      const { facts } = input(await readInputFiles([usage]));
      const ids = Array.from({ length: facts.customerIds.length }, (_, i) => facts.customerIds.at(i));
      expect(ids).toEqual(['1', '2', '3', '4']);
    },
    TOOL_TIMEOUT_MS,
  );
});

/** Writes the worked example as one workbook, one sheet per CSV, with typed cells. */
const OPENPYXL_SCRIPT = String.raw`
import csv, datetime, os, sys
import openpyxl

out, folder = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(folder) if n.endswith('.csv'))
book = openpyxl.Workbook()
book.remove(book.active)
for name in names:
    sheet = book.create_sheet(name[:-4])
    with open(os.path.join(folder, name), encoding='utf-8', newline='') as f:
        rows = list(csv.reader(f))
    header = rows[0]
    sheet.append(header)
    for r, record in enumerate(rows[1:], start=2):
        for c, (column, text) in enumerate(zip(header, record), start=1):
            if text == '':
                continue
            cell = sheet.cell(row=r, column=c)
            if column == 'customer_id' or column.endswith('month'):
                cell.value = text
            elif column == 'join_date':
                cell.value = datetime.date.fromisoformat(text)
                cell.number_format = 'yyyy-mm-dd'
            else:
                try:
                    cell.value = float(text)
                except ValueError:
                    cell.value = text
book.save(out)
`;

/** Debian's python3-openpyxl is installed for /usr/bin/python3, which another python3 on the PATH may hide. */
async function pythonWithOpenpyxl(): Promise<string> {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    try {
      await run(candidate, ['-c', 'import openpyxl'], { timeout: 60_000 });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('no python3 with openpyxl; install python3-openpyxl (see .ci/run)');
}

describe('workbooks written by openpyxl', () => {
  it(
    'one workbook with a sheet per CSV (text ids and months, date cells, float amounts) imports to the same input as the CSVs',
    async () => {
      const python = await pythonWithOpenpyxl();
      const path = join(tempDir('openpyxl'), 'mini.xlsx');
      await run(python, ['-c', OPENPYXL_SCRIPT, path, MINI], { timeout: TOOL_TIMEOUT_MS });
      const result = await readInputFiles([path]);
      expect(result.report.problems).toEqual([]);
      expect(plainInput(input(result))).toEqual(plainInput(reference));
      expect(result.report.files.map((f) => f.sheet)).toEqual(CSV_NAMES.map((n) => n.replace(/\.csv$/, '')));
    },
    TOOL_TIMEOUT_MS,
  );
});
