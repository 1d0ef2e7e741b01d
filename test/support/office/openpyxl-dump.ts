/**
 * Reads an .xlsx with openpyxl (Debian's python3-openpyxl), an independent reader of our exports,
 * through dump_workbook.py beside this file. The JSON it prints is validated before use.
 *
 *   const dump = await dumpWorkbook(path);                      // formulas + cached values
 *   const cached = await dumpWorkbook(path, { dataOnly: true }); // cached values only
 *
 * Dates come as { date: ISO text } (openpyxl turns date-formatted numbers into datetimes);
 * non-finite numbers as null; colours as openpyxl's ARGB text (FF1F3864). openpyxl drops the
 * `_xlnm._FilterDatabase` names (see autoFilter instead) and print areas/titles from definedNames.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ProcessError, runChecked, runProcess, tail } from './run-process.js';

const SCRIPT = fileURLToPath(new URL('./dump_workbook.py', import.meta.url));
const DEFAULT_TIMEOUT_MS = 180_000;

const DumpValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null(), z.strictObject({ date: z.string() })]);

const DumpCellSchema = z.strictObject({
  /** The cached value when the cell holds a formula (null when it has none). */
  value: DumpValueSchema,
  /** With the leading `=`; only in a dump made without dataOnly. */
  formula: z.string().optional(),
  numberFormat: z.string(),
  /** ARGB, only for explicit RGB colours (not theme ones). */
  fontColor: z.string().optional(),
  /** ARGB of a solid fill. */
  fill: z.string().optional(),
  bold: z.literal(true).optional(),
  comment: z.string().optional(),
});

const DumpSheetSchema = z.strictObject({
  name: z.string(),
  maxRow: z.number().int(),
  maxColumn: z.number().int(),
  /** openpyxl's ws.freeze_panes: the top-left cell of the scrolling pane, e.g. "A2". */
  frozen: z.string().nullable(),
  autoFilter: z.string().nullable(),
  /** Cells with a value or a comment, by A1 reference. */
  cells: z.record(z.string(), DumpCellSchema),
  /** In characters, per column letter, for columns with a <col> entry. */
  columnWidths: z.record(z.string(), z.number()),
  images: z.number().int(),
  mergedCells: z.array(z.string()),
});

const Text = z.string().nullable();
const PropertiesSchema = z.strictObject({
  title: Text,
  subject: Text,
  creator: Text,
  keywords: Text,
  description: Text,
  lastModifiedBy: Text,
  category: Text,
  /** ISO date-times. */
  created: Text,
  modified: Text,
  language: Text,
  identifier: Text,
  version: Text,
  revision: Text,
  contentStatus: Text,
});

const WorkbookDumpSchema = z.strictObject({
  /** true: values only (data_only=True); false: formulas with their cached values. */
  dataOnly: z.boolean(),
  /** The rows read per sheet were capped at this (maxRow still tells the sheet's real size). */
  maxRows: z.number().int().nullable(),
  sheets: z.array(DumpSheetSchema),
  /** The package's core properties; all null when it has none (docProps/core.xml). */
  properties: PropertiesSchema,
  /** Workbook names → refersTo; sheet-scoped ones as `Sheet!name`. */
  definedNames: z.record(z.string(), z.string()),
});

export type DumpValue = z.infer<typeof DumpValueSchema>;
export type DumpCell = z.infer<typeof DumpCellSchema>;
export type DumpSheet = z.infer<typeof DumpSheetSchema>;
export type WorkbookDump = z.infer<typeof WorkbookDumpSchema>;

export interface DumpOptions {
  /** Cached values only, one load (faster); without it each formula cell has formula and cached value. */
  readonly dataOnly?: boolean;
  /** Reads at most this many rows of each sheet (big files). */
  readonly maxRows?: number;
  readonly timeoutMs?: number;
}

let pythonPromise: Promise<string> | undefined;

/** /usr/bin/python3 when it imports openpyxl (an earlier python3 on PATH may lack it), else python3. */
export function openpyxlPython(): Promise<string> {
  pythonPromise ??= (async () => {
    const tried: string[] = [];
    for (const candidate of ['/usr/bin/python3', 'python3']) {
      try {
        const result = await runProcess(candidate, ['-c', 'import openpyxl'], { timeoutMs: 60_000 });
        if (result.code === 0) return candidate;
        tried.push(`${candidate}: ${tail(result.stderr, 300)}`);
      } catch (error) {
        tried.push(`${candidate}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    throw new Error(`no python3 with openpyxl (install python3-openpyxl):\n${tried.join('\n')}`);
  })();
  return pythonPromise;
}

/** Validates the dump script's JSON; the error names the first offending paths. */
export function parseWorkbookDump(json: string): WorkbookDump {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new Error(`dump_workbook.py printed no valid JSON (${error instanceof Error ? error.message : String(error)}): ${tail(json, 500)}`);
  }
  const parsed = WorkbookDumpSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`dump_workbook.py printed unexpected JSON:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

export async function dumpWorkbook(path: string, options: DumpOptions = {}): Promise<WorkbookDump> {
  const { dataOnly = false, maxRows, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (maxRows !== undefined && !(Number.isInteger(maxRows) && maxRows >= 1)) throw new RangeError('maxRows must be a whole number ≥ 1');
  const args = [SCRIPT, path, ...(dataOnly ? ['--data-only'] : []), ...(maxRows === undefined ? [] : ['--max-rows', String(maxRows)])];
  const python = await openpyxlPython();
  try {
    const result = await runChecked(python, args, { timeoutMs, env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1' } });
    return parseWorkbookDump(result.stdout);
  } catch (error) {
    if (error instanceof ProcessError) throw new Error(`openpyxl could not dump ${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** A sheet of the dump by name; throws, listing the sheets, when it is missing. */
export function dumpSheet(dump: WorkbookDump, name: string): DumpSheet {
  const sheet = dump.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`sheet "${name}" is not in the workbook (it has ${dump.sheets.map((s) => `"${s.name}"`).join(', ')})`);
  return sheet;
}
