/** The report's few styles: red for errors, orange for warnings, grey headers, highlighted cells. */
import type { Fill, Font, Row } from 'exceljs';
import type { Severity } from '../validation-report.js';

function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const SEVERITY_FONT: Readonly<Record<Severity, Partial<Font>>> = {
  error: { color: { argb: 'FFC00000' } },
  warning: { color: { argb: 'FFE26B0A' } },
};

/** Fill of a cell with a problem: light red for an error, light orange for a warning only. */
export const SEVERITY_FILL: Readonly<Record<Severity, Fill>> = {
  error: solid('FFFFC7CE'),
  warning: solid('FFFFE5CC'),
};

export const HEADER_FONT: Partial<Font> = { bold: true };
export const HEADER_FILL: Fill = solid('FFD9D9D9');
export const TITLE_FONT: Partial<Font> = { bold: true, size: 14 };

/** Styles the row's cells that hold a value (a row style would colour the whole row, empty cells too). */
export function styleCells(row: Row, font: Partial<Font>, fill?: Fill): void {
  row.eachCell((cell) => {
    cell.font = font;
    if (fill !== undefined) cell.fill = fill;
  });
}
