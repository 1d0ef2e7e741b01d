/**
 * A validation report as a workbook for the analyst: a sheet listing every problem, then, for
 * each input table with problems on rows, a sheet of its original rows with the problems beside
 * them. The inputs are read again and streamed, never held whole: once to measure a table and
 * once more to copy it (a capped table only once).
 *
 * Large tables: a table of more than `maxSheetRows` rows (default 100,000) is not copied whole —
 * its sheet keeps the rows through the header row and the rows with problems, which is what the
 * analyst has to fix, and the summary says so. Up to the cap every row is copied, for context.
 * CSV cells are copied as the text they are (an id 00123 or an amount "1,234.50" stays as
 * written); workbook cells keep their type.
 */
import type { Bilingual, Lang } from '../../model/messages.js';
import type { ValidationReport } from '../validation-report.js';
import { groupRowProblems } from './problem-groups.js';
import { writeProblemsSheet } from './problems-sheet.js';
import { ReportFile } from './report-file.js';
import { pick, reportTexts } from './report-texts.js';
import { SheetNames, sourceSheetName } from './sheet-names.js';
import { writeSourceSheet } from './source-sheet.js';
import { MAX_SOURCE_COLUMNS, surveySource, type SourcePlan } from './source-survey.js';

export const DEFAULT_MAX_SHEET_ROWS = 100_000;

export interface ExportReportOptions {
  readonly lang: Lang;
  /** Tables with more rows get only their header and problem rows copied. */
  readonly maxSheetRows?: number;
}

interface NamedPlan {
  readonly plan: SourcePlan;
  /** Absent when the table's rows cannot be copied. */
  readonly name?: string;
}

function notesFor({ plan, name }: NamedPlan, cap: number): Bilingual[] {
  const { file } = plan.group;
  if (plan.outcome === 'changed') return [reportTexts.notes.changed(file)];
  if (plan.outcome === 'unreadable' || name === undefined) return [reportTexts.notes.unreadable(file)];
  const notes: Bilingual[] = [];
  if (plan.capped) notes.push(reportTexts.notes.capped(name, file, plan.rows, cap));
  if (plan.columnsCut) notes.push(reportTexts.notes.columnsCut(name, MAX_SOURCE_COLUMNS));
  return notes;
}

/** Writes the report to `outPath` (an .xlsx), replacing it only once complete. */
export async function exportValidationReport(report: ValidationReport, outPath: string, options: ExportReportOptions): Promise<void> {
  const { lang } = options;
  const cap = options.maxSheetRows ?? DEFAULT_MAX_SHEET_ROWS;
  const names = new SheetNames();
  const problemsSheet = names.take(pick(reportTexts.problemsSheet, lang));
  const plans: NamedPlan[] = [];
  // Measured before the file is created: the notes on the first sheet depend on it.
  for (const group of groupRowProblems(report)) {
    const plan = await surveySource(group, cap);
    plans.push(plan.outcome === 'read' ? { plan, name: names.take(sourceSheetName(group.file, group.sheet)) } : { plan });
  }

  const file = new ReportFile(outPath);
  try {
    writeProblemsSheet(file, problemsSheet, report, plans.flatMap((p) => notesFor(p, cap)), lang);
    for (const { plan, name } of plans) if (name !== undefined) await writeSourceSheet(file, name, plan, lang);
    await file.finish();
  } catch (error) {
    await file.abandon();
    throw error;
  }
}
