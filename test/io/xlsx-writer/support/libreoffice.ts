/**
 * LibreOffice (soffice) headless conversions for the writer's tests. Each run gets a fresh
 * profile, so runs never share one, set to recalculate every formula on load: a stale cached
 * value then proves that LibreOffice computed the formula itself.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RECALCULATE_ALWAYS =
  '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>';

/**
 * Converts `input` into `outDir` with a --convert-to target such as `xlsx`, `pdf:calc_pdf_Export`
 * or `csv:Text - txt - csv (StarCalc):44,34,76,1`; returns the output file's path.
 */
export async function convertWithLibreOffice(input: string, target: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'xlsx-writer-lo-'));
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
    const result = await run('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', target, '--outdir', outDir, input], { timeout: 180_000 });
    const output = join(outDir, `${basename(input, extname(input))}.${target.split(':')[0] ?? ''}`);
    // soffice exits 0 even when it could not load or convert the file.
    await access(output).catch(() => {
      throw new Error(`LibreOffice wrote no ${output}: ${result.stderr}`);
    });
    return output;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
