/**
 * Which file holds which table of a results set. A folder keeps each table as `name.csv`, as
 * `cvalue run --out-dir` writes it, or as a directory `name/` of part files, as a warehouse's
 * directory export (Spark's `INSERT OVERWRITE DIRECTORY … USING csv`) writes it:
 * part-00000-….csv, with _SUCCESS and .crc files beside them that are not data. Files picked one
 * by one (the web shell uploads files, not folders) are told apart by their names.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { GROUPINGS, type Grouping } from '../../engine/aggregates.js';

export interface TableFiles {
  /** Paths to read in order; empty when the folder has no such table. */
  readonly paths: readonly string[];
  /** Each path relative to the folder, as reports name it. */
  readonly names: readonly string[];
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** A data part: a CSV file that is neither hidden (.crc) nor a marker (_SUCCESS). */
function isPart(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_') && name.toLowerCase().endsWith('.csv');
}

export async function tableFiles(folder: string, table: string): Promise<TableFiles> {
  const single = join(folder, `${table}.csv`);
  if (await isFile(single)) return { paths: [single], names: [`${table}.csv`] };
  const dir = join(folder, table);
  if (!(await isDirectory(dir))) return { paths: [], names: [] };
  const parts = (await readdir(dir)).filter(isPart).sort();
  return { paths: parts.map((p) => join(dir, p)), names: parts.map((p) => `${table}/${p}`) };
}

export { isDirectory, isFile };

/** Every table of a results set, wherever its files are. */
export interface ResultFileSet {
  /** The scenario file, null when none was found. */
  readonly scenario: { readonly path: string; readonly name: string } | null;
  readonly customers: TableFiles;
  readonly aggregates: Readonly<Record<Grouping, TableFiles>>;
  readonly reconciliation: TableFiles;
  /** Picked files that are none of these (named in a warning, not read). */
  readonly ignored: readonly string[];
}

const NONE: TableFiles = { paths: [], names: [] };

export async function folderFileSet(folder: string): Promise<ResultFileSet> {
  const scenarioPath = join(folder, 'scenario.json');
  const aggregates = {} as Record<Grouping, TableFiles>;
  for (const g of GROUPINGS) aggregates[g] = await tableFiles(folder, `aggregates_${g}`);
  return {
    scenario: (await isFile(scenarioPath)) ? { path: scenarioPath, name: 'scenario.json' } : null,
    customers: await tableFiles(folder, 'customers'),
    aggregates,
    reconciliation: await tableFiles(folder, 'reconciliation'),
    ignored: [],
  };
}

/** Files by name: customers.csv, aggregates_<group>.csv, reconciliation.csv and one *.json scenario. */
export function pickedFileSet(paths: readonly string[]): ResultFileSet {
  const one = (path: string): TableFiles => ({ paths: [path], names: [basename(path)] });
  let scenario: ResultFileSet['scenario'] = null;
  let customers = NONE;
  let reconciliation = NONE;
  const aggregates = Object.fromEntries(GROUPINGS.map((g) => [g, NONE])) as Record<Grouping, TableFiles>;
  const ignored: string[] = [];
  for (const path of paths) {
    const name = basename(path);
    const lower = name.toLowerCase();
    const grouping = GROUPINGS.find((g) => lower === `aggregates_${g}.csv`);
    if (lower.endsWith('.json') && scenario === null) scenario = { path, name };
    else if (lower === 'customers.csv' && customers === NONE) customers = one(path);
    else if (lower === 'reconciliation.csv' && reconciliation === NONE) reconciliation = one(path);
    else if (grouping !== undefined && aggregates[grouping] === NONE) aggregates[grouping] = one(path);
    else ignored.push(name);
  }
  return { scenario, customers, aggregates, reconciliation, ignored };
}
