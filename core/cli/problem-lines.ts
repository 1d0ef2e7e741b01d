/** The reading report as console lines: errors with file, sheet, row, column and value; warnings one per line. */
import type { ValidationReport } from '../io/read-inputs.js';

const MAX_PROBLEMS_SHOWN = 50;

/** The report's errors, one line each with file, sheet, row, column and value (shared with `import`). */
export function describeProblems(report: ValidationReport): string {
  const errors = report.problems.filter((p) => p.severity === 'error');
  const lines = errors.slice(0, MAX_PROBLEMS_SHOWN).map((p) => {
    const where = [p.file, p.sheet, p.row === undefined ? undefined : `行 row ${p.row}`, p.column === undefined ? undefined : `列 column ${p.column}`]
      .filter((x) => x !== undefined)
      .join(' · ');
    const value = p.value === undefined ? '' : ` 值 value「${p.value}」`;
    return `  ${where}: [${p.code}] ${p.zh} / ${p.en}${value}`;
  });
  if (errors.length > MAX_PROBLEMS_SHOWN) lines.push(`  … 另有 ${errors.length - MAX_PROBLEMS_SHOWN} 个错误 / ${errors.length - MAX_PROBLEMS_SHOWN} more errors`);
  return lines.join('\n');
}

/** The report's warnings, one line each. */
export function logWarnings(report: ValidationReport, log: (line: string) => void): void {
  for (const w of report.problems.filter((p) => p.severity === 'warning')) {
    const where = [w.file, w.sheet === undefined ? undefined : `[${w.sheet}]`, w.row === undefined ? undefined : `行 row ${w.row}`].filter((x) => x !== undefined).join(' ');
    log(`警告 warning: ${where === '' ? '' : `${where}: `}${w.zh} / ${w.en}`);
  }
}
