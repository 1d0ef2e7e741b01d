/**
 * The workbooks the end-to-end job imports: the sample province as the CLI writes it, one of its
 * workbooks with a header the aliases do not know (so the mapping must be fixed by hand), and a
 * small workbook with a text value in a money column (so validation names sheet, row and column).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cvalue } from '../../support/cvalue.js';

export interface SampleOptions {
  readonly customers: number;
  readonly months: number;
  readonly format: 'xlsx' | 'csv';
}

/** `cvalue sample` into `dir`; returns the files it wrote, sorted. */
export async function writeSample(dir: string, options: SampleOptions): Promise<string[]> {
  const outcome = await cvalue('sample', '--customers', String(options.customers), '--months', String(options.months), '--format', options.format, '--out-dir', dir);
  if (outcome.code !== 0) throw new Error(`cvalue sample failed (${outcome.code}): ${outcome.err}`);
  return (await readdir(dir)).sort().map((name) => join(dir, name));
}

/** `cvalue import <dir> --db <db>`: loads a knowledge base without the browser. */
export async function importIntoKnowledgeBase(dir: string, db: string): Promise<void> {
  const outcome = await cvalue('import', dir, '--db', db);
  if (outcome.code !== 0) throw new Error(`cvalue import failed (${outcome.code}): ${outcome.err}`);
}

/** The usage sheet's customer id header, renamed to text no alias knows. */
export const RENAMED = { file: 'usage.xlsx', from: '用户编号', to: 'Cust No', field: 'customer_id' } as const;

/** Where the bad workbook's error is: its usage sheet's 应收费用 (money) column, fourth data row. */
export const BAD = { file: 'usage-bad.xlsx', sheet: '用量账单', header: '应收费用', row: 5, value: '一百元' } as const;

export interface JobFixtures {
  /** The sample workbooks, with usage.xlsx replaced by its renamed-header copy. */
  readonly workbooks: readonly string[];
  readonly bad: string;
}

export async function writeJobFixtures(root: string): Promise<JobFixtures> {
  const sampleDir = join(root, 'sample');
  const editedDir = join(root, 'edited');
  await mkdir(editedDir, { recursive: true });
  const sample = await writeSample(sampleDir, { customers: 3000, months: 6, format: 'xlsx' });
  const renamed = join(editedDir, RENAMED.file);
  await renameHeader(join(sampleDir, RENAMED.file), renamed, RENAMED.from, RENAMED.to);
  const bad = join(editedDir, BAD.file);
  await writeBadUsage(join(sampleDir, RENAMED.file), bad);
  return { workbooks: sample.map((file) => (file.endsWith(`/${RENAMED.file}`) ? renamed : file)), bad };
}

async function renameHeader(source: string, target: string, from: string, to: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  const sheet = firstSheet(book, source);
  const cell = headerCell(sheet, from, source);
  cell.value = to;
  await book.xlsx.writeFile(target);
}

/**
 * The header and first rows of the sample's usage sheet, one money cell turned into text. A usage
 * sheet on its own is a complete input, so the planted cell is the only error.
 */
async function writeBadUsage(source: string, target: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(source);
  const sheet = firstSheet(book, source);
  if (sheet.name !== BAD.sheet) throw new Error(`${source}: expected the sheet ${BAD.sheet}, found ${sheet.name}`);
  const column = Number(headerCell(sheet, BAD.header, source).col);
  const out = new ExcelJS.Workbook();
  const copy = out.addWorksheet(BAD.sheet);
  for (let row = 1; row <= BAD.row + 2; row += 1) copy.getRow(row).values = sheet.getRow(row).values;
  copy.getCell(BAD.row, column).value = BAD.value;
  await out.xlsx.writeFile(target);
}

function firstSheet(book: ExcelJS.Workbook, file: string): ExcelJS.Worksheet {
  const sheet = book.worksheets[0];
  if (sheet === undefined) throw new Error(`${file} has no worksheet`);
  return sheet;
}

function headerCell(sheet: ExcelJS.Worksheet, text: string, file: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.getRow(1).eachCell((cell) => {
    if (cell.value === text) found = cell;
  });
  if (found === undefined) throw new Error(`${file}: no header ${text} in row 1`);
  return found;
}
