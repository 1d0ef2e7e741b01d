/** Runs readXlsxFile and collects what it delivers, for assertions. */
import type { Problem } from '../../../../core/model/messages.js';
import type { RawCell, TableSource } from '../../../../core/io/raw-table.js';
import type { Severity } from '../../../../core/io/validation-report.js';
import { readXlsxFile, type XlsxLimits, type XlsxLocation } from '../../../../core/io/xlsx/read-xlsx-file.js';

export interface CollectedSheet {
  readonly source: TableSource;
  readonly rows: { readonly row: number; readonly cells: readonly RawCell[] }[];
}

export interface CollectedProblem extends XlsxLocation {
  readonly severity: Severity;
  readonly code: string;
  readonly en: string;
  readonly zh: string;
}

export interface Collected {
  readonly sheets: CollectedSheet[];
  readonly problems: CollectedProblem[];
  readonly errors: CollectedProblem[];
  readonly warnings: CollectedProblem[];
}

export async function readWorkbook(path: string, limits?: XlsxLimits): Promise<Collected> {
  const sheets: CollectedSheet[] = [];
  const problems: CollectedProblem[] = [];
  let open = false;
  await readXlsxFile(
    path,
    {
      openSheet: (source) => {
        const sheet: CollectedSheet = { source, rows: [] };
        sheets.push(sheet);
        open = true;
        return (cells, row) => sheet.rows.push({ row, cells: [...cells] });
      },
      closeSheet: () => {
        if (!open) throw new Error('closeSheet without openSheet');
        open = false;
      },
      problem: (severity: Severity, problem: Problem, at: XlsxLocation) => problems.push({ severity, code: problem.code, en: problem.en, zh: problem.zh, ...at }),
    },
    limits,
  );
  return {
    sheets,
    problems,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

/** The rows of the only sheet read, as [row number, cells]. */
export function onlySheetRows(collected: Collected): [number, readonly RawCell[]][] {
  if (collected.sheets.length !== 1) throw new Error(`expected one sheet, got ${collected.sheets.length}: ${JSON.stringify(collected.problems)}`);
  return (collected.sheets[0] as CollectedSheet).rows.map((r) => [r.row, r.cells]);
}
