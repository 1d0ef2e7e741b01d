/**
 * A results set read whole or not at all: scenario.json (the scenario the results were run
 * with), customers.csv, and — when present — the aggregates and reconciliation files, which must
 * agree with the customers. Every problem names its file, row and column; with any error nothing
 * is returned, so a half-read folder can never reach the knowledge base.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { resultAggregates } from '../../engine/results/result-aggregates.js';
import type { ResultSet, ResultSourceFile } from '../../model/result-set.js';
import { isMonthKey } from '../../model/month.js';
import { parseScenario, type Scenario } from '../../model/scenario.js';
import type { CsvStreamOptions } from '../csv/stream-csv-file.js';
import { fileIssues } from '../input-messages.js';
import { ProblemLog, type ValidationReport } from '../validation-report.js';
import { checkResultAggregates } from './check-result-aggregates.js';
import { CUSTOMER_COLUMNS, ResultCustomersBuilder } from './read-result-customers.js';
import { readResultReconciliation } from './read-result-reconciliation.js';
import { readResultTable } from './read-result-table.js';
import { folderFileSet, isDirectory, isFile, pickedFileSet, type ResultFileSet } from './result-files.js';
import { resultIssues } from './result-messages.js';

export interface ReadResultOptions {
  /** The scenario file, when the folder has no scenario.json (or to use another). */
  readonly scenarioPath?: string;
  /** The evaluation month, YYYY-MM, when the scenario file leaves it to the data (`cvalue sql --month`). */
  readonly month?: string;
  /** Customer rows read so far, every 100,000 rows and at the end. */
  readonly onProgress?: (rows: number) => void;
  readonly csv?: CsvStreamOptions;
  readonly maxProblems?: number;
}

export type ResultRead = { readonly ok: true; readonly set: ResultSet; readonly report: ValidationReport } | { readonly ok: false; readonly report: ValidationReport };

const PROGRESS_EVERY = 100_000;

async function readScenario(path: string, name: string, month: string | undefined, log: ProblemLog): Promise<{ scenario: Scenario; file: ResultSourceFile } | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    log.error(resultIssues.scenarioUnreadable(e instanceof Error && 'code' in e ? String(e.code) : String(e)), { file: name });
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    log.error(resultIssues.scenarioUnreadable(e instanceof Error ? e.message : String(e)), { file: name });
    return null;
  }
  const parsed = parseScenario(data);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const where = issue.path === '' ? '' : `${issue.path}: `;
      log.error(resultIssues.scenarioInvalid(`${where}${issue.zh}`, `${where}${issue.en}`), { file: name });
    }
    return null;
  }
  // The given month fills a month the scenario leaves to the data; it never overrides one.
  const inScenario = parsed.scenario.month;
  if (inScenario !== null && month !== undefined && month !== inScenario) {
    log.error(resultIssues.monthConflict(inScenario, month), { file: name });
    return null;
  }
  const evaluationMonth = inScenario ?? month;
  if (evaluationMonth === undefined) {
    log.error(resultIssues.scenarioNoMonth, { file: name });
    return null;
  }
  if (!isMonthKey(evaluationMonth)) {
    log.error(resultIssues.badMonth, { file: name, value: evaluationMonth });
    return null;
  }
  const file = { name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, rows: 0 };
  return { scenario: { ...parsed.scenario, month: evaluationMonth }, file };
}

/** One folder, or the files of a results set picked one by one (result-files.ts). */
async function fileSetOf(paths: readonly string[], log: ProblemLog): Promise<ResultFileSet | null> {
  const [first] = paths;
  if (paths.length === 1 && first !== undefined && (await isDirectory(first))) return folderFileSet(first);
  for (const path of paths) {
    if (!(await isFile(path))) {
      log.error((await isDirectory(path)) ? resultIssues.notAFolder : fileIssues.notFound, { file: path });
      return null;
    }
  }
  return pickedFileSet(paths);
}

export async function readResultSet(paths: readonly string[], options: ReadResultOptions = {}): Promise<ResultRead> {
  const log = new ProblemLog(options.maxProblems);
  const fail = (): ResultRead => ({ ok: false, report: log.report([]) });
  const found = await fileSetOf(paths, log);
  if (found === null) return fail();
  for (const name of found.ignored) log.warning(resultIssues.fileIgnored, { file: name });
  for (const table of [found.customers, found.reconciliation, ...Object.values(found.aggregates)]) {
    if (table.unfinished !== undefined && table.paths.length > 0) log.warning(resultIssues.noSuccessMarker, { file: table.unfinished });
  }
  const scenarioFile = options.scenarioPath === undefined ? found.scenario : { path: options.scenarioPath, name: basename(options.scenarioPath) };
  if (scenarioFile === null) log.error(resultIssues.noScenario, {});
  const scenario = scenarioFile === null ? null : await readScenario(scenarioFile.path, scenarioFile.name, options.month, log);
  if (found.customers.paths.length === 0) log.error(resultIssues.noCustomers, {});
  if (scenario === null || found.customers.paths.length === 0) return fail();

  const builder = new ResultCustomersBuilder(scenario.scenario, log);
  const customerParts = await readResultTable({
    files: found.customers,
    columns: CUSTOMER_COLUMNS,
    log,
    ...(options.csv === undefined ? {} : { csv: options.csv }),
    onRow: (row, at) => {
      builder.add(row, at);
      if (builder.rows % PROGRESS_EVERY === 0) options.onProgress?.(builder.rows);
    },
  });
  options.onProgress?.(builder.rows);
  if (customerParts === null || log.errorCount > 0) return fail();
  if (builder.rows === 0) {
    log.error(resultIssues.noRows, { file: found.customers.names[0] as string });
    return fail();
  }
  const customers = builder.finish();
  if (customers === null) return fail();

  const aggregates = resultAggregates(customers, scenario.scenario);
  const aggregateParts = await checkResultAggregates(found.aggregates, aggregates, log, options.csv);
  const reconciliation = await readResultReconciliation(found.reconciliation, scenario.scenario.month as string, log, options.csv);
  if (aggregateParts === null || reconciliation === null || log.errorCount > 0) return fail();
  const set: ResultSet = {
    scenario: scenario.scenario,
    month: scenario.scenario.month as string,
    customers,
    reconciliation: reconciliation.rows,
    files: [scenario.file, ...customerParts, ...aggregateParts, ...reconciliation.files],
  };
  return { ok: true, set, report: log.report([]) };
}
