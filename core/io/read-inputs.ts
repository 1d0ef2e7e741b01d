/**
 * The input layer's entry points: CSV and .xlsx files and folders, or raw tables from another
 * reader, through the same mapping and validation into a ModelInput. All or nothing: any error
 * gives ok:false with the report and no input.
 */
import type { ColumnMapping } from '../model/column-mapping.js';
import { rowCount, type ModelInput } from '../model/dataset.js';
import type { Problem } from '../model/messages.js';
import { scanCsvFile, streamCsvRows } from './csv/stream-csv-file.js';
import { fileIssues, inputIssues, tableIssues } from './input-messages.js';
import { isWorkbookFile, listInputFiles } from './list-input-files.js';
import { FactsBuilder } from './mapping/facts-builder.js';
import { CampaignsCollector, PoolsCollector } from './mapping/pools-and-campaigns.js';
import { TableMapper, type MapperSinks } from './mapping/table-mapper.js';
import type { RawTable, TableSource } from './raw-table.js';
import { ProblemLog, type FileEntry, type ProblemLocation, type ValidationReport } from './validation-report.js';
import { readXlsxFile } from './xlsx/read-xlsx-file.js';

export type { FileEntry, ReportProblem, ValidationReport } from './validation-report.js';

export interface ReadInputsOptions {
  /** SPEC §1 "sum rows with the same key" for customer-month facts (default false: an error). */
  readonly sumDuplicateKeys?: boolean;
  /** How many problems the report keeps (default 1000); the rest are only counted. */
  readonly maxProblems?: number;
  /** Saved column mappings (templates), applied to sheets whose header signature they match. */
  readonly mappings?: readonly ColumnMapping[];
  /**
   * Whether the input must hold usage rows (default true, as a run needs them). The knowledge
   * base imports the finance department's cost report on its own, without usage.
   */
  readonly requireUsage?: boolean;
}

export type ReadInputsResult =
  | { readonly ok: true; readonly input: ModelInput; readonly report: ValidationReport }
  | { readonly ok: false; readonly report: ValidationReport };

/**
 * The import's problem log. The xlsx reader hands a cell it has reported (an error value, a
 * formula without a value) to the mapper as empty; the mapper's own complaint about that same
 * cell ("required cell is empty") would only mislead, so it is dropped. Only the row being
 * pushed is remembered, as the reader reports a row's cells just before pushing it.
 */
class InputLog extends ProblemLog {
  private flaggedRow = -1;
  private readonly flaggedColumns = new Set<number>();

  flagCell(row: number, columnNumber: number): void {
    if (row !== this.flaggedRow) {
      this.flaggedRow = row;
      this.flaggedColumns.clear();
    }
    this.flaggedColumns.add(columnNumber);
  }

  /** A new table starts: its row numbers start again. */
  clearFlags(): void {
    this.flaggedRow = -1;
  }

  override error(problem: Problem, at: ProblemLocation): void {
    if (at.row === this.flaggedRow && at.columnNumber !== undefined && this.flaggedColumns.has(at.columnNumber)) return;
    super.error(problem, at);
  }
}

/** One import: tables are fed to it one after another, then finish() builds the result. */
class InputAssembler {
  readonly log: InputLog;
  private readonly sinks: MapperSinks;
  private readonly files: FileEntry[] = [];
  /** sha256 + sheet → the name of the table first read with that content. */
  private readonly seen = new Map<string, string>();
  private readonly requireUsage: boolean;

  constructor(options: ReadInputsOptions) {
    this.requireUsage = options.requireUsage ?? true;
    this.log = new InputLog(options.maxProblems);
    this.sinks = {
      log: this.log,
      mappings: new Map((options.mappings ?? []).map((m) => [m.signature, m])),
      facts: new FactsBuilder({ sumDuplicateKeys: options.sumDuplicateKeys ?? false }),
      pools: new PoolsCollector(),
      campaigns: new CampaignsCollector(),
    };
  }

  /** A mapper to push the table's rows into, or null when the same content was already read. */
  open(source: TableSource, headerOptional = false): TableMapper | null {
    this.log.clearFlags();
    const mapper = new TableMapper(source, this.sinks, headerOptional);
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
    } else if (this.requireUsage && !files.some((f) => f.kind === 'usage')) {
      // Name what was read, so a renamed or unrecognised sheet ("Billing (2)") is easy to spot.
      const read = files.map((f) => `${f.file}${f.sheet === undefined ? '' : ` [${f.sheet}]`} (${f.kind === 'unknown' ? '未识别 not recognised' : f.kind})`);
      log.error(inputIssues.noUsage(read.join('; ')), {});
    }
    if (log.errorCount > 0) return { ok: false, report: log.report(files) };

    const { facts, warnings } = this.sinks.facts.build();
    if (this.requireUsage && rowCount(facts) === 0) {
      log.error(inputIssues.noUsageRows, {});
      return { ok: false, report: log.report(files) };
    }
    for (const warning of warnings) log.warning(warning, {});
    const input: ModelInput = { facts, pools: this.sinks.pools.result(), campaigns: this.sinks.campaigns.result(), warnings };
    return { ok: true, input, report: log.report(files) };
  }
}

/** Streamed in two passes (hash and encoding, then rows), so a file of any size reads in bounded memory. */
async function readCsvFile(assembler: InputAssembler, file: string): Promise<void> {
  const scanned = await scanCsvFile(file);
  if (!scanned.ok) {
    assembler.log.error(scanned.failure.problem, { file });
    return;
  }
  const mapper = assembler.open({ file, sha256: scanned.scan.sha256 });
  if (mapper === null) return;
  const failure = await streamCsvRows(file, scanned.scan, (cells, row) => mapper.push(cells, row));
  if (failure !== null) {
    const { problem, row, columnNumber } = failure;
    assembler.log.error(problem, { file, ...(row === undefined ? {} : { row }), ...(columnNumber === undefined ? {} : { columnNumber }) });
  }
  assembler.close(mapper);
}

/** Problems of one cell's value (not of the file's structure), which an unused column may carry harmlessly. */
const CELL_VALUE_CODES = new Set(['xlsx.error_value', 'xlsx.formula_no_value', 'xlsx.bad_cell_value', 'xlsx.date_out_of_range', 'xlsx.phantom_leap_day']);

/** Each visible worksheet is a table of its own, streamed into its mapper as the sheet is read. */
async function readWorkbookFile(assembler: InputAssembler, file: string): Promise<void> {
  const { log } = assembler;
  let mapper: TableMapper | null = null;
  // The reader reports a part it cannot read after it has closed the sheet, so a closed
  // mapper is only ended once the next sheet opens or the file is done.
  let closed: TableMapper | null = null;
  const endClosed = (): void => {
    if (closed !== null) assembler.close(closed);
    closed = null;
  };
  await readXlsxFile(file, {
    openSheet: (source) => {
      endClosed();
      const opened = assembler.open(source, true);
      mapper = opened;
      return opened === null ? null : (cells, row) => opened.push(cells, row);
    },
    closeSheet: () => {
      closed = mapper;
      mapper = null;
    },
    problem: (severity, problem, reported) => {
      const current: TableMapper | null = mapper ?? closed;
      // Name the column by its header, as the mapper's messages do, keeping the letter when there is none.
      const header = reported.columnNumber === undefined ? undefined : current?.headerOf(reported.columnNumber);
      const at = header === undefined ? reported : { ...reported, column: header };
      if (severity === 'warning') {
        log.warning(problem, { file, ...at });
        return;
      }
      // A bad value in a column the model does not use (notes, a title row) cannot change a figure.
      if (at.row !== undefined && at.columnNumber !== undefined && current !== null && !current.usesColumn(at.columnNumber) && CELL_VALUE_CODES.has(problem.code)) {
        log.warning(tableIssues.unusedCellProblem(problem), { file, ...at });
        return;
      }
      log.error(problem, { file, ...at });
      if (at.row !== undefined && at.columnNumber !== undefined) log.flagCell(at.row, at.columnNumber);
      // A part that cannot be read ends the sheet: its mapper must not add "no header" on top.
      else current?.abandon();
    },
  });
  endClosed();
}

/**
 * Reads CSV and workbook files and folders (every .csv, .xlsx, .xlsm directly inside a folder,
 * by name). A CSV is decoded (UTF-8 or GBK/GB18030), parsed and mapped as a stream of rows; a
 * workbook gives one table per visible worksheet, streamed the same way; one file at a time.
 */
export async function readInputFiles(paths: readonly string[], options: ReadInputsOptions = {}): Promise<ReadInputsResult> {
  const assembler = new InputAssembler(options);
  const listed = await listInputFiles(paths);
  for (const { path, problem } of listed.problems) assembler.log.error(problem, { file: path });
  for (const file of listed.files) {
    if (isWorkbookFile(file)) await readWorkbookFile(assembler, file);
    else await readCsvFile(assembler, file);
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
