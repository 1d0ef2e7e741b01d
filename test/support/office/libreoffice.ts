/**
 * LibreOffice headless (`soffice --convert-to`) for tests: each call runs its own soffice with a
 * fresh user profile (parallel vitest workers would otherwise fight over one profile's lock, or
 * hand their request to another worker's running instance), a hard timeout, and errors that carry
 * the command line and soffice's own output.
 *
 * Recalculation: LibreOffice does not recalculate an .xlsx on load by default — Tools ▸ Options ▸
 * LibreOffice Calc ▸ Formula ▸ "Recalculation on file load", Excel 2007 and newer: "Never
 * recalculate" — so a plain conversion just copies the cached values. The setting is
 * /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode (xs:int; 0 always, 1 never — the
 * default in share/registry/main.xcd —, 2 prompt); recalculateWithLibreOffice writes 0 into the
 * fresh profile's registrymodifications.xcu, so every formula is recalculated before the save.
 */
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DumpValue, WorkbookDump } from './openpyxl-dump.js';
import { commandLine, runProcess, tail } from './run-process.js';

export const LIBREOFFICE_TIMEOUT_MS = 180_000;

/** What LibreOffice does with an .xlsx's formulas on load (OOXMLRecalcMode). */
export type RecalcOnLoad = 'always' | 'never';
const RECALC_MODE: Readonly<Record<RecalcOnLoad, number>> = { always: 0, never: 1 };

/** `--convert-to` targets with the export filter spelled out, so no guessing by LibreOffice. */
const FILTERS: Readonly<Record<string, string>> = {
  pdf: 'pdf:calc_pdf_Export',
  xlsx: 'xlsx:Calc MS Excel 2007 XML',
  // Comma, double quote, UTF-8, from line 1, raw values (not as shown); first sheet only.
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false',
  ods: 'ods:calc8',
};

export interface ConvertOptions {
  /** Default 180 s; soffice needs ~5–15 s to start with a fresh profile. */
  readonly timeoutMs?: number;
  /** Default 'never', LibreOffice's own default: what a user opening the file sees. */
  readonly recalcOnLoad?: RecalcOnLoad;
  /** The output file's name without extension; default the input's. */
  readonly outputName?: string;
}

export function registryModifications(recalcOnLoad: RecalcOnLoad): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${RECALC_MODE[recalcOnLoad]}</value></prop></item>\n` +
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${RECALC_MODE[recalcOnLoad]}</value></prop></item>\n` +
    '</oor:items>\n'
  );
}

/**
 * Converts one file with `soffice --headless --convert-to`. `format` is an extension LibreOffice
 * knows (pdf, xlsx, csv, ods: the filter is chosen here) or a full `ext:Filter:options` spec.
 * Resolves to the written file, `outDir/<name>.<ext>`.
 */
export async function convertWithLibreOffice(path: string, format: string, outDir: string, options: ConvertOptions = {}): Promise<string> {
  const { timeoutMs = LIBREOFFICE_TIMEOUT_MS, recalcOnLoad = 'never' } = options;
  const spec = FILTERS[format] ?? format;
  const extension = spec.split(':')[0] ?? '';
  if (!/^[a-z0-9]+$/i.test(extension)) throw new RangeError(`"${format}" is not a LibreOffice --convert-to target`);
  const source = resolve(path);
  const name = options.outputName ?? basename(source, extname(source));
  const target = join(resolve(outDir), `${name}.${extension}`);
  if (target === source) throw new Error(`converting ${source} into ${outDir} would overwrite it; choose another outDir or outputName`);

  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'cvs-lo-profile-'));
  // soffice names its output after the input; a private directory keeps parallel calls apart.
  const work = await mkdtemp(join(resolve(outDir), '.soffice-'));
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), registryModifications(recalcOnLoad));
    const args = ['--headless', '--norestore', '--nologo', '--nodefault', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', spec, '--outdir', work, source];
    const result = await runProcess('soffice', args, { timeoutMs });
    const produced = await readdir(work);
    const expected = `${basename(source, extname(source))}.${extension}`;
    if (result.code !== 0 || !produced.includes(expected)) {
      const status = result.code === 0 ? `exit status 0 but no ${expected} (found: ${produced.join(', ') || 'nothing'})` : `exit status ${String(result.code)}${result.signal === null ? '' : `, signal ${result.signal}`}`;
      throw new Error(`LibreOffice could not convert ${source} to ${spec}: ${status}, after ${result.ms} ms\n${commandLine('soffice', args)}\nstderr: ${tail(result.stderr)}\nstdout: ${tail(result.stdout, 1000)}`);
    }
    await rename(join(work, expected), target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Makes LibreOffice load the .xlsx, recalculate every formula (OOXMLRecalcMode = always) and save
 * it as .xlsx again; resolves to `outDir/<name>.recalculated.xlsx`. Read it with
 * dumpWorkbook(…, { dataOnly: true }) to get LibreOffice's results.
 */
export function recalculateWithLibreOffice(path: string, outDir: string, options: Omit<ConvertOptions, 'recalcOnLoad'> = {}): Promise<string> {
  const outputName = options.outputName ?? `${basename(path, extname(path))}.recalculated`;
  return convertWithLibreOffice(path, 'xlsx', outDir, { ...options, outputName, recalcOnLoad: 'always' });
}

export interface Mismatch {
  readonly sheet: string;
  readonly ref: string;
  /** With the leading `=`. */
  readonly formula: string;
  /** The value cached in the original file. */
  readonly cached: DumpValue;
  /** LibreOffice's result; null when the recalculated file has no value there. */
  readonly recalculated: DumpValue;
}

export interface Tolerance {
  /** Default 1e-6. */
  readonly absolute?: number;
  /** Default 1e-9, of the larger magnitude. */
  readonly relative?: number;
}

/** Cached and recalculated values agree: numbers within tolerance, else equal (null ≡ ""). */
export function valuesAgree(a: DumpValue, b: DumpValue, tolerance: Tolerance = {}): boolean {
  const { absolute = 1e-6, relative = 1e-9 } = tolerance;
  const x = a === '' ? null : a;
  const y = b === '' ? null : b;
  if (typeof x === 'number' && typeof y === 'number') {
    const difference = Math.abs(x - y);
    return difference <= absolute || difference <= relative * Math.max(Math.abs(x), Math.abs(y));
  }
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') return x.date === y.date;
  return x === y;
}

/**
 * Every formula cell of `original` (a dump with formulas and cached values) whose cached value
 * differs from the value in `recalculated` (a data-only dump of recalculateWithLibreOffice's
 * output). Throws when the original has no formulas to compare (a data-only dump) or when a sheet
 * with formulas is missing from the recalculated workbook.
 */
export function compareRecalculated(original: WorkbookDump, recalculated: WorkbookDump, tolerance: Tolerance = {}): Mismatch[] {
  if (original.dataOnly) throw new Error('compareRecalculated needs the original dumped with formulas (dumpWorkbook without dataOnly)');
  const mismatches: Mismatch[] = [];
  for (const sheet of original.sheets) {
    const formulas = Object.entries(sheet.cells).filter(([, cell]) => cell.formula !== undefined);
    if (formulas.length === 0) continue;
    const other = recalculated.sheets.find((s) => s.name === sheet.name);
    if (other === undefined) throw new Error(`sheet "${sheet.name}" is missing from the recalculated workbook (it has ${recalculated.sheets.map((s) => `"${s.name}"`).join(', ')})`);
    for (const [ref, cell] of formulas) {
      const value = Object.hasOwn(other.cells, ref) ? (other.cells[ref]?.value ?? null) : null;
      if (!valuesAgree(cell.value, value, tolerance)) mismatches.push({ sheet: sheet.name, ref, formula: cell.formula ?? '', cached: cell.value, recalculated: value });
    }
  }
  return mismatches;
}

/** Mismatches as readable lines, for an assertion message. */
export function formatMismatches(mismatches: readonly Mismatch[], max = 20): string {
  const lines = mismatches.slice(0, max).map((m) => `${m.sheet}!${m.ref} ${m.formula}: cached ${JSON.stringify(m.cached)}, LibreOffice ${JSON.stringify(m.recalculated)}`);
  if (mismatches.length > max) lines.push(`… and ${mismatches.length - max} more`);
  return lines.join('\n');
}
