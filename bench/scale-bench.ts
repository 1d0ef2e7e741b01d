/**
 * The scale benchmark (issue 7): per size, the whole path of one PC from CSV exports to results,
 * each step a fresh process timed by itself (bench/scale-bench-child.ts) — sample CSV, import
 * into a new knowledge base, load + full run + what-if re-runs, and the same scenario through
 * DuckDB. Takes tens of minutes and ~10 GB of disk at 10M, so `npm run bench` leaves it out:
 * `BENCH_PARTS=scale npm run bench`, sizes in SCALE_CUSTOMERS (default 1M, 3M, 10M), 3 months.
 *
 * The DuckDB step reads the sample's CSV files straight into its input tables (read_csv, the
 * child's `duckdb-csv` mode), as a warehouse would hold them, so it needs neither the import nor
 * Node holding the input; SCALE_DUCKDB_INPUT=kb measures the app's path instead (the knowledge
 * base read into Node and appended, as `cvalue run --engine duckdb --db` does), after the import.
 * SCALE_SKIP=import,run,duckdb leaves steps out (without the import, the run and kb input go too).
 *
 * Sample folders /tmp/scale/s<N> made by `cvalue sample --customers N --months 3 --out-dir
 * /tmp/scale/s<N>` are reused (and kept); folders made here, and every knowledge base, are
 * deleted afterwards. A failed or timed-out step is recorded with its error and the peak RSS
 * /usr/bin/time saw, and the steps that need it are skipped. Prints one JSON document.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const SIZES = (process.env.SCALE_CUSTOMERS ?? '1000000,3000000,10000000').split(',').map(Number);
const MONTHS = 3;
/** A step taking longer than this is stopped and recorded as timed out. */
const STEP_TIMEOUT_MS = Number(process.env.SCALE_STEP_TIMEOUT_MINUTES ?? 40) * 60_000;
/** Where reusable sample folders live (s<N>); knowledge bases go to a temp folder under it. */
const SCALE_DIR = process.env.SCALE_DIR ?? join(tmpdir(), 'scale');
const SAMPLE_FILES = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'];
const TIME = '/usr/bin/time';
/** Steps to leave out, e.g. SCALE_SKIP=duckdb, or SCALE_SKIP=import,run for the DuckDB step alone. */
const SKIP = new Set((process.env.SCALE_SKIP ?? '').split(',').filter((x) => x !== ''));
/** Where the DuckDB step's input comes from: `csv` (read_csv of the sample) or `kb` (the knowledge base, through Node). */
const DUCKDB_INPUT = process.env.SCALE_DUCKDB_INPUT === 'kb' ? 'kb' : 'csv';

interface StepOutcome {
  readonly ok: boolean;
  /** The child's own JSON line when it finished. */
  readonly figures?: Record<string, unknown>;
  /** Whole-process wall seconds and max RSS as /usr/bin/time saw them (also on failure). */
  readonly processSeconds?: number;
  readonly processPeakRssMb?: number;
  readonly error?: string;
  readonly loadAverageBefore: readonly number[];
}

function load(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

function step(args: string[]): StepOutcome {
  const loadAverageBefore = load();
  const node = [process.execPath, '--import', 'tsx', join(here, 'scale-bench-child.ts'), ...args];
  const timed = existsSync(TIME);
  const command = timed ? [TIME, '-f', 'SCALE_TIME %e %M', ...node] : node;
  process.stderr.write(`[scale] ${new Date().toISOString()} load ${loadAverageBefore.join(' ')}: ${args.join(' ')}\n`);
  const child = spawnSync(command[0] as string, command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26, timeout: STEP_TIMEOUT_MS, killSignal: 'SIGKILL' });
  const stderr = child.stderr ?? '';
  const timeLine = /SCALE_TIME ([\d.]+) (\d+)/.exec(stderr);
  const processFigures = timeLine === null ? {} : { processSeconds: Number(timeLine[1]), processPeakRssMb: Math.round(Number(timeLine[2]) / 102.4) / 10 };
  const last = (child.stdout ?? '').trim().split('\n').pop() ?? '';
  if (child.status === 0 && last.startsWith('{')) {
    const figures = JSON.parse(last) as Record<string, unknown>;
    process.stderr.write(`[scale]   ${last}\n`);
    return { ok: true, figures, ...processFigures, loadAverageBefore };
  }
  // The CLI's problem lines come before the stack; the stack's frames say nothing the message does not.
  const tail = stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('SCALE_TIME') && !/^\s+at /.test(l))
    .slice(-20)
    .join('\n');
  const why = child.error !== undefined ? `${child.error.message} (timeout ${STEP_TIMEOUT_MS / 60_000} min)` : `exit ${child.status ?? child.signal}`;
  process.stderr.write(`[scale]   failed: ${why}\n${tail}\n`);
  return { ok: false, error: `${why}: ${tail}`, ...processFigures, loadAverageBefore };
}

/** A folder made by `cvalue sample --customers N --months 3` earlier (its name says N; the files must all be there). */
function reusableSample(customers: number): string | null {
  const dir = join(SCALE_DIR, `s${customers}`);
  return SAMPLE_FILES.every((f) => existsSync(join(dir, f))) ? dir : null;
}

/** The commit measured, and any uncommitted changes under core/ (others may be editing the tree meanwhile). */
function gitState(): { rev: string; dirty: string[] } {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'core'], { cwd: root, encoding: 'utf8' }).split('\n').filter((l) => l !== '');
    return { rev: head, dirty };
  } catch {
    return { rev: process.env.SCALE_SOURCE_REV ?? 'unknown', dirty: [] };
  }
}

function measureSize(customers: number, work: string): object {
  const reused = reusableSample(customers);
  const sampleDir = reused ?? join(work, `s${customers}`);
  const sample = reused === null ? step(['sample', sampleDir, String(customers), String(MONTHS)]) : null;
  const db = join(work, `kb${customers}.db`);
  // Sizes are often measured in separate invocations, so each carries its own commit and time.
  const sized: Record<string, unknown> = { customers, months: MONTHS, git: gitState(), started: new Date().toISOString(), sampleDir, sampleReused: reused !== null, sample };
  try {
    if (sample !== null && !sample.ok) return sized;
    // The CSV-fed DuckDB step first: it needs no knowledge base, and its database file is gone before the import's is made.
    if (!SKIP.has('duckdb') && DUCKDB_INPUT === 'csv') sized.duckdb = step(['duckdb-csv', sampleDir, join(work, 'duckdb')]);
    if (SKIP.has('import')) return sized;
    const imported = step(['import', db, sampleDir]);
    sized.import = imported;
    if (!imported.ok) return sized;
    if (!SKIP.has('run')) sized.run = step(['run', db]);
    if (!SKIP.has('duckdb') && DUCKDB_INPUT === 'kb') sized.duckdb = step(['duckdb', db, join(work, 'duckdb')]);
    return sized;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    rmSync(join(work, 'duckdb'), { recursive: true, force: true });
    if (reused === null) rmSync(sampleDir, { recursive: true, force: true });
  }
}

mkdirSync(SCALE_DIR, { recursive: true });
const work = mkdtempSync(join(SCALE_DIR, 'bench-'));
try {
  const sizes = SIZES.map((customers) => measureSize(customers, work));
  const report = {
    machine: { node: process.version, cpus: cpus().length, totalMemMb: Math.round(totalmem() / 2 ** 20), freeMemMbAtStart: Math.round(freemem() / 2 ** 20) },
    finished: new Date().toISOString(),
    loadAverageAtEnd: load(),
    sizes,
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
