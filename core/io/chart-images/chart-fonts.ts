/**
 * Which font files resvg draws the charts with. The charts name Chinese fonts first
 * (core/charts/options/chart-style.ts); resvg takes the first family of that list that its font
 * database holds, and for a character that font lacks, the first face of the database that has
 * it. So the database gets one Chinese font, found where Windows, Linux or macOS keep it, and
 * that font draws every character, Latin ones included.
 *
 * Loading the system's fonts is only the last resort: @resvg/resvg-js then reads every file of
 * the fonts folder again for each image (hundreds of files on Windows).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ChartFonts {
  /** Family name as the font declares it; empty when falling back to the system's fonts. */
  readonly family: string;
  readonly files: readonly string[];
  readonly loadSystemFonts: boolean;
}

interface Candidate {
  readonly family: string;
  /** Regular first; the bold face (titles) when the system has it. */
  readonly regular: string;
  readonly bold?: string;
}

function candidates(): Candidate[] {
  const windowsFonts = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const linuxNoto = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/share/fonts/opentype/noto-cjk'];
  return [
    // Windows: 微软雅黑 ships with every edition since Vista, 黑体 with every Chinese one.
    { family: 'Microsoft YaHei', regular: join(windowsFonts, 'msyh.ttc'), bold: join(windowsFonts, 'msyhbd.ttc') },
    { family: 'SimHei', regular: join(windowsFonts, 'simhei.ttf') },
    // Linux: Debian/Ubuntu, Arch, Fedora and other layouts of fonts-noto-cjk, then WenQuanYi.
    ...linuxNoto.map((dir): Candidate => ({ family: 'Noto Sans CJK SC', regular: join(dir, 'NotoSansCJK-Regular.ttc'), bold: join(dir, 'NotoSansCJK-Bold.ttc') })),
    { family: 'WenQuanYi Micro Hei', regular: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc' },
    // macOS.
    { family: 'PingFang SC', regular: '/System/Library/Fonts/PingFang.ttc' },
  ];
}

let found: ChartFonts | undefined;

/** Looked up once per process: the files do not move while the app runs. */
export function chartFonts(): ChartFonts {
  if (found !== undefined) return found;
  const hit = candidates().find((c) => existsSync(c.regular));
  found =
    hit === undefined
      ? { family: '', files: [], loadSystemFonts: true }
      : { family: hit.family, files: hit.bold !== undefined && existsSync(hit.bold) ? [hit.regular, hit.bold] : [hit.regular], loadSystemFonts: false };
  return found;
}
