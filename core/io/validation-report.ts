import type { Lang, Problem } from '../model/messages.js';
import type { TableKind } from './mapping/detect-kind.js';
import type { RawCell } from './raw-table.js';

export type Severity = 'error' | 'warning';

/** Where a problem is. Absent fields do not apply (a whole-input problem has no file). */
export interface ProblemLocation {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  /** The header text exactly as in the file. */
  readonly column?: string;
  /** 1-based. */
  readonly columnNumber?: number;
  /** The offending cell as text. */
  readonly value?: string;
}

export interface ReportProblem extends Problem, ProblemLocation {
  readonly severity: Severity;
}

export interface FileEntry {
  readonly file: string;
  readonly sheet?: string;
  readonly kind: TableKind | 'unknown';
  /** Data rows read (blank rows and the rows above the header excluded). */
  readonly rows: number;
  readonly sha256: string;
  /** The header row as found (texts as in the file), and its row number; absent when none was found. */
  readonly header?: { readonly row: number; readonly cells: readonly string[] };
  /** Header text → field, as applied (the user's saved mapping or the aliases). */
  readonly fields?: Readonly<Record<string, string>>;
  /** True when a saved column mapping (template) was applied. */
  readonly mappedByTemplate?: boolean;
}

export interface ValidationReport {
  /** The first problems found, in the order found, at most the log's cap. */
  readonly problems: readonly ReportProblem[];
  /** Problems found beyond the cap (counted in errorCount and warningCount, not stored). */
  readonly problemsOmitted: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly files: readonly FileEntry[];
}

export const DEFAULT_MAX_PROBLEMS = 1000;
const MAX_VALUE_CHARS = 100;

/** Collects problems, keeping only the first `max` so a file wrong on every row stays cheap. */
export class ProblemLog {
  private readonly stored: ReportProblem[] = [];
  private omitted = 0;
  private errors = 0;
  private warnings = 0;

  constructor(private readonly max: number = DEFAULT_MAX_PROBLEMS) {}

  get errorCount(): number {
    return this.errors;
  }

  error(problem: Problem, at: ProblemLocation): void {
    this.errors++;
    this.store({ severity: 'error', ...problem, ...at });
  }

  warning(problem: Problem, at: ProblemLocation): void {
    this.warnings++;
    this.store({ severity: 'warning', ...problem, ...at });
  }

  report(files: readonly FileEntry[]): ValidationReport {
    return {
      problems: this.stored.slice(),
      problemsOmitted: this.omitted,
      errorCount: this.errors,
      warningCount: this.warnings,
      files: files.slice(),
    };
  }

  private store(entry: ReportProblem): void {
    if (this.stored.length < this.max) this.stored.push(entry);
    else this.omitted++;
  }
}

/** A cell as shown in a report: dates as YYYY-MM-DD, long text shortened. */
export function cellForReport(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10);
  const text = String(cell);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/** One line for a log or the CLI: location, message, value. */
export function formatProblem(p: ReportProblem, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.sheet === undefined ? p.file : `${p.file} [${p.sheet}]`);
  if (p.row !== undefined) parts.push(zh ? `第${p.row}行` : `row ${p.row}`);
  if (p.columnNumber !== undefined) {
    const name = p.column === undefined ? '' : zh ? `「${p.column}」` : ` "${p.column}"`;
    parts.push(zh ? `第${p.columnNumber}列${name}` : `column ${p.columnNumber}${name}`);
  }
  const where = parts.length === 0 ? '' : parts.join(zh ? ' ' : ', ') + (zh ? '：' : ': ');
  const value = p.value === undefined ? '' : zh ? `（值："${p.value}"）` : ` (value: "${p.value}")`;
  return `${where}${zh ? p.zh : p.en}${value}`;
}
