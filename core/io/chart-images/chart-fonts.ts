/**
 * Which font files resvg draws the charts with. The charts name Chinese fonts first
 * (core/charts/options/chart-style.ts); resvg takes the first family of that list that its font
 * database holds, and for a character that font lacks, the first face of the database that has
 * it. So the database gets one Chinese font, found where Windows, Linux or macOS keep it, and
 * that font draws every character, Latin ones included.
 *
 * resvg runs as WebAssembly (svg-to-png.ts), which cannot look at the system's fonts: it draws
 * with exactly the files chosen here. On a machine without any Chinese font a Latin one is
 * chosen instead, so that the report still gets its charts with digits and English text (the
 * Chinese characters come out as empty boxes); `coverage` tells a caller which case it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the chosen font draws: Chinese and Latin, Latin only, or nothing (no font file found: the charts have no text). */
export type FontCoverage = 'cjk' | 'latin' | 'none';

export interface ChartFonts {
  /** Family name as the font declares it; empty when no font was found. */
  readonly family: string;
  /** Regular face first, then the bold one (titles) when the system has it. */
  readonly files: readonly string[];
  readonly coverage: FontCoverage;
}

export interface FontCandidate {
  readonly family: string;
  readonly coverage: Exclude<FontCoverage, 'none'>;
  readonly regular: string;
  readonly bold?: string;
}

export function fontCandidates(windowsDir = process.env.WINDIR ?? 'C:\\Windows'): FontCandidate[] {
  const windowsFonts = join(windowsDir, 'Fonts');
  const linuxNoto = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];
  const dejaVu = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu-sans-fonts', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];
  const liberation = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation', '/usr/share/fonts/liberation-sans', '/usr/share/fonts/liberation'];
  return [
    // Windows: 微软雅黑 ships with every edition since Vista, 黑体 with every Chinese one.
    { family: 'Microsoft YaHei', coverage: 'cjk', regular: join(windowsFonts, 'msyh.ttc'), bold: join(windowsFonts, 'msyhbd.ttc') },
    { family: 'SimHei', coverage: 'cjk', regular: join(windowsFonts, 'simhei.ttf') },
    // Linux: Debian/Ubuntu, Arch, Fedora and other layouts of fonts-noto-cjk, then WenQuanYi.
    ...linuxNoto.map((dir): FontCandidate => ({ family: 'Noto Sans CJK SC', coverage: 'cjk', regular: join(dir, 'NotoSansCJK-Regular.ttc'), bold: join(dir, 'NotoSansCJK-Bold.ttc') })),
    { family: 'WenQuanYi Micro Hei', coverage: 'cjk', regular: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
    // macOS.
    { family: 'PingFang SC', coverage: 'cjk', regular: '/System/Library/Fonts/PingFang.ttc' },
    // No Chinese font: a Latin sans-serif, so that numbers, axes and English labels still draw.
    { family: 'Arial', coverage: 'latin', regular: join(windowsFonts, 'arial.ttf'), bold: join(windowsFonts, 'arialbd.ttf') },
    ...dejaVu.map((dir): FontCandidate => ({ family: 'DejaVu Sans', coverage: 'latin', regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') })),
    ...liberation.map((dir): FontCandidate => ({ family: 'Liberation Sans', coverage: 'latin', regular: join(dir, 'LiberationSans-Regular.ttf'), bold: join(dir, 'LiberationSans-Bold.ttf') })),
    { family: 'Helvetica', coverage: 'latin', regular: '/System/Library/Fonts/Helvetica.ttc' },
  ];
}

/** The first candidate whose regular face exists, with its bold face when that exists too. */
export function chooseChartFonts(candidates: readonly FontCandidate[], exists: (path: string) => boolean = existsSync): ChartFonts {
  const hit = candidates.find((c) => exists(c.regular));
  if (hit === undefined) return { family: '', files: [], coverage: 'none' };
  return { family: hit.family, files: hit.bold !== undefined && exists(hit.bold) ? [hit.regular, hit.bold] : [hit.regular], coverage: hit.coverage };
}

let found: ChartFonts | undefined;

/** Looked up once per process: the files do not move while the app runs. */
export function chartFonts(): ChartFonts {
  found ??= chooseChartFonts(fontCandidates());
  return found;
}

export interface LoadedFonts {
  /** Family that every generic family (sans-serif…) maps to; empty when there is no font. */
  readonly family: string;
  readonly buffers: readonly Uint8Array[];
}

/** Reads the files of `fonts` into memory. */
export function loadFonts(fonts: Pick<ChartFonts, 'family' | 'files'>): LoadedFonts {
  return { family: fonts.family, buffers: fonts.files.map((file) => readFileSync(file)) };
}

let loaded: LoadedFonts | undefined;

/**
 * The chosen fonts' bytes, read on first use and kept for the process: 20–40 MB for a Chinese
 * font, read once instead of per chart (or, under the native resvg-js, per glyph).
 */
export function chartFontData(): LoadedFonts {
  loaded ??= loadFonts(chartFonts());
  return loaded;
}
