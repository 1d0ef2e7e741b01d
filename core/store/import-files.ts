/**
 * `import` as the user sees it: files and folders in, same-file detection by SHA-256, the
 * input layer's reading and validation, then one transaction. A file already in the knowledge
 * base is skipped (the default) or replaced; validation errors write nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { listInputFiles } from '../io/list-input-files.js';
import { readInputFiles, type ReadInputsOptions, type ValidationReport } from '../io/read-inputs.js';
import { listColumnMappings } from './column-mappings.js';
import { importInput, type ImportProgress } from './import-input.js';
import { datasetsBySha256, getImport, type DatasetInfo, type ImportSummary } from './imports-catalog.js';
import type { Store } from './open-store.js';

export interface ImportFilesOptions {
  /** Re-import files already in the knowledge base, deleting the imports that hold them. */
  readonly replace?: boolean;
  readonly read?: ReadInputsOptions;
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * The name a file is recorded and reported under (default: its path as given). Files written
   * to a temporary folder for the import are named without a path that is gone afterwards.
   */
  readonly nameOf?: (path: string) => string;
}

export interface SkippedFile {
  readonly file: string;
  /** The dataset that already holds this file's content. */
  readonly earlier: DatasetInfo;
}

export type ImportFilesResult =
  /** Errors in the files: nothing was written. */
  | { readonly status: 'invalid'; readonly report: ValidationReport; readonly skipped: readonly SkippedFile[] }
  /** Every file was already imported (skip mode): nothing was written. */
  | { readonly status: 'unchanged'; readonly skipped: readonly SkippedFile[] }
  | {
      readonly status: 'imported';
      readonly imported: ImportSummary;
      /** Imports deleted because they held a file imported again (replace mode). */
      readonly replaced: readonly ImportSummary[];
      readonly skipped: readonly SkippedFile[];
      readonly report: ValidationReport;
    };

function renamedReport(report: ValidationReport, nameOf: (path: string) => string): ValidationReport {
  const rename = <T extends { readonly file?: string }>(entry: T): T => (entry.file === undefined ? entry : { ...entry, file: nameOf(entry.file) });
  return { ...report, files: report.files.map(rename), problems: report.problems.map(rename) };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Hashes first (a fraction of a second for a 100 MB file) so that re-importing a folder already
 * imported is answered without reading a million rows.
 */
export async function importFiles(store: Store, paths: readonly string[], options: ImportFilesOptions = {}): Promise<ImportFilesResult> {
  const nameOf = options.nameOf ?? ((path: string) => path);
  const listed = await listInputFiles(paths);
  const hashed = await Promise.all(listed.files.map(async (file) => ({ file, sha256: await sha256OfFile(file) })));
  const earlier = datasetsBySha256(store, hashed.map((h) => h.sha256));
  const known = hashed.flatMap(({ file, sha256 }) => {
    const datasets = earlier.get(sha256) ?? [];
    return datasets.length === 0 ? [] : [{ file, datasets }];
  });
  const replace = options.replace === true;
  const skippedFiles = new Set(replace ? [] : known.map(({ file }) => file));
  const skipped: SkippedFile[] = replace ? [] : known.map(({ file, datasets }) => ({ file: nameOf(file), earlier: datasets[0] as DatasetInfo }));
  const toRead = listed.files.filter((file) => !skippedFiles.has(file));
  if (toRead.length === 0 && listed.problems.length === 0) return { status: 'unchanged', skipped };

  // Saved templates first: a mapping the caller passes for the same signature overrides them.
  const mappings = [...listColumnMappings(store), ...(options.read?.mappings ?? [])];
  // Paths the listing could not use go to the reader too, which reports them in its usual way.
  // A cost report or campaign list may come on its own; a run later needs usage from some import.
  const read = await readInputFiles([...toRead, ...listed.problems.map((p) => p.path)], { ...options.read, mappings, requireUsage: false });
  const report = renamedReport(read.report, nameOf);
  if (!read.ok) return { status: 'invalid', report, skipped };
  const replaceIds = [...new Set(known.flatMap(({ datasets }) => datasets.map((d) => d.importId)))];
  const replaced = replace ? replaceIds.map((id) => getImport(store, id)) : [];
  const imported = importInput(store, {
    input: read.input,
    files: report.files,
    replace: replaced.map((r) => r.id),
    onProgress: options.onProgress,
  });
  return { status: 'imported', imported, replaced, skipped, report };
}
