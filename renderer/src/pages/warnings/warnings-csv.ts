/**
 * The warnings as a CSV text, in the screen's language. A BOM leads so that Excel reads the
 * Chinese as UTF-8; cells that could start a formula are prefixed with ' (CSV injection).
 */
import type { WarningView } from '../../../../core/service/contract';

export const WARNING_CSV_COLUMNS = ['month', 'rule', 'subjectKind', 'subject', 'branch', 'before', 'after', 'detail'] as const;
export type WarningCsvColumn = (typeof WARNING_CSV_COLUMNS)[number];

export interface WarningCsvLabels {
  readonly column: (c: WarningCsvColumn) => string;
  readonly rule: (r: WarningView['rule']) => string;
  readonly subjectKind: (k: WarningView['subjectKind']) => string;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function warningsCsv(rows: readonly WarningView[], labels: WarningCsvLabels): string {
  const lines = [WARNING_CSV_COLUMNS.map((c) => cell(labels.column(c))).join(',')];
  for (const w of rows) {
    lines.push([w.month, labels.rule(w.rule), labels.subjectKind(w.subjectKind), w.subject, w.branch, w.before, w.after, w.detail].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A Blob download: the same in the web shell and in Electron (which shows its save dialog for
 * a download), and no service call, because the text is already in the window.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
