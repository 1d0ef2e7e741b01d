/** Expands the user's selection (files and folders) into the CSV and workbook files to read, in a fixed order. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../model/messages.js';
import { fileIssues } from './input-messages.js';

const CSV_NAME = /\.csv$/i;
/** .xls goes to the workbook reader too, which recognises the old format and says to re-save it. */
const WORKBOOK_NAME = /\.(xlsx|xlsm|xls)$/i;
/** Excel's owner file beside an open workbook (~$name.xlsx): a few bytes, not a workbook. */
const LOCK_FILE = /^~\$/;

export function isWorkbookFile(path: string): boolean {
  return WORKBOOK_NAME.test(path);
}

function isInputName(name: string): boolean {
  return CSV_NAME.test(name) || (WORKBOOK_NAME.test(name) && !LOCK_FILE.test(name));
}

export interface ListedInputs {
  readonly files: readonly string[];
  readonly problems: readonly { readonly path: string; readonly problem: Problem }[];
}

/**
 * Files as given; a folder gives every .csv, .xlsx, .xlsm and .xls directly inside it (but not
 * Excel's ~$ lock files), sorted by name (code units).
 */
export async function listInputFiles(paths: readonly string[]): Promise<ListedInputs> {
  const files: string[] = [];
  const problems: { path: string; problem: Problem }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info === null) {
      problems.push({ path, problem: fileIssues.notFound });
    } else if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const names = entries.filter((e) => e.isFile() && isInputName(e.name)).map((e) => e.name).sort();
      if (names.length === 0) problems.push({ path, problem: fileIssues.noCsvInFolder });
      files.push(...names.map((name) => join(path, name)));
    } else if (CSV_NAME.test(path) || isWorkbookFile(path)) {
      files.push(path);
    } else {
      problems.push({ path, problem: fileIssues.unsupportedType });
    }
  }
  return { files, problems };
}
