/**
 * What LibreOffice prints: .xlsx → PDF (LibreOffice headless) → one PNG per page (pdftoppm), with
 * the pages of each sheet. The PDF is exported with bookmarks, which for Calc are the sheets and
 * their first pages; `pdftohtml -xml` reads that outline back.
 */
import { readdir, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { convertWithLibreOffice, type RecalcOnLoad } from './libreoffice.js';
import { runChecked } from './run-process.js';

const PDF_WITH_BOOKMARKS = 'pdf:calc_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}';
const POPPLER_TIMEOUT_MS = 180_000;

export interface RenderOptions {
  /** pdftoppm resolution; default 70 dpi. */
  readonly dpi?: number;
  /** Default 'never' (LibreOffice's default: the cached values are shown); 'always' recalculates first. */
  readonly recalcOnLoad?: RecalcOnLoad;
  readonly timeoutMs?: number;
}

export interface RenderedPage {
  /** 1-based. */
  readonly page: number;
  readonly file: string;
  /** The sheet the page belongs to; null if the PDF has no outline to tell. */
  readonly sheet: string | null;
}

export interface RenderedSheet {
  readonly name: string;
  readonly firstPage: number;
  readonly lastPage: number;
}

export interface RenderedWorkbook {
  readonly pdf: string;
  readonly pageCount: number;
  readonly pages: readonly RenderedPage[];
  /** In print order; empty when the PDF has no outline. */
  readonly sheets: readonly RenderedSheet[];
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

/** The top-level outline items of `pdftohtml -xml` output: [title, page]. */
export function parseOutline(xml: string): { readonly title: string; readonly page: number }[] {
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const items: { title: string; page: number }[] = [];
  let depth = 0;
  const token = /<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g;
  token.lastIndex = start;
  for (let match = token.exec(xml); match !== null; match = token.exec(xml)) {
    if (match[0] === '<outline>') depth++;
    else if (match[0] === '</outline>') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && match[1] !== undefined && match[2] !== undefined) items.push({ title: decodeXml(match[2]), page: Number(match[1]) });
  }
  return items;
}

/** Renders every page of the workbook as LibreOffice prints it into outDir as `<name>-<page>.png`. */
export async function renderWorkbookPages(path: string, outDir: string, options: RenderOptions = {}): Promise<RenderedWorkbook> {
  const { dpi = 70, recalcOnLoad = 'never', timeoutMs = POPPLER_TIMEOUT_MS } = options;
  if (!Number.isInteger(dpi) || dpi < 10 || dpi > 600) throw new RangeError('dpi must be a whole number in 10 … 600');
  const pdf = await convertWithLibreOffice(path, PDF_WITH_BOOKMARKS, outDir, { recalcOnLoad, timeoutMs });
  const stem = basename(pdf, extname(pdf));
  // pdftoppm pads the page number to the width of the page count: name-1.png or name-01.png …
  const pagePattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  // Pages of an earlier rendering would be taken for this one's.
  for (const entry of await readdir(outDir)) if (pagePattern.test(entry)) await rm(join(outDir, entry), { force: true });
  await runChecked('pdftoppm', ['-png', '-r', String(dpi), pdf, join(outDir, stem)], { timeoutMs });
  const files = new Map<number, string>();
  for (const entry of await readdir(outDir)) {
    const match = pagePattern.exec(entry);
    if (match?.[1] !== undefined) files.set(Number(match[1]), join(outDir, entry));
  }
  const pageCount = files.size;
  const outline = parseOutline((await runChecked('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-f', '1', '-l', '1', pdf], { timeoutMs })).stdout);
  const sheets: RenderedSheet[] = outline.map((item, index) => ({ name: item.title, firstPage: item.page, lastPage: (outline[index + 1]?.page ?? pageCount + 1) - 1 }));
  const pages: RenderedPage[] = [...files.entries()]
    .sort(([a], [b]) => a - b)
    .map(([page, file]) => ({ page, file, sheet: sheets.find((s) => s.firstPage <= page && page <= s.lastPage)?.name ?? null }));
  return { pdf, pageCount, pages, sheets };
}
