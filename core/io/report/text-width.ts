/** Column widths that fit their contents, in Excel's units (about one Latin character each). */

/** Longer texts are not measured further: no column is that wide, and wrapped lines are estimates anyway. */
const MEASURED_CHARS = 400;
/** East Asian wide and full-width ranges, which Excel draws about two units wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(text: string): number {
  let width = 0;
  let measured = 0;
  for (const ch of text) {
    if (measured++ === MEASURED_CHARS) break;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

/** A column width for contents `width` wide, with a little padding, within [min, max]. */
export function fitWidth(width: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, width + 2));
}

/** Lines a text takes in a wrapping cell `columnWidth` wide (an estimate: Excel breaks at words). */
export function wrappedLines(text: string, columnWidth: number): number {
  const perLine = Math.max(1, columnWidth - 2);
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
}
