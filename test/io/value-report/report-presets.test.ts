/**
 * The value report on a generated province: both presets, English, formula mode, a comparison,
 * sheets continued past a row limit, hostile text, re-weighting in a spreadsheet and a failed
 * export that leaves nothing behind. openpyxl reads; LibreOffice recalculates.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelSession, type ModelResult } from '../../../core/engine/run-model.js';
import { exportValueReport, KEY_LIST_SIZE } from '../../../core/io/value-report/export-value-report.js';
import { readInputFiles } from '../../../core/io/read-inputs.js';
import { parseScenario, type Scenario } from '../../../core/model/scenario.js';
import { buildInput } from '../../support/build-input.js';
import { cvalue } from '../../support/cvalue.js';
import { tempDir } from '../../support/paths.js';
import { compareRecalculated, formatMismatches, recalculateWithLibreOffice } from '../../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook, openpyxlPython } from '../../support/office/openpyxl-dump.js';
import { runChecked } from '../../support/office/run-process.js';
import { sheetTable } from './report-tables.js';

const CUSTOMERS = 3000;
const dir = tempDir('report-presets');
const data = join(dir, 'data');
let result: ModelResult;

function scenario(raw: unknown): Scenario {
  const parsed = parseScenario(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

async function recalculationMismatches(path: string): Promise<string> {
  const before = await dumpWorkbook(path);
  const after = await dumpWorkbook(await recalculateWithLibreOffice(path, join(dir, `recalc-${Date.now()}`)), { dataOnly: true });
  return formatMismatches(compareRecalculated(before, after));
}

describe('value report presets on a generated province', () => {
  beforeAll(async () => {
    const sample = await cvalue('sample', '--customers', String(CUSTOMERS), '--months', '6', '--out-dir', data);
    expect(sample.code).toBe(0);
    const read = await readInputFiles([data]);
    if (!read.ok) throw new Error('sample data did not read');
    result = new ModelSession(read.input).run(scenario({}));
  });

  it('summary: the key lists instead of every customer, ordered and complete', async () => {
    const path = join(dir, 'summary.xlsx');
    const run = await cvalue('run', '--data', data, '--out', path, '--preset', 'summary');
    expect(run.code).toBe(0);
    const dump = await dumpWorkbook(path);
    const names = dump.sheets.map((s) => s.name);
    expect(names).toContain('负价值客户');
    expect(names).not.toContain('客户价值明细');
    const top = sheetTable(dumpSheet(dump, '价值最高客户'), 2).rows.map((r) => r['价值得分'] as number);
    const bottom = sheetTable(dumpSheet(dump, '价值最低客户'), 2).rows.map((r) => r['价值得分'] as number);
    expect(top).toHaveLength(KEY_LIST_SIZE);
    expect(bottom).toHaveLength(KEY_LIST_SIZE);
    expect(top).toEqual([...top].sort((a, b) => b - a));
    expect(bottom).toEqual([...bottom].sort((a, b) => a - b));
    const values = Array.from(result.eligibility.eligibleList, (c) => result.values.value[c] as number).sort((a, b) => b - a);
    expect(top[0]).toBeCloseTo(values[0] as number, 9);
    expect(top.at(-1)).toBeCloseTo(values[KEY_LIST_SIZE - 1] as number, 9);
    expect(bottom[0]).toBeCloseTo(values.at(-1) as number, 9);
    const negative = sheetTable(dumpSheet(dump, '负价值客户'), 2).rows.map((r) => r['月均利润'] as number);
    const expectedNegative = Array.from(result.window.table, (c) => result.profit.avgProfit[c] as number).filter((p) => p < 0);
    expect(expectedNegative.length).toBeGreaterThan(0);
    expect(negative).toHaveLength(expectedNegative.length);
    expect(negative).toEqual([...negative].sort((a, b) => a - b));
    expect(await recalculationMismatches(path)).toBe('');
  });

  it('full: every customer, and every formula recalculates to its cached value', async () => {
    const path = join(dir, 'full.xlsx');
    expect((await cvalue('run', '--data', data, '--out', path)).code).toBe(0);
    const dump = await dumpWorkbook(path);
    expect(sheetTable(dumpSheet(dump, '客户价值明细'), 1).rows).toHaveLength(result.window.table.length);
    expect(await recalculationMismatches(path)).toBe('');
  });

  it('English: English sheet names and headers', async () => {
    const path = join(dir, 'en.xlsx');
    expect((await cvalue('run', '--data', data, '--out', path, '--preset', 'summary', '--lang', 'en')).code).toBe(0);
    const dump = await dumpWorkbook(path, { maxRows: 3 });
    expect(dump.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['About', 'Negative-value customers', 'Top customers', 'Bottom customers', 'Plans', 'Branches', 'Cost reconciliation', 'Parameters', 'Data issues']),
    );
    expect(dumpSheet(dump, 'Plans').cells['A1']?.value).toBe('Plan');
  });

  it('formula mode: the value formula becomes an Excel formula that recalculates to the engine', async () => {
    const path = join(dir, 'formula.xlsx');
    const formulaScenario = join(dir, 'formula.scenario.json');
    writeFileSync(formulaScenario, JSON.stringify({ name: '公式', value_formula: 'clamp(0.6*profit_score + 0.4*if(tenure_months >= 24, loyalty, credit) - min(avg_cost, 5)/10, 0, 100)' }));
    expect((await cvalue('run', '--data', data, '--scenario', formulaScenario, '--out', path)).code).toBe(0);
    const dump = await dumpWorkbook(path, { maxRows: 3 });
    expect(dumpSheet(dump, '客户价值明细').cells['S2']?.formula).toMatch(/^=IFERROR\(MIN\(MAX\(/);
    expect(await recalculationMismatches(path)).toBe('');
  });

  it('comparison: 方案对比 with a migration matrix that counts every customer', async () => {
    const path = join(dir, 'compare.xlsx');
    const other = join(dir, 'other.scenario.json');
    writeFileSync(other, JSON.stringify({ name: '重利润', value_weights: { profit: 0.9, loyalty: 0.05, credit: 0.05, behaviour: 0 } }));
    expect((await cvalue('run', '--data', data, '--compare', other, '--out', path, '--preset', 'summary')).code).toBe(0);
    const dump = await dumpWorkbook(path);
    const sheet = dumpSheet(dump, '方案对比');
    const totals = Object.values(sheet.cells).filter((c) => c.formula?.startsWith('=SUM(') === true);
    expect(totals.map((c) => c.value)).toContain(result.window.table.length);
    expect(await recalculationMismatches(path)).toBe('');
  });

  it('continues the customer list on further sheets past the row limit', async () => {
    const path = join(dir, 'split.xlsx');
    const sheets = await exportValueReport(path, { result, preset: 'full', lang: 'zh', sources: [], appVersion: 'test' }, { maxRowsPerSheet: 1000 });
    const parts = Math.ceil(result.window.table.length / 1000);
    expect(sheets.slice(1, 1 + parts)).toEqual(['客户价值明细', ...Array.from({ length: parts - 1 }, (_, i) => `客户价值明细(${i + 2})`)]);
    const dump = await dumpWorkbook(path);
    const rows = sheets.slice(1, 1 + parts).flatMap((name) => sheetTable(dumpSheet(dump, name), 1).rows);
    expect(rows.map((r) => r['客户编号'])).toEqual(Array.from(result.window.table, (c) => result.input.facts.customerIds.at(c)));
    expect(dumpSheet(dump, '客户价值明细(2)').cells['N2']?.formula).toBe('=J2-L2-M2');
    expect(await recalculationMismatches(path)).toBe('');
  });

  it('re-weights in a spreadsheet: new weights on 参数 move every value', async () => {
    const path = join(dir, 'reweight.xlsx');
    await exportValueReport(path, { result, preset: 'summary', lang: 'zh', sources: [], appVersion: 'test' });
    const dump = await dumpWorkbook(path, { maxRows: 5 });
    const formula = dumpSheet(dump, '价值最高客户').cells['S3']?.formula ?? '';
    const weightRows = [...formula.matchAll(/\$B\$(\d+)/g)].map((m) => Number(m[1]));
    expect(weightRows).toHaveLength(4);
    // openpyxl writes the new weights (profit, loyalty, credit, behaviour) = (0.25 each); LibreOffice recalculates.
    const edited = join(dir, 'reweighted.xlsx');
    const script = `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nfor r in sys.argv[3:]: wb['参数']['B'+r]=0.25\nwb.save(sys.argv[2])`;
    await runChecked(await openpyxlPython(), ['-c', script, path, edited, ...weightRows.map(String)], { timeoutMs: 120_000 });
    const after = await dumpWorkbook(await recalculateWithLibreOffice(edited, join(dir, 'reweighted')), { dataOnly: true });
    const sheet = dumpSheet(after, '价值最高客户');
    for (const r of [3, 4, 5]) {
      const cell = (col: string): number => sheet.cells[`${col}${r}`]?.value as number;
      expect(cell('S')).toBeCloseTo(0.25 * (cell('O') + cell('Q') + cell('P') + cell('R')), 9);
    }
  });

  it('writes text from input files as inert text, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+86 138', '-1+2', '@SUM(A1)'];
    const facts = hostile.flatMap((name, i) =>
      ['2026-01', '2026-02', '2026-03'].map((month) => ({ customer_id: name, month, branch: name, plan: `P${i}`, billed_revenue: 50 + i, minutes: 10 })),
    );
    const hostileResult = new ModelSession(buildInput(facts)).run(scenario({ month: '2026-03', min_tenure: 1 }));
    const path = join(dir, 'hostile.xlsx');
    await exportValueReport(path, { result: hostileResult, preset: 'full', lang: 'zh', sources: [{ file: '=evil.xlsx', kind: 'usage', rows: 1, sha256: '0'.repeat(64) }], appVersion: 'test' });
    const sheet = dumpSheet(await dumpWorkbook(path), '客户价值明细');
    const rows = sheetTable(sheet, 1).rows;
    expect(rows.map((r) => r['客户编号']).sort()).toEqual([...hostile].sort());
    expect(rows.map((r) => r['分公司']).sort()).toEqual([...hostile].sort());
    for (const [ref, cell] of Object.entries(sheet.cells)) if (/^[AB]\d+$/.test(ref)) expect(cell.formula).toBeUndefined();
  });

  it('leaves nothing behind when an export fails part-way', async () => {
    const failDir = tempDir('report-fail');
    const path = join(failDir, 'fail.xlsx');
    const failing = exportValueReport(path, { result, preset: 'full', lang: 'zh', sources: [], appVersion: 'test' }, {
      onProgress: (p) => {
        if (p.stage === 'sheets') throw new Error('stopped on purpose');
      },
    });
    await expect(failing).rejects.toThrow('stopped on purpose');
    expect(readdirSync(failDir)).toEqual([]);
  });

  it('refuses an unknown preset or language and a target that is not .xlsx', async () => {
    expect((await cvalue('run', '--data', data, '--out', join(dir, 'x.xlsx'), '--preset', 'tiny')).code).toBe(2);
    expect((await cvalue('run', '--data', data, '--out', join(dir, 'x.xlsx'), '--lang', 'fr')).code).toBe(2);
    expect((await cvalue('run', '--data', data, '--out', join(dir, 'x.csv'))).code).toBe(2);
  });
});
