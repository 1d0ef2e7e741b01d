/** Which font files the charts are drawn with, on Windows and Linux layouts, with and without a Chinese font. */
import { describe, expect, it } from 'vitest';
import { chooseChartFonts, fontCandidates } from '../../core/io/chart-images/chart-fonts.js';

const WIN = 'C:\\Windows';
const candidates = fontCandidates(WIN);
const winFont = (file: string): string => candidates.flatMap((c) => [c.regular, c.bold ?? '']).find((p) => p.endsWith(file)) ?? `missing ${file}`;

function choose(files: readonly string[]): ReturnType<typeof chooseChartFonts> {
  const present = new Set(files);
  return chooseChartFonts(candidates, (path) => present.has(path));
}

describe('chooseChartFonts', () => {
  it('takes Microsoft YaHei on Windows, with its bold face for the titles', () => {
    expect(choose([winFont('msyh.ttc'), winFont('msyhbd.ttc'), winFont('simhei.ttf'), winFont('arial.ttf')])).toEqual({
      family: 'Microsoft YaHei',
      files: [winFont('msyh.ttc'), winFont('msyhbd.ttc')],
      coverage: 'cjk',
    });
  });

  it('falls back to SimHei, which has no bold file', () => {
    expect(choose([winFont('simhei.ttf'), winFont('arial.ttf')])).toEqual({ family: 'SimHei', files: [winFont('simhei.ttf')], coverage: 'cjk' });
  });

  it('takes Noto Sans CJK SC on Linux before WenQuanYi, and the regular face alone when the bold one is missing', () => {
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    const wqy = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
    expect(choose([noto, wqy])).toEqual({ family: 'Noto Sans CJK SC', files: [noto], coverage: 'cjk' });
    expect(choose([wqy, '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'])).toEqual({ family: 'WenQuanYi Micro Hei', files: [wqy], coverage: 'cjk' });
  });

  it('takes a Latin font when there is no Chinese one: Arial on Windows, DejaVu Sans on Linux', () => {
    expect(choose([winFont('arial.ttf'), winFont('arialbd.ttf')])).toEqual({ family: 'Arial', files: [winFont('arial.ttf'), winFont('arialbd.ttf')], coverage: 'latin' });
    const dejaVu = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
    expect(choose(dejaVu)).toEqual({ family: 'DejaVu Sans', files: dejaVu, coverage: 'latin' });
  });

  it('finds nothing, and says so, when no candidate exists', () => {
    expect(choose([])).toEqual({ family: '', files: [], coverage: 'none' });
  });

  it('puts every Chinese font before every Latin one', () => {
    const firstLatin = candidates.findIndex((c) => c.coverage === 'latin');
    expect(firstLatin).toBeGreaterThan(0);
    expect(candidates.slice(firstLatin).every((c) => c.coverage === 'latin')).toBe(true);
  });
});
