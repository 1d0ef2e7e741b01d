/** The committed import templates: layout, formats, the 说明 sheet, and that they are current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMPAIGN_FIELDS, FACT_FIELDS, POOL_FIELDS, normalizeHeader, type FieldDef } from '../../core/model/fields.js';
import { displayWidth, INPUT_KINDS, type InputKind } from '../../core/sample/sheet-layouts.js';
import { NOTES_SHEET, templateBytes } from '../../scripts/templates/template-workbook.js';
import { REPO_ROOT } from '../support/paths.js';

const TEMPLATES = join(REPO_ROOT, 'resources/templates');

interface Expected {
  readonly file: string;
  readonly sheet: string;
  readonly defs: readonly FieldDef[];
  readonly fields: readonly string[];
  readonly required: readonly string[];
}

/** Written out here rather than taken from sheet-layouts.ts, so a change there must be deliberate. */
const EXPECTED: Readonly<Record<InputKind, Expected>> = {
  usage: {
    file: 'usage.xlsx',
    sheet: '用量账单',
    defs: FACT_FIELDS,
    fields: ['customer_id', 'month', 'billed_revenue', 'branch', 'channel', 'brand', 'plan', 'segment', 'join_date', 'minutes', 'data_mb', 'sms', 'vas_count'],
    required: ['customer_id', 'month', 'billed_revenue'],
  },
  settlement: {
    file: 'settlement.xlsx',
    sheet: '结算明细',
    defs: FACT_FIELDS,
    fields: ['customer_id', 'month', 'settlement_income', 'settlement_cost_inter', 'settlement_cost_intra'],
    required: ['customer_id', 'month'],
  },
  individual_costs: {
    file: 'individual_costs.xlsx',
    sheet: '个人成本',
    defs: FACT_FIELDS,
    fields: ['customer_id', 'month', 'commission', 'marketing_discount', 'handset_subsidy', 'points_cost'],
    required: ['customer_id', 'month'],
  },
  credit: {
    file: 'credit.xlsx',
    sheet: '信用记录',
    defs: FACT_FIELDS,
    fields: ['customer_id', 'month', 'suspension_count', 'suspension_days', 'arrears'],
    required: ['customer_id', 'month'],
  },
  cost_pools: {
    file: 'cost_pools.xlsx',
    sheet: '成本池',
    defs: POOL_FIELDS,
    fields: ['pool', 'month', 'amount', 'scope'],
    required: ['pool', 'month', 'amount'],
  },
  campaigns: {
    file: 'campaigns.xlsx',
    sheet: '营销活动',
    defs: CAMPAIGN_FIELDS,
    fields: ['customer_id', 'campaign', 'start_month', 'cost'],
    required: ['customer_id', 'campaign', 'start_month', 'cost'],
  },
};

const EXPECTED_FORMAT: Readonly<Record<FieldDef['type'], string | undefined>> = {
  id: '@',
  month: '@',
  date: 'yyyy-mm-dd',
  money: '0.00',
  number: undefined,
  text: undefined,
};

/** Every English name and alias the importer's header detection knows, normalised as it does. */
const KNOWN_HEADERS = new Set([...FACT_FIELDS, ...POOL_FIELDS, ...CAMPAIGN_FIELDS].flatMap((d) => [d.name, ...d.aliases]).map(normalizeHeader));

function def(expected: Expected, name: string): FieldDef {
  const found = expected.defs.find((d) => d.name === name);
  if (found === undefined) throw new Error(`unknown field ${name}`);
  return found;
}

function cellTexts(sheet: Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const texts: string[] = [];
    row.eachCell((cell) => {
      const value: CellValue = cell.value;
      if (typeof value === 'string') texts.push(value);
    });
    rows.push(texts);
  });
  return rows;
}

describe.each(INPUT_KINDS)('template %s', (kind) => {
  const expected = EXPECTED[kind];
  const path = join(TEMPLATES, expected.file);
  const workbook = new ExcelJS.Workbook();
  beforeAll(async () => {
    await workbook.xlsx.readFile(path);
  });

  it('has the data sheet, then 说明, and fixed document dates', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([expected.sheet, NOTES_SHEET]);
    expect(workbook.created.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(workbook.modified.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('has the first alias of every field as its only row, frozen, in formatted columns that fit', () => {
    const sheet = workbook.getWorksheet(expected.sheet);
    if (sheet === undefined) throw new Error('no data sheet');
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getRow(1).cellCount).toBe(expected.fields.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const requiredFill = JSON.stringify(sheet.getRow(1).getCell(1).fill);
    expected.fields.forEach((name, i) => {
      const field = def(expected, name);
      const header = sheet.getRow(1).getCell(i + 1);
      expect(header.value, name).toBe(field.aliases[0]);
      const column = sheet.getColumn(i + 1);
      expect(column.numFmt, name).toBe(EXPECTED_FORMAT[field.type]);
      expect(column.width ?? 0, name).toBeGreaterThanOrEqual(displayWidth(String(header.value)) + 2);
      // Required columns share one header colour, the optional ones another.
      expect(JSON.stringify(header.fill) === requiredFill, name).toBe(expected.required.includes(name));
    });
  });

  it('explains every column in 说明, with its requirement, and an example of the right type', () => {
    const notes = workbook.getWorksheet(NOTES_SHEET);
    if (notes === undefined) throw new Error('no 说明 sheet');
    const rows = cellTexts(notes);
    expect(rows.flat().join('\n')).toMatch(/元/);
    for (const name of expected.fields) {
      const field = def(expected, name);
      const label = `${field.aliases[0]} / ${name}`;
      let rowNumber = 0;
      notes.eachRow((row, n) => {
        if (row.getCell(1).value === label) rowNumber = n;
      });
      expect(rowNumber, label).toBeGreaterThan(0);
      const row = notes.getRow(rowNumber);
      expect(String(row.getCell(2).value).startsWith('必填'), label).toBe(expected.required.includes(name));
      const example = row.getCell(4).value;
      if (field.type === 'date') expect(example).toBeInstanceOf(Date);
      else if (field.type === 'money' || field.type === 'number') expect(typeof example).toBe('number');
      else expect(typeof example).toBe('string');
      expect(String(row.getCell(5).value)).not.toBe('');
      expect(String(row.getCell(6).value)).toMatch(/[A-Za-z]/);
    }
    if (kind === 'cost_pools') expect(rows.flat().join('\n')).toContain('分公司=郑州');
  });

  it('puts no field name alone in a 说明 cell, so header detection cannot mistake the sheet for data', () => {
    const notes = workbook.getWorksheet(NOTES_SHEET);
    if (notes === undefined) throw new Error('no 说明 sheet');
    const named = cellTexts(notes)
      .flat()
      .filter((text) => KNOWN_HEADERS.has(normalizeHeader(text)));
    expect(named).toEqual([]);
  });

  it('is exactly what npm run templates writes', async () => {
    expect((await templateBytes(kind)).equals(readFileSync(path))).toBe(true);
  });
});
