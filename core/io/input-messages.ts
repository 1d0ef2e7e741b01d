/**
 * The catalogue of import problems: every code the input layer reports, in Chinese and English.
 * Cell messages are constants (the location and value travel beside them in the report),
 * so coercing a million bad cells allocates no message text.
 */
import { problem, type Bilingual, type Problem } from '../model/messages.js';
import type { SheetFamily } from './mapping/detect-kind.js';

/** A row named in a message about another row: the table's name (file and sheet) and row number. */
export interface RowRef {
  readonly name: string;
  readonly row: number;
}

const FAMILY_NAMES: Readonly<Record<SheetFamily, Bilingual>> = {
  facts: { zh: '用户月度数据', en: 'customer-month facts' },
  pools: { zh: '成本池', en: 'cost pool' },
  campaigns: { zh: '营销活动', en: 'campaign' },
};

export const cellIssues = {
  formulaLike: problem(
    'cell.formula_like',
    '文本以 = + - @ 或制表符/换行开头，像公式；按文本读取，导出时也写成文本',
    'text starts with = + - @ or a tab or line break, like a formula; it is read as text and exported as text',
  ),
  invisibleCharacters: problem(
    'cell.invisible_characters',
    '文本含控制字符、零宽字符或文字方向控制符（可能被用来伪装名称）',
    'text holds control, zero-width or text-direction characters (which can disguise a name)',
  ),
  requiredEmpty: problem('cell.required_empty', '必填单元格为空', 'required cell is empty'),
  notANumber: problem(
    'cell.not_a_number',
    '不是数字（可写作 1234.56、1,234.56 或会计负数 (1,234.56)）',
    'not a number (write 1234.56, 1,234.56 or an accounting negative (1,234.56))',
  ),
  notFinite: problem('cell.not_finite', '数值超出范围', 'number out of range (not finite)'),
  outOfRange: problem('cell.out_of_range', '金额过大，无法精确到分', 'amount too large to keep exact fen'),
  numberOutOfRange: problem('cell.out_of_range', '数值过大（绝对值超过 1 万亿），应是导出错误', 'number too large (beyond ±1e12); probably an export fault'),
  negative: problem('cell.negative', '不能为负数', 'must not be negative'),
  expectedNumber: problem('cell.expected_number', '应为数字，但单元格是日期或逻辑值', 'expected a number, found a date or a boolean'),
  expectedText: problem('cell.expected_text', '应为文本，但单元格是日期或逻辑值', 'expected text, found a date or a boolean'),
  textTooLong: problem('cell.text_too_long', '文本超过 32767 个字符', 'text longer than 32,767 characters'),
  idNotInteger: problem(
    'cell.id_not_integer',
    '数字格式的编号不是非负整数',
    'a numeric id must be a non-negative integer',
  ),
  idTooLong: problem(
    'cell.id_too_long',
    '数字格式的编号超过 15 位，Excel 只保留 15 位有效数字；请把该列设为文本后重新导出',
    'numeric id has more than 15 digits and lost digits (Excel keeps 15); format the column as text and export again',
  ),
  idScientific: problem(
    'cell.id_scientific',
    '编号是科学计数法（如 8.9E+18），原编号已丢失；请把该列设为文本后重新导出',
    'id is in scientific notation (like 8.9E+18) and its digits are lost; format the column as text and export again',
  ),
  badMonth: problem(
    'cell.bad_month',
    '不是月份（应如 2026-09、202609、2026/9、2026年9月 或一个日期）',
    'not a month (write 2026-09, 202609, 2026/9, 2026年9月 or a date)',
  ),
  badDate: problem(
    'cell.bad_date',
    '不是日期（应如 2026-09-01、2026/9/1、20260901 或 2026年9月1日）',
    'not a date (write 2026-09-01, 2026/9/1, 20260901 or 2026年9月1日)',
  ),
  badDay: problem('cell.bad_day', '日期不存在（该月没有这一天）', 'no such day in that month'),
  badScope: problem(
    'cell.bad_scope',
    '分摊范围应为空或“字段=值”（如 branch=郑州）',
    'scope must be empty or field=value (like branch=郑州)',
  ),
  unknownScopeField: problem(
    'cell.unknown_scope_field',
    '分摊范围的字段须为 branch、brand、plan、channel（或 分公司、品牌、资费套餐、渠道）',
    'the scope field must be branch, brand, plan or channel (or 分公司, 品牌, 资费套餐, 渠道)',
  ),
} as const;

export const rowIssues = {
  duplicateKey: (firstRow: number): Problem =>
    problem(
      'row.duplicate_key',
      `同一表中用户编号+月份重复（第${firstRow}行已有）；若应合计，请选择“合计相同键的行”`,
      `customer_id + month repeats within the table (already on row ${firstRow}); choose "sum rows with the same key" if they should add up`,
    ),
  fieldConflict: (field: string, otherFile: string): Problem =>
    problem(
      'row.field_conflict',
      `该用户该月的 ${field} 已由 ${otherFile} 提供，一个字段只能来自一个表`,
      `${field} for this customer-month is also supplied by ${otherFile}; a field may come from one table only`,
    ),
  valuesDisagree: (field: string, previous: string): Problem =>
    problem(
      'row.values_disagree',
      `合计相同键的行时 ${field} 须一致（之前的行为“${previous}”）`,
      `when summing rows with the same key, ${field} must agree (an earlier row has "${previous}")`,
    ),
  duplicatePool: (pool: string, month: string, other: RowRef): Problem =>
    problem(
      'row.duplicate_pool',
      `成本池“${pool}”在 ${month} 重复（另见 ${other.name} 第${other.row}行）`,
      `cost pool "${pool}" appears twice for ${month} (also ${other.name} row ${other.row})`,
    ),
  duplicateParticipant: (customerId: string, campaign: string, other: RowRef): Problem =>
    problem(
      'row.duplicate_participant',
      `用户 ${customerId} 在营销活动“${campaign}”中重复（另见 ${other.name} 第${other.row}行）`,
      `customer ${customerId} appears twice in campaign "${campaign}" (also ${other.name} row ${other.row})`,
    ),
  extraCells: (headerWidth: number): Problem =>
    problem(
      'row.extra_cells',
      `表头只有 ${headerWidth} 列，本行在其右侧还有值；含逗号的数值须加引号`,
      `the header has ${headerWidth} columns but this row has values beyond them; quote values that contain commas`,
    ),
  csvSyntax: (line: number, reason: Bilingual): Problem =>
    problem('row.csv_syntax', `CSV 格式错误（文本第${line}行）：${reason.zh}`, `malformed CSV (line ${line}): ${reason.en}`),
};

/** csv-parse error codes worth explaining; others fall back to the parser's own message. */
export const csvSyntaxReasons: Readonly<Record<string, Bilingual>> = {
  CSV_QUOTE_NOT_CLOSED: { zh: '引号没有闭合', en: 'a quote is never closed' },
  CSV_INVALID_CLOSING_QUOTE: {
    zh: '右引号后紧跟其他字符（单元格内的引号须写成两个 ""）',
    en: 'a closing quote is followed by other characters (write a quote inside a cell as "")',
  },
  INVALID_OPENING_QUOTE: {
    zh: '引号出现在单元格中间（单元格内的引号须写成两个 ""，整个单元格加引号）',
    en: 'a quote in the middle of an unquoted cell (quote the cell and write the quote as "")',
  },
};

export const tableIssues = {
  headerNotFound: (rows: number): Problem =>
    problem(
      'header.not_found',
      `前 ${rows} 行中找不到表头（至少两列须是已知字段名，如 customer_id、月份）`,
      `no header row in the first ${rows} rows (at least two cells must be known field names, like customer_id or 月份)`,
    ),
  sheetWithoutHeader: (rows: number): Problem =>
    problem(
      'header.sheet_ignored',
      `前 ${rows} 行中没有已知字段名，此工作表不是数据表，已忽略（如“说明”页）`,
      `no known field names in the first ${rows} rows; this sheet is not a data table and was ignored (like a 说明 sheet)`,
    ),
  unusedCellProblem: (problem0: Problem): Problem =>
    problem(problem0.code, `${problem0.zh}（此列未用于计算，已忽略）`, `${problem0.en} (this column is not used, so it was ignored)`),
  headerBelowTitle: (row: number): Problem =>
    problem('header.below_title', `表头在第${row}行，上方各行已忽略`, `header found on row ${row}; the rows above it are ignored`),
  duplicateField: (field: string, otherHeader: string, otherColumnNumber: number): Problem =>
    problem(
      'header.duplicate_field',
      `两列都对应字段 ${field}（另一列为第${otherColumnNumber}列「${otherHeader}」）`,
      `two columns map to field ${field} (the other is column ${otherColumnNumber} "${otherHeader}")`,
    ),
  unknownColumn: problem('header.unknown_column', '不认识的列，已忽略', 'unknown column, ignored'),
  normalizedHeaders: (list: string): Problem =>
    problem(
      'header.normalized',
      `以下表头经规范化（大小写、空格、全角半角）后才识别：${list}`,
      `these headers were recognised only after normalising case, spaces and full-width forms: ${list}`,
    ),
  unusedColumn: (family: SheetFamily): Problem =>
    problem(
      'header.unused_column',
      `${FAMILY_NAMES[family].zh}表不使用此列，已忽略`,
      `column not used in a ${FAMILY_NAMES[family].en} sheet, ignored`,
    ),
  columnMissing: (field: string, aliases: readonly string[]): Problem => {
    const names = aliases.length === 0 ? field : `${field}（${aliases.join('、')}）`;
    return problem('header.column_missing', `缺少列 ${names}`, `column ${field} missing${aliases.length === 0 ? '' : ` (${aliases.join(', ')})`}`);
  },
  kindUnknown: (recognised: readonly string[]): Problem =>
    problem(
      'kind.unknown',
      `无法判断表的类型（用量、结算、个别成本、信用、成本池或营销活动）；认出的列：${recognised.join('、') || '无'}`,
      `cannot tell what this sheet holds (usage, settlement, individual costs, credit, cost pools or campaigns); recognised columns: ${recognised.join(', ') || 'none'}`,
    ),
  kindAmbiguous: (families: readonly SheetFamily[]): Problem =>
    problem(
      'kind.ambiguous',
      `一张表里混有不同类型的列（${families.map((f) => FAMILY_NAMES[f].zh).join('、')}）；请分成不同的表`,
      `the sheet mixes columns of different kinds (${families.map((f) => FAMILY_NAMES[f].en).join(', ')}); split it into separate sheets`,
    ),
  blankRows: (count: number, firstRow: number): Problem =>
    problem(
      'table.blank_rows',
      `数据中间有 ${count} 个空行（第一个在第${firstRow}行），已跳过`,
      `${count} blank rows inside the data (the first on row ${firstRow}) skipped`,
    ),
  noDataRows: problem('table.no_data_rows', '表头下没有数据行', 'no data rows below the header'),
};

export const fileIssues = {
  notFound: problem('file.not_found', '找不到文件或文件夹', 'file or folder not found'),
  readFailed: (detail: string): Problem => problem('file.read_failed', `无法读取文件：${detail}`, `cannot read the file: ${detail}`),
  empty: problem('file.empty', '文件是空的', 'file is empty'),
  unsupportedType: problem('file.unsupported_type', '只支持 .csv、.xlsx 和 .xlsm 文件', 'only .csv, .xlsx and .xlsm files are supported'),
  unknownEncoding: problem(
    'file.unknown_encoding',
    '文件编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）；请另存为 UTF-8 CSV',
    'unknown text encoding (neither UTF-8 nor GBK/GB18030); save the file as UTF-8 CSV',
  ),
  badUtf8: problem(
    'file.bad_utf8',
    '文件以 UTF-8 标记开头，但含有无效的 UTF-8 字节',
    'the file starts with a UTF-8 byte order mark but holds invalid UTF-8',
  ),
  duplicate: (other: string): Problem =>
    problem('file.duplicate', `与 ${other} 内容相同，已跳过`, `same content as ${other}; skipped`),
  noCsvInFolder: problem('file.no_csv_in_folder', '文件夹中没有 .csv 或 .xlsx 文件', 'the folder holds no .csv or .xlsx files'),
};

export const inputIssues = {
  noInputs: problem('input.no_inputs', '没有可读取的输入', 'no inputs to read'),
  noUsage: (tablesRead: string): Problem =>
    problem(
      'input.no_usage',
      `没有用量表（含 billed_revenue/应收费用 列的表）；已读取：${tablesRead}`,
      `no usage sheet (a sheet with a billed_revenue / 应收费用 column); read: ${tablesRead}`,
    ),
  noUsageRows: problem('input.no_usage_rows', '用量表中没有数据行', 'the usage sheets hold no data rows'),
  rowsWithoutUsage: (rows: number): Problem =>
    problem(
      'input.rows_without_usage',
      `${rows} 行数据所属的用户-月份在用量表中没有记录，已忽略`,
      `${rows} rows belong to customer-months that have no usage row and were ignored`,
    ),
};

const MiB = 1024 * 1024;

function size(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${Math.round(bytes / (1024 * MiB))} GiB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} bytes`;
}

/**
 * Problems of the .xlsx reader. Part names are zip entry names (xl/worksheets/sheet1.xml);
 * cell problems name the cell by location (row, column letters and number) beside the message.
 */
export const workbookIssues = {
  notXlsxText: problem(
    'xlsx.not_xlsx_text',
    '不是 Excel .xlsx 文件（看起来是 CSV 或 HTML）；请在 Excel 中另存为 .xlsx',
    'Not an Excel .xlsx file (looks like CSV/HTML); re-save as .xlsx',
  ),
  notXlsx: problem('xlsx.not_xlsx', '不是 Excel .xlsx 文件；请在 Excel 中另存为 .xlsx', 'Not an Excel .xlsx file; re-save as .xlsx'),
  oldXls: problem('xlsx.old_xls', '不支持旧的 .xls 格式；请另存为 .xlsx', 'Old .xls format not supported; save as .xlsx'),
  encrypted: problem(
    'xlsx.encrypted',
    '工作簿有密码保护；请取消密码后另存为 .xlsx',
    'Workbook is password-protected; remove the password and save it again',
  ),
  truncated: problem('xlsx.truncated', '文件已损坏（不完整），请重新下载或导出', 'File is damaged (truncated); download or export it again'),
  damagedPart: (part: string, reason: Bilingual): Problem =>
    problem('xlsx.damaged', `文件已损坏：${part} ${reason.zh}`, `File is damaged: ${part} ${reason.en}`),
  zip64: problem(
    'xlsx.zip64',
    '文件使用 zip64 格式（超过 4 GB），不支持',
    'the file uses the zip64 format (over 4 GB), which is not supported',
  ),
  tooManyParts: (limit: number): Problem =>
    problem('xlsx.too_many_parts', `文件包含的部件过多（超过 ${limit} 个）`, `too many parts in the file (more than ${limit})`),
  duplicatePart: (name: string): Problem =>
    problem('xlsx.duplicate_part', `文件中有多个名为 ${name} 的部件`, `more than 1 part with the name ${name}`),
  badPartName: (name: string): Problem =>
    problem('xlsx.bad_part_name', `部件名不合法（绝对路径或含 ..）：${name}`, `invalid part name (absolute or containing ..): ${name}`),
  unsupportedCompression: (part: string, method: number): Problem =>
    problem('xlsx.unsupported_compression', `${part} 使用了不支持的压缩方式 ${method}`, `${part} uses unsupported compression method ${method}`),
  encryptedPart: (part: string): Problem =>
    problem('xlsx.encrypted_part', `${part} 已加密，无法读取`, `${part} is encrypted and cannot be read`),
  partTooLarge: (part: string, limit: number): Problem =>
    problem('xlsx.part_too_large', `${part} 解压后超过 ${size(limit)}`, `${part} inflates to more than ${size(limit)}`),
  totalTooLarge: (part: string, limit: number): Problem =>
    problem(
      'xlsx.total_too_large',
      `读到 ${part} 时解压总量超过 ${size(limit)}`,
      `the parts inflate to more than ${size(limit)} in total (reached in ${part})`,
    ),
  compressionRatio: (part: string): Problem =>
    problem(
      'xlsx.compression_ratio',
      `${part} 的压缩比低于 1%（解压后膨胀超过 100 倍），疑似压缩炸弹`,
      `${part} has a compression ratio below 1% (it expands more than 100 times): possibly a zip bomb`,
    ),
  dtd: (part: string): Problem =>
    problem('xlsx.dtd', `${part} 含 DTD（<!DOCTYPE>），不支持的 XML`, `unsupported XML (DTD) in ${part}`),
  malformedXml: (part: string, reason: Bilingual, line: number, column: number): Problem =>
    problem(
      'xlsx.malformed_xml',
      `${part} 的 XML 格式错误（第${line}行第${column}列）：${reason.zh}`,
      `malformed XML in ${part} (line ${line}, column ${column}): ${reason.en}`,
    ),
  structureMissing: (detail: Bilingual): Problem =>
    problem('xlsx.structure_missing', `工作簿结构缺失：${detail.zh}`, `workbook structure missing: ${detail.en}`),
  sharedStringsLimit: (limit: number, what: Bilingual): Problem =>
    problem(
      'xlsx.shared_strings_limit',
      `共享字符串的${what.zh}超过 ${limit.toLocaleString('en-US')}`,
      `the shared strings hold more than ${limit.toLocaleString('en-US')} ${what.en}`,
    ),
  macrosIgnored: problem('xlsx.macros_ignored', '工作簿含宏，宏已忽略（从不运行）', 'macros ignored (never run)'),
  externalLinks: problem(
    'xlsx.external_links',
    '工作簿链接了其他工作簿；使用保存时的缓存值，不会刷新',
    'the workbook links to other workbooks; their cached values are used, never refreshed',
  ),
  hiddenSheet: (sheet: string): Problem =>
    problem('xlsx.hidden_sheet', `隐藏的工作表“${sheet}”已忽略`, `hidden sheet '${sheet}' ignored`),
  notWorksheet: (sheet: string): Problem =>
    problem('xlsx.not_worksheet', `“${sheet}”不是数据工作表（图表、宏或对话框表），已忽略`, `sheet '${sheet}' is not a worksheet (chart, macro or dialog sheet); ignored`),
  hiddenRows: (count: number): Problem =>
    problem(
      'xlsx.hidden_rows',
      `${count} 个隐藏或被筛选隐藏的行已照常读取`,
      `${count} hidden or filtered-out rows were read like the others`,
    ),
  mergedRows: (range: string): Problem =>
    problem(
      'xlsx.merged_rows',
      `单元格 ${range} 跨行合并：只有首行有值，其余行在此处为空；请取消合并并向下填充`,
      `cells ${range} are merged across rows: only the first row holds the value, the others are empty there; unmerge and fill down`,
    ),
  outsideGrid: (cell: string): Problem =>
    problem('xlsx.outside_grid', `单元格 ${cell} 超出 Excel 的表格范围`, `cell ${cell} outside Excel's grid`),
  rowsOutOfOrder: problem('xlsx.rows_out_of_order', '行号没有递增（文件已损坏）', 'row numbers do not increase (the file is damaged)'),
  formulaNoValue: problem(
    'xlsx.formula_no_value',
    '公式没有计算结果；请在 Excel 中打开并保存后再导入',
    'formula has no computed value; open and save it in Excel, then import again',
  ),
  errorValue: problem('xlsx.error_value', '单元格是 Excel 错误值；请在工作簿中修正', 'the cell holds an Excel error value; fix it in the workbook'),
  externalFormula: problem(
    'xlsx.external_formula',
    '公式引用其他工作簿或 DDE 链接；使用缓存值，不会重新计算',
    'formula refers to another workbook or a DDE link; its cached value is used, never recalculated',
  ),
  phantomLeapDay: problem(
    'xlsx.phantom_leap_day',
    '日期序号 60 即 1900-02-29，这一天不存在（Excel 的闰年错误）',
    'date serial 60 is 29 Feb 1900, a day that does not exist (an Excel leap-year bug)',
  ),
  dateOutOfRange: problem(
    'xlsx.date_out_of_range',
    '日期序号超出范围（早于 1900-01-01 或晚于 9999-12-31）',
    'date serial out of range (before 1900-01-01 or after 9999-12-31)',
  ),
  badCellValue: problem('xlsx.bad_cell_value', '单元格的值与其类型不符（文件已损坏）', 'the cell value does not match its type (the file is damaged)'),
  badSharedString: problem(
    'xlsx.bad_shared_string',
    '单元格引用了不存在的共享字符串（文件已损坏）',
    'the cell refers to a shared string that does not exist (the file is damaged)',
  ),
};
