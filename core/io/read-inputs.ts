/**
 * The input layer's entry points: CSV files and folders, or raw tables from another reader
 * (xlsx), through the same mapping and validation into a ModelInput. All or nothing: any error
 * gives ok:false with the report and no input.
 */
import { rowCount, type ModelInput } from '../model/dataset.js';
import { loadCsvBytes, parseCsvRows } from './csv/read-csv-table.js';
import { fileIssues, inputIssues } from './input-messages.js';
import { listInputFiles } from './list-input-files.js';
import { FactsBuilder } from './mapping/facts-builder.js';
import { CampaignsCollector, PoolsCollector } from './mapping/pools-and-campaigns.js';
import { TableMapper, type MapperSinks } from './mapping/table-mapper.js';
import type { RawTable, TableSource } from './raw-table.js';
import { ProblemLog, type FileEntry, type ValidationReport } from './validation-report.js';

export type { FileEntry, ReportProblem, ValidationReport } from './validation-report.js';

export interface ReadInputsOptions {
  /** SPEC §1 "sum rows with the same key" for customer-month facts (default false: an error). */
  readonly sumDuplicateKeys?: boolean;
  /** How many problems the report keeps (default 1000); the rest are only counted. */
  readonly maxProblems?: number;
}

export type ReadInputsResult =
  | { readonly ok: true; readonly input: ModelInput; readonly report: ValidationReport }
  | { readonly ok: false; readonly report: ValidationReport };

/** One import: tables are fed to it one after another, then finish() builds the result. */
class InputAssembler {
  readonly log: ProblemLog;
  private readonly sinks: MapperSinks;
  private readonly files: FileEntry[] = [];
  /** sha256 + sheet → the name of the table first read with that content. */
  private readonly seen = new Map<string, string>();

  constructor(options: ReadInputsOptions) {
    this.log = new ProblemLog(options.maxProblems);
    this.sinks = {
      log: this.log,
      facts: new FactsBuilder({ sumDuplicateKeys: options.sumDuplicateKeys ?? false }),
      pools: new PoolsCollector(),
      campaigns: new CampaignsCollector(),
    };
  }

  /** A mapper to push the table's rows into, or null when the same content was already read. */
  open(source: TableSource): TableMapper | null {
    const mapper = new TableMapper(source, this.sinks);
    const key = `${source.sha256}\u0000${source.sheet ?? ''}`;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      // Reading it again would make every one of its values conflict with itself.
      this.log.warning(fileIssues.duplicate(earlier), { file: source.file, ...(source.sheet === undefined ? {} : { sheet: source.sheet }) });
      return null;
    }
    this.seen.set(key, mapper.name);
    return mapper;
  }

  close(mapper: TableMapper): void {
    this.files.push(mapper.end());
  }

  finish(): ReadInputsResult {
    const { log, files } = this;
    if (files.length === 0) {
      if (log.errorCount === 0) log.error(inputIssues.noInputs, {});
    } else if (!files.some((f) => f.kind === 'usage')) {
      log.error(inputIssues.noUsage, {});
    }
    if (log.errorCount > 0) return { ok: false, report: log.report(files) };

    const { facts, warnings } = this.sinks.facts.build();
    if (rowCount(facts) === 0) {
      log.error(inputIssues.noUsageRows, {});
      return { ok: false, report: log.report(files) };
    }
    for (const warning of warnings) log.warning(warning, {});
    const input: ModelInput = { facts, pools: this.sinks.pools.result(), campaigns: this.sinks.campaigns.result(), warnings };
    return { ok: true, input, report: log.report(files) };
  }
}

/**
 * Reads CSV files and folders (every .csv directly inside a folder, by name). Each file is
 * decoded (UTF-8 or GBK/GB18030), parsed and mapped as a stream of rows, one file at a time.
 */
export async function readInputFiles(paths: readonly string[], options: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const assembler = new InputAssembler(options);
  const listed = await listInputFiles(paths);
  for (const { path, problem } of listed.problems) assembler.log.error(problem, { file: path });
  for (const file of listed.files) {
    const loaded = await loadCsvBytes(file);
    if (!loaded.ok) {
      assembler.log.error(loaded.failure.problem, { file });
      continue;
    }
    const mapper = assembler.open({ file, sha256: loaded.sha256 });
    if (mapper === null) continue;
    const failure = parseCsvRows(loaded.utf8, (cells, row) => mapper.push(cells, row));
    if (failure !== null) {
      const { problem, row, columnNumber } = failure;
      assembler.log.error(problem, { file, ...(row === undefined ? {} : { row }), ...(columnNumber === undefined ? {} : { columnNumber }) });
    }
    assembler.close(mapper);
  }
  return assembler.finish();
}

/** The same as readInputFiles for tables another reader has produced (the xlsx import). */
export function readInputTables(tables: readonly RawTable[], options: ReadInputsOptions = {}): ReadInputsResult {
  const assembler = new InputAssembler(options);
  for (const table of tables) {
    const mapper = assembler.open(table.source);
    if (mapper === null) continue;
    table.rows.forEach((cells, i) => mapper.push(cells, table.rowNumbers[i] ?? i + 1));
    assembler.close(mapper);
  }
  return assembler.finish();
}
