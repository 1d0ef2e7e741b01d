/** The input layer's and the knowledge base's records as the screens receive them (plain JSON). */
import type { ValidationReport } from '../io/read-inputs.js';
import type { FileEntry, ReportProblem } from '../io/validation-report.js';
import { columnLetters } from '../io/xlsx/cell-ref.js';
import type { DatasetInfo, ImportSummary } from '../store/imports-catalog.js';
import type { DatasetView, FileView, ImportView, ProblemView, ValidationView } from './contract.js';

function problemView(p: ReportProblem): ProblemView {
  // A column without header text is named by its letter, as the spreadsheet shows it.
  const column = p.column ?? (p.columnNumber === undefined ? undefined : columnLetters(p.columnNumber));
  return {
    severity: p.severity,
    code: p.code,
    zh: p.zh,
    en: p.en,
    ...(p.file === undefined ? {} : { file: p.file }),
    ...(p.sheet === undefined ? {} : { sheet: p.sheet }),
    ...(p.row === undefined ? {} : { row: p.row }),
    ...(column === undefined ? {} : { column }),
    ...(p.value === undefined ? {} : { value: p.value }),
  };
}

function fileView(f: FileEntry): FileView {
  return {
    file: f.file,
    ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
    kind: f.kind,
    rows: f.rows,
    sha256: f.sha256,
    ...(f.header === undefined ? {} : { header: [...f.header.cells] }),
    ...(f.fields === undefined ? {} : { fields: { ...f.fields } }),
  };
}

export function validationView(report: ValidationReport): ValidationView {
  return {
    errorCount: report.errorCount,
    warningCount: report.warningCount,
    problems: report.problems.map(problemView),
    problemsOmitted: report.problemsOmitted,
    files: report.files.map(fileView),
  };
}

function datasetView(d: DatasetInfo): DatasetView {
  return { id: d.id, file: d.file, sheet: d.sheet, kind: d.kind, rows: d.rows, sha256: d.sha256 };
}

export function importView(i: ImportSummary): ImportView {
  return {
    id: i.id,
    importedAt: i.importedAt,
    appVersion: i.appVersion,
    months: [...i.months],
    factRows: i.factRows,
    customers: i.customers,
    pools: i.pools,
    participants: i.participants,
    warnings: i.warnings.map((w) => ({ code: w.code, zh: w.zh, en: w.en })),
    datasets: i.datasets.map(datasetView),
  };
}
