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
  /** A part directory without the _SUCCESS marker a finished Spark/Hadoop export leaves (its name), for a warning. */
  readonly unfinished?: string;
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

/** A data part: neither hidden (.crc) nor a marker (_SUCCESS); compressed parts are listed so that they are refused, not skipped. */
function isPart(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_') && /\.csv(\.(gz|bz2|zst|snappy|lz4|deflate))?$/i.test(name);
}

export async function tableFiles(folder: string, table: string): Promise<TableFiles> {
  const single = join(folder, `${table}.csv`);
  if (await isFile(single)) return { paths: [single], names: [`${table}.csv`] };
  const dir = join(folder, table);
  if (!(await isDirectory(dir))) return { paths: [], names: [] };
  const entries = await readdir(dir);
  const parts = entries.filter(isPart).sort();
  return { paths: parts.map((p) => join(dir, p)), names: parts.map((p) => `${table}/${p}`), ...(entries.includes('_SUCCESS') ? {} : { unfinished: `${table}/` }) };
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

/** The JSON files `cvalue run --out-dir` writes beside scenario.json: never a scenario. */
const RUN_JSON_FILES = new Set(['summary.json', 'warnings.json', 'breakpoints.json', 'comparison.json']);

/** How likely a picked .json is the scenario: scenario.json, then *.scenario.json, then any other but the run's own. */
function scenarioRank(lower: string): number {
  if (lower === 'scenario.json') return 0;
  if (lower.endsWith('.scenario.json')) return 1;
  return RUN_JSON_FILES.has(lower) ? 3 : 2;
}

/** Files by name: customers.csv, aggregates_<group>.csv, reconciliation.csv and one *.json scenario. */
export function pickedFileSet(paths: readonly string[]): ResultFileSet {
  const one = (path: string): TableFiles => ({ paths: [path], names: [basename(path)] });
  let scenario: ResultFileSet['scenario'] = null;
  let customers = NONE;
  let reconciliation = NONE;
  const aggregates = Object.fromEntries(GROUPINGS.map((g) => [g, NONE])) as Record<Grouping, TableFiles>;
  const ignored: string[] = [];
  const jsons = paths.filter((p) => basename(p).toLowerCase().endsWith('.json'));
  const best = jsons.map((p) => scenarioRank(basename(p).toLowerCase())).reduce((a, b) => Math.min(a, b), 3);
  for (const path of paths) {
    const name = basename(path);
    const lower = name.toLowerCase();
    const grouping = GROUPINGS.find((g) => lower === `aggregates_${g}.csv`);
    if (lower.endsWith('.json') && scenario === null && best < 3 && scenarioRank(lower) === best) scenario = { path, name };
    else if (lower === 'customers.csv' && customers === NONE) customers = one(path);
    else if (lower === 'reconciliation.csv' && reconciliation === NONE) reconciliation = one(path);
    else if (grouping !== undefined && aggregates[grouping] === NONE) aggregates[grouping] = one(path);
    else ignored.push(name);
  }
  return { scenario, customers, aggregates, reconciliation, ignored };
}
