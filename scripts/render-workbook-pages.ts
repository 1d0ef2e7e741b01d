/**
 * Renders an .xlsx as LibreOffice prints it, one PNG per page, so a human can look at every sheet.
 *
 *   npx tsx scripts/render-workbook-pages.ts report.xlsx outDir [--recalc] [--dpi 70]
 *
 * xlsx → PDF with LibreOffice headless (a fresh profile; with --recalc every formula is recalculated
 * on load, otherwise the cached values are shown as LibreOffice's default does) → pdftoppm -png.
 * Prints the pages of each sheet (from the PDF's bookmarks). Wide or long sheets span pages, in
 * LibreOffice's order: down, then across.
 */
import { relative } from 'node:path';
import { renderWorkbookPages } from '../test/support/office/render-pages.js';

const USAGE = 'usage: npx tsx scripts/render-workbook-pages.ts report.xlsx outDir [--recalc] [--dpi 70]';

function parseArgs(argv: readonly string[]): { path: string; outDir: string; recalc: boolean; dpi: number } {
  const positional: string[] = [];
  let recalc = false;
  let dpi = 70;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--recalc') recalc = true;
    else if (arg === '--dpi') dpi = Number(argv[++i]);
    else if (arg === '-h' || arg === '--help') throw new Error(USAGE);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else positional.push(arg);
  }
  const [path, outDir] = positional;
  if (path === undefined || outDir === undefined || positional.length !== 2) throw new Error(USAGE);
  if (!Number.isInteger(dpi)) throw new Error(`--dpi needs a whole number\n${USAGE}`);
  return { path, outDir, recalc, dpi };
}

async function main(): Promise<void> {
  const { path, outDir, recalc, dpi } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const rendered = await renderWorkbookPages(path, outDir, { dpi, recalcOnLoad: recalc ? 'always' : 'never' });
  const show = (file: string): string => {
    const near = relative(process.cwd(), file);
    return near === '' || near.startsWith('..') ? file : near;
  };
  console.log(`${show(rendered.pdf)}: ${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'} at ${dpi} dpi, ${((Date.now() - started) / 1000).toFixed(1)} s${recalc ? ', recalculated by LibreOffice' : ''}`);
  if (rendered.sheets.length === 0) {
    console.log('(the PDF has no bookmarks, so pages are not matched to sheets)');
    for (const page of rendered.pages) console.log(`  page ${page.page}: ${show(page.file)}`);
    return;
  }
  for (const sheet of rendered.sheets) {
    const pages = rendered.pages.filter((p) => p.sheet === sheet.name);
    const span = sheet.firstPage === sheet.lastPage ? `page ${sheet.firstPage}` : `pages ${sheet.firstPage}–${sheet.lastPage}`;
    console.log(`${sheet.name}: ${span}`);
    for (const page of pages) console.log(`  ${show(page.file)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
