/** Every text the exported validation report writes, in both languages; the export picks one. */
import type { Bilingual, Lang } from '../../model/messages.js';

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export const reportTexts = {
  problemsSheet: { zh: '问题清单', en: 'Problems' },
  title: { zh: '校验报告', en: 'Validation report' },
  summary: (tables: number, rows: number, errors: number, warnings: number, omitted: number): Bilingual => ({
    zh: `读取 ${count(tables)} 个表（文件/工作表），${count(rows)} 行数据；错误 ${count(errors)} 个，警告 ${count(warnings)} 个；超出上限未列出的问题 ${count(omitted)} 个`,
    en: `${count(tables)} tables (files/sheets) read, ${count(rows)} data rows; ${count(errors)} errors, ${count(warnings)} warnings; ${count(omitted)} problems beyond the cap not listed`,
  }),
  columns: {
    severity: { zh: '严重程度', en: 'Severity' },
    file: { zh: '文件', en: 'File' },
    sheet: { zh: '工作表', en: 'Sheet' },
    row: { zh: '行', en: 'Row' },
    column: { zh: '列', en: 'Column' },
    code: { zh: '代码', en: 'Code' },
    message: { zh: '说明', en: 'Message' },
    /** Heads the column holding the message in the language not chosen. */
    otherMessage: { zh: '说明（英文）', en: 'Message (Chinese)' },
    value: { zh: '值', en: 'Value' },
  },
  severity: {
    error: { zh: '错误', en: 'Error' },
    warning: { zh: '警告', en: 'Warning' },
  },
  /** Column A of a sheet of original rows. */
  originalRow: { zh: '原行号', en: 'Row' },
  /** The column added after the original cells. */
  rowProblems: { zh: '错误', en: 'Problems' },
  columnPrefix: (label: string): Bilingual => ({ zh: `列 ${label}：`, en: `Column ${label}: ` }),
  warningPrefix: { zh: '（警告）', en: '(warning) ' },
  notes: {
    capped: (sheet: string, file: string, rows: number, cap: number): Bilingual => ({
      zh: `工作表「${sheet}」：${file} 有 ${count(rows)} 行，超过 ${count(cap)} 行，只列出表头及其以上各行和有问题的行`,
      en: `Sheet "${sheet}": ${file} has ${count(rows)} rows, more than ${count(cap)}, so only the header (and the rows above it) and the rows with problems are listed`,
    }),
    changed: (file: string): Bilingual => ({
      zh: `${file} 在校验后已改变，未复制其原始行（请重新校验）`,
      en: `${file} has changed since it was validated; its original rows were not copied (validate again)`,
    }),
    unreadable: (file: string): Bilingual => ({
      zh: `${file} 无法再次读取，未复制其原始行`,
      en: `${file} could not be read again; its original rows were not copied`,
    }),
    columnsCut: (sheet: string, kept: number): Bilingual => ({
      zh: `工作表「${sheet}」：只复制了前 ${count(kept)} 列（Excel 每个工作表最多 16,384 列）`,
      en: `Sheet "${sheet}": only the first ${count(kept)} columns were copied (Excel has at most 16,384 columns per sheet)`,
    }),
  },
} as const;
