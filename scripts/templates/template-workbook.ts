/**
 * One blank import template: the kind's data sheet (headers only, each column formatted for
 * what goes in it, so Excel keeps leading zeros and shows money and dates right) and a 说明
 * sheet explaining every column. The 说明 sheet never puts a field name or alias alone in a
 * cell, so the importer's header detection cannot take it for a data sheet.
 */
import ExcelJS from 'exceljs';
import type { Alignment, Fill, Font, Style, Worksheet } from 'exceljs';
import type { FieldDef, FieldType } from '../../core/model/fields.js';
import { SHEET_LAYOUTS, displayWidth, type InputKind } from '../../core/sample/sheet-layouts.js';
import { withFixedZipTimes } from './fixed-zip-times.js';
import { FIELD_NOTES, KIND_NOTES, TYPE_NOTES, kindNoteLines, type FieldNote } from './template-notes.js';

export const NOTES_SHEET = '说明';
/** Written into the document properties and the zip entries, so every run gives the same bytes. */
const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));
const AUTHOR = 'Customer Value Studio';

/** Column formats: ids and months as text so Excel neither drops zeros nor turns 2026-09 into a date. */
const NUM_FMT: Readonly<Record<FieldType, string | undefined>> = {
  id: '@',
  month: '@',
  date: 'yyyy-mm-dd',
  money: '0.00',
  number: undefined,
  text: undefined,
};

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
// A font without a name falls back to the application's default face (a serif in LibreOffice).
const FONT: Partial<Font> = { name: 'Calibri', size: 11 };
const BOLD: Partial<Font> = { ...FONT, bold: true };
const REQUIRED_FILL = solid('FFF8CBAD');
const OPTIONAL_FILL = solid('FFD9E1F2');
const ENGLISH_FONT: Partial<Font> = { ...FONT, color: { argb: 'FF595959' } };
const WRAP: Partial<Alignment> = { wrapText: true, vertical: 'top' };

interface TemplateColumn {
  readonly field: FieldDef;
  readonly header: string;
  readonly width: number;
}

function columnStyle(type: FieldType): Partial<Style> {
  const numFmt = NUM_FMT[type];
  return numFmt === undefined ? {} : { numFmt };
}

function fieldNote(name: string): FieldNote {
  const note = FIELD_NOTES[name];
  if (note === undefined) throw new Error(`no template note for field ${name}`);
  return note;
}

function addDataSheet(workbook: ExcelJS.Workbook, sheetName: string, columns: readonly TemplateColumn[], required: ReadonlySet<string>): void {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // A column's style is what Excel gives the cells typed into it later.
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: columnStyle(c.field.type) }));
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.style = { font: BOLD, fill: required.has(c.field.name) ? REQUIRED_FILL : OPTIONAL_FILL, alignment: { horizontal: 'center' } };
  });
}

/** Widths of the 说明 sheet's table: column, required, format, example, 说明, Description. */
const NOTE_WIDTHS = [26, 16, 36, 20, 44, 56] as const;
const NOTE_SPAN = NOTE_WIDTHS.reduce((sum, w) => sum + w, 0);
const LINE_HEIGHT = 16;

/** Excel does not fit the height of merged or wrapped rows by itself; estimate the lines. */
function fitHeight(sheet: Worksheet, rowNumber: number, cells: readonly (readonly [text: string, width: number])[]): void {
  const lines = Math.max(
    1,
    ...cells.map(([text, width]) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / (width - 1))), 0)),
  );
  sheet.getRow(rowNumber).height = lines * LINE_HEIGHT;
}

function addNote(sheet: Worksheet, text: string, font = FONT): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, NOTE_WIDTHS.length);
  row.getCell(1).style = { alignment: WRAP, font };
  fitHeight(sheet, row.number, [[text, NOTE_SPAN]]);
}

function addNotesSheet(workbook: ExcelJS.Workbook, kind: InputKind, columns: readonly TemplateColumn[], required: ReadonlySet<string>): void {
  const { title } = KIND_NOTES[kind];
  // Printed on A4 landscape, one page wide, for whoever fills the sheets in from paper.
  const sheet = workbook.addWorksheet(NOTES_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = NOTE_WIDTHS.map((width) => ({ width }));
  sheet.addRow([`${title.zh} / ${title.en}`]).getCell(1).font = { ...BOLD, size: 14 };
  sheet.addRow([]);
  for (const note of kindNoteLines(kind, SHEET_LAYOUTS[kind].sheetName)) {
    addNote(sheet, note.zh);
    addNote(sheet, note.en, ENGLISH_FONT);
  }
  sheet.addRow([]);

  const header = sheet.addRow(['列名 / Column', '必填 / Required', '格式 / Format', '示例 / Example', '说明', 'Description']);
  header.eachCell((cell) => {
    cell.style = { font: BOLD, fill: OPTIONAL_FILL };
  });
  for (const column of columns) {
    const note = fieldNote(column.field.name);
    const type = TYPE_NOTES[column.field.type];
    const isRequired = required.has(column.field.name);
    const values = [
      `${column.header} / ${column.field.name}`,
      isRequired ? '必填\nRequired' : '可选\nOptional',
      `${type.zh}\n${type.en}`,
      note.example,
      note.zh,
      note.en,
    ];
    const row = sheet.addRow(values);
    row.eachCell((cell) => {
      cell.alignment = WRAP;
    });
    row.getCell(4).style = { ...columnStyle(column.field.type), alignment: { ...WRAP, horizontal: 'left' } };
    if (isRequired) row.getCell(2).fill = REQUIRED_FILL;
    fitHeight(sheet, row.number, values.flatMap((v, i) => (typeof v === 'string' ? [[v, NOTE_WIDTHS[i] ?? NOTE_SPAN] as const] : [])));
  }
}

function buildTemplate(kind: InputKind): ExcelJS.Workbook {
  const layout = SHEET_LAYOUTS[kind];
  const columns: readonly TemplateColumn[] = layout.columns;
  const required = new Set(KIND_NOTES[kind].required);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = AUTHOR;
  workbook.lastModifiedBy = AUTHOR;
  workbook.created = TEMPLATE_DATE;
  workbook.modified = TEMPLATE_DATE;
  workbook.title = `${layout.sheetName} 导入模板`;
  addDataSheet(workbook, layout.sheetName, columns, required);
  addNotesSheet(workbook, kind, columns, required);
  return workbook;
}

/** The template file's bytes; the same on every run. */
export async function templateBytes(kind: InputKind): Promise<Buffer> {
  const written = await buildTemplate(kind).xlsx.writeBuffer();
  return withFixedZipTimes(Buffer.from(written), TEMPLATE_DATE);
}
