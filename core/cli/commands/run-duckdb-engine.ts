/**
 * `cvalue run --engine duckdb` (issue 7): the scenario's warehouse SQL run in an in-process
 * DuckDB that spills to disk past its memory limit, and the result tables written as the run
 * files of SPEC §13 — the cells through the same csv-text.ts formatting as the engine's files,
 * each table streamed a data chunk at a time.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import type { RunWarning } from '../../engine/run-warning.js';
import { fenText, type CsvCell } from '../../io/run-files/csv-text.js';
import { writeCsv, writeJson } from '../../io/run-files/write-run-files.js';
import type { ModelInput } from '../../model/dataset.js';
import { monthKey } from '../../model/month.js';
import type { Scenario } from '../../model/scenario.js';
import { evaluationMonthOf } from '../../engine/run-model.js';
import {
  breakpointsFromRows,
  CustomerTally,
  FEN_COLUMNS,
  reconciliationFacts,
  runFileQueries,
  summaryFromTally,
  warningsFromRows,
  type ReconciliationFacts,
  type RunFileCell,
  type RunFileQuery,
} from '../../sql/run-file-queries.js';
import { DuckDbModelSession, queryBatches, queryRows } from '../../sql/run-duckdb.js';
import { SqlTranslationError } from '../../sql/sql-text.js';
import { inputError, usageError } from '../cli-error.js';

/** The files the ts engine writes that the SQL does not cover (campaigns are not in the script, SPEC §11). */
export const FILES_NOT_WRITTEN_BY_DUCKDB = ['campaigns.csv', 'campaign_participants.csv', 'campaign_uplift_tiers.csv'] as const;

const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/** --memory-limit, or half the machine's memory: the other half is Node's, which holds the input. */
export function memoryLimitFlag(value: string | undefined): string {
  if (value === undefined) return `${Math.max(256, Math.floor(totalmem() / 2 / 2 ** 20))}MiB`;
  if (!MEMORY_LIMIT.test(value.trim())) {
    throw usageError(`--memory-limit 须为带单位的大小，如 4GB 或 512MiB：${value}`, `--memory-limit must be a size with a unit, such as 4GB or 512MiB: ${value}`);
  }
  return value.trim();
}

export interface DuckDbRun {
  readonly written: string[];
  readonly warnings: readonly RunWarning[];
  readonly month: string;
  readonly customers: number;
  readonly eligible: number;
}

/** The header, then the rows of every batch: one stream of lines for writeCsv. */
async function* withHeader(header: readonly string[], batches: AsyncIterable<CsvCell[][]>): AsyncGenerator<readonly CsvCell[]> {
  yield header;
  for await (const rows of batches) yield* rows;
}

/** A query's rows with DECIMAL fen columns as fenText writes them (exactly two decimals). */
async function* fileRows(session: DuckDbModelSession, query: RunFileQuery, each: (row: readonly RunFileCell[]) => void): AsyncGenerator<CsvCell[][]> {
  const fen = query.columns.map((c) => FEN_COLUMNS.has(c));
  const anyFen = fen.includes(true);
  for await (const rows of queryBatches(session.connection, query.sql)) {
    for (const row of rows) each(row);
    if (!anyFen) {
      yield rows;
      continue;
    }
    // DECIMAL(18, 2) reads back as the nearest double to k/100; ×100 rounds to k exactly.
    yield rows.map((row) => row.map((cell, k) => (fen[k] === true && cell !== null ? fenText(Math.round(Number(cell) * 100)) : cell)));
  }
}

async function breakpointsJson(session: DuckDbModelSession, scenario: Scenario, eligible: number): Promise<unknown> {
  const connection = session.connection;
  const quantiles = scenario.profit_breakpoints.mode === 'auto' ? await queryRows(connection, 'SELECT i, quantile FROM cv_profit_quantiles ORDER BY i') : [];
  const points = await queryRows(connection, 'SELECT profit, score FROM cv_breakpoints ORDER BY point');
  const [cap] = await queryRows(connection, 'SELECT spend_cap FROM cv_spend_cap');
  const spendCap = cap?.spend_cap;
  return breakpointsFromRows(
    scenario,
    eligible,
    quantiles.map((q) => ({ i: Number(q.i), quantile: Number(q.quantile) })),
    points.map((p) => ({ profit: Number(p.profit), score: Number(p.score) })),
    typeof spendCap === 'number' ? spendCap : null,
  );
}

/** DuckDB's own error when an operator cannot fit its working set under memory_limit, even spilling. */
function isOutOfMemory(e: unknown): boolean {
  return e instanceof Error && /out of memory|could not allocate/i.test(e.message);
}

function outOfMemory(memoryLimit: string): Error {
  return inputError(
    `DuckDB 在内存上限 ${memoryLimit} 内无法完成计算（一次连接运算所需的内存超过上限，溢出到磁盘也不够）。请用 --memory-limit 调高上限（如 4GB），或关闭其他程序后重试。`,
    `DuckDB could not finish within its memory limit of ${memoryLimit} (one join needs more than that, even spilling to disk). Raise it with --memory-limit (such as 4GB), or close other programs and try again.`,
  );
}

/** Runs `scenario` over `input` in DuckDB and writes the run files it covers into `outDir`. */
export async function runWithDuckDb(input: ModelInput, scenario: Scenario, outDir: string, memoryLimit: string, log: (line: string) => void): Promise<DuckDbRun> {
  await mkdir(outDir, { recursive: true });
  // Spilled intermediates go beside the results (the disk the user chose for them, not a
  // possibly memory-backed /tmp), and are removed when the run ends.
  const tempDirectory = await mkdtemp(join(outDir, '.duckdb-temp-'));
  log(`DuckDB：内存上限 ${memoryLimit}，超出部分写入临时目录 ${tempDirectory}`);
  log(`DuckDB: memory limit ${memoryLimit}, spilling past it to ${tempDirectory}`);
  let session: DuckDbModelSession | undefined;
  try {
    // A database file, not ':memory:': the tables themselves then leave memory too, not only the operators' spills.
    const databaseFile = join(tempDirectory, 'model.duckdb');
    session = await DuckDbModelSession.open(input, { databaseFile, memoryLimit, tempDirectory, preserveInsertionOrder: false });
    try {
      await session.runScript(scenario);
    } catch (e) {
      if (e instanceof SqlTranslationError) throw inputError(`无法生成 SQL：${e.zh}`, `Cannot write the SQL: ${e.en}`);
      throw e;
    }
    const written: string[] = [];
    const tally = new CustomerTally(scenario);
    const pools: ReconciliationFacts[] = [];
    for (const query of runFileQueries(scenario)) {
      const each =
        query.file === 'customers.csv' ? (row: readonly RunFileCell[]) => tally.add(row)
        : query.file === 'reconciliation.csv' ? (row: readonly RunFileCell[]) => void pools.push(reconciliationFacts(row))
        : () => undefined;
      await writeCsv(join(outDir, query.file), withHeader(query.columns, fileRows(session, query, each)));
      written.push(query.file);
    }
    const warnings = warningsFromRows(input, scenario, pools, tally);
    const month = monthKey(evaluationMonthOf(input, scenario));
    const json: [string, unknown][] = [
      ['breakpoints.json', await breakpointsJson(session, scenario, tally.eligible)],
      ['summary.json', summaryFromTally(input, scenario, tally)],
      ['warnings.json', warnings.map((w) => w.en)],
      // The scenario as run (defaults filled in, the month resolved), as writeRunFiles writes it.
      ['scenario.json', { ...scenario, month }],
    ];
    for (const [name, value] of json) {
      await writeJson(join(outDir, name), value);
      written.push(name);
    }
    return { written, warnings, month, customers: tally.customers, eligible: tally.eligible };
  } catch (e) {
    if (isOutOfMemory(e)) throw outOfMemory(memoryLimit);
    throw e;
  } finally {
    session?.close();
    await rm(tempDirectory, { recursive: true, force: true });
  }
}
