/**
 * `npm run electronegativity`: Doyensec's Electronegativity over electron/ (it parses TypeScript
 * itself), told the installed Electron version so it applies that version's defaults. Fails on
 * any HIGH or MEDIUM finding that electron/electronegativity-exclusions.json does not justify,
 * and on an exclusion that no longer matches anything, so the list cannot go stale. LOW and
 * informational findings are listed for review.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PROJECT_ROOT } from './build-electron.js';

const at = (relative: string): string => path.join(PROJECT_ROOT, relative);

const finding = z.object({ issue: z.string(), severity: z.string(), confidence: z.string(), filename: z.string(), location: z.string(), sample: z.string(), description: z.string() });
type Finding = z.infer<typeof finding>;

const exclusionsFile = z.strictObject({
  $comment: z.string().optional(),
  exclusions: z.array(z.strictObject({ check: z.string(), file: z.string(), reason: z.string().min(20) })),
});
type Exclusion = z.infer<typeof exclusionsFile>['exclusions'][number];

const FAILING = new Set(['HIGH', 'MEDIUM']);

function electronVersion(): string {
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(at('node_modules/electron/package.json'), 'utf8'))).version;
}

/** Runs the scanner; returns its findings (the CSV report it writes). */
function scan(): Finding[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'cvs-electronegativity-'));
  try {
    const report = path.join(dir, 'report.csv');
    const cli = at('node_modules/@doyensec/electronegativity/dist/index.js');
    const result = spawnSync(process.execPath, [cli, '-i', at('electron'), '-o', report, '-r', '-e', electronVersion(), '-v', 'false'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`electronegativity failed (exit ${result.status ?? result.signal ?? '?'}):\n${result.stdout}\n${result.stderr}`);
    const rows: unknown = parse(readFileSync(report, 'utf8'), { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true });
    return z.array(finding).parse(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const matches = (exclusion: Exclusion, f: Finding): boolean => exclusion.check === f.issue && exclusion.file === f.filename;
const line = (f: Finding): string => `  ${f.severity} ${f.issue} ${f.filename}:${f.location} ${f.sample === 'N/A' ? '' : f.sample} — ${f.description}`;

function check(): number {
  const { exclusions } = exclusionsFile.parse(JSON.parse(readFileSync(at('electron/electronegativity-exclusions.json'), 'utf8')));
  const findings = scan();
  const failing = findings.filter((f) => FAILING.has(f.severity) && !exclusions.some((e) => matches(e, f)));
  const stale = exclusions.filter((e) => !findings.some((f) => matches(e, f)));
  const excluded = findings.filter((f) => exclusions.some((e) => matches(e, f)));
  const review = findings.filter((f) => !FAILING.has(f.severity));
  if (excluded.length > 0) console.log(`Excluded (electron/electronegativity-exclusions.json):\n${excluded.map(line).join('\n')}`);
  if (review.length > 0) console.log(`For review (LOW / INFORMATIONAL):\n${review.map(line).join('\n')}`);
  if (stale.length > 0) console.error(`Exclusions that match nothing any more (remove them):\n${stale.map((e) => `  ${e.check} ${e.file}`).join('\n')}`);
  if (failing.length > 0) console.error(`HIGH / MEDIUM findings:\n${failing.map(line).join('\n')}`);
  const ok = failing.length === 0 && stale.length === 0;
  console.log(ok ? `electronegativity: no HIGH or MEDIUM findings (${findings.length} findings, ${excluded.length} excluded).` : 'electronegativity: failed.');
  return ok ? 0 : 1;
}

try {
  process.exitCode = check();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
