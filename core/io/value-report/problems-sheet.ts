/** 数据问题: the import's problems with their file, sheet, row, column and value, then the run's warnings. */
import type { Bilingual, Lang } from '../../model/messages.js';
import type { ProblemLocation, Severity } from '../validation-report.js';
import { writeHeader, type ReportSheet } from './report-sheet.js';
import type { ReportTexts } from './report-texts.js';

/** A problem as the report lists it: an import problem (with where) or a run warning (without). */
export interface ReportIssue extends Bilingual, ProblemLocation {
  readonly severity: Severity;
  readonly code: string;
}

export async function writeProblemsSheet(sheet: ReportSheet, issues: readonly ReportIssue[], omitted: number, texts: ReportTexts, lang: Lang): Promise<void> {
  await writeHeader(sheet, texts.problemColumns);
  for (const p of issues) {
    await sheet.addRow([
      { value: texts.severity[p.severity], style: p.severity },
      p.code,
      p.file ?? '',
      p.sheet ?? '',
      p.row ?? null,
      p.column ?? '',
      p.value ?? '',
      p[lang],
    ]);
  }
  if (omitted > 0) await sheet.addRow([texts.overviewLabels.omitted(omitted)]);
}
