/**
 * The value workbook of a results set (issue 7), made from the worked example's run files as
 * `cvalue run --out-dir` writes them: read back by openpyxl and recalculated by LibreOffice, its
 * customer, aggregate and reconciliation cells are the run files' figures, as values; the full
 * preset continues past the row limit; the summary lists the key customers; text from the files
 * stays text; a stopped export leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResultSet } from '../../../core/io/results/read-result-set.js';
import { exportResultSetReport, type ResultSetLabel } from '../../../core/io/value-report/export-result-set-report.js';
import type { ResultSet } from '../../../core/model/result-set.js';
import { cvalue } from '../../support/cvalue.js';
import { MINI, tempDir } from '../../support/paths.js';
import { compareRecalculated, formatMismatches, recalculateWithLibreOffice } from '../../support/office/libreoffice.js';
import { dumpSheet, dumpWorkbook, type DumpSheet, type WorkbookDump } from '../../support/office/openpyxl-dump.js';
import { AGGREGATE_COLUMNS, AGGREGATE_SHEETS, CUSTOMER_COLUMNS, sheetTable, tableDifferences } from './report-tables.js';

const FILES = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
const dir = tempDir('result-set-report');
const runDir = join(dir, 'run');
const report = join(dir, 'results.xlsx');
const LABEL: ResultSetLabel = { id: 7, name: '数仓 2026-03', importedAt: '2026-04-02T08:00:00.000Z', appVersion: '0.0.0-test' };
let set: ResultSet;
let dump: WorkbookDump;


/** A run file of the results folder, as rows keyed by header. */
function runCsv(name: string, folder = runDir): Record<string, string>[] {
  return parse(readFileSync(join(folder, name), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

async function readSet(folder: string): Promise<ResultSet> {
  const read = await readResultSet([folder]);
  if (!read.ok) throw new Error(JSON.stringify(read.report.problems.slice(0, 5)));
  return read.set;
}

function labelledValues(sheet: DumpSheet): Map<string, unknown> {
  const pairs = new Map<string, unknown>();
  for (let r = 1; r <= sheet.maxRow; r++) {
    const label = sheet.cells[`A${r}`]?.value;
    if (typeof label === 'string') pairs.set(label, sheet.cells[`B${r}`]?.value ?? null);
  }
  return pairs;
}

describe('value workbook of a results set (the worked example run elsewhere)', () => {
  beforeAll(async () => {
    const run = await cvalue('run', '--data', FILES.join(','), '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', runDir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    set = await readSet(runDir);
    const sheets = await exportResultSetReport(report, { set, label: LABEL, preset: 'full', lang: 'zh', appVersion: 'test' });
    dump = await dumpWorkbook(report);
    expect(dump.sheets.map((s) => s.name)).toEqual(sheets);
  }, 120_000);

  it('has the run report’s sheets that a results set can fill, in the same order', () => {
    expect(dump.sheets.map((s) => s.name)).toEqual(['说明', '客户价值明细', '资费评估', '分公司', '渠道', '品牌', '细分群', '价值分层', '成本分摊核对', '参数']);
  });

  it('lists every customer with the figures of customers.csv, as values', () => {
    const sheet = dumpSheet(dump, '客户价值明细');
    const table = sheetTable(sheet, 1);
    const expected = runCsv('customers.csv');
    expect(tableDifferences(table.rows, expected, CUSTOMER_COLUMNS)).toEqual([]);
    expect(table.rows.map((r) => r['价值分层'])).toEqual(expected.map((e) => (e['tier'] === '' ? '不参与评分' : e['tier'])));
    expect(table.rows.map((r) => r['客户编号'])).toEqual(['001', '002', '003', '004']);
    expect(Object.values(sheet.cells).filter((c) => c.formula !== undefined)).toEqual([]);
    // The worked example's figures, exactly (the run files hold them at full precision).
    expect(table.rows.map((r) => r['月均利润'])).toEqual([60, 16, -3, 5.5]);
    expect(sheet.cells['N1']?.comment).toContain('customers.csv');
    expect(sheet.frozen).toBe('B2');
    expect(sheet.autoFilter).toBe('A1:U5');
  });

  it.each(AGGREGATE_SHEETS)('%s has the rows of aggregates_%s.csv and a totals row', (sheetName, groupHeader, grouping) => {
    const table = sheetTable(dumpSheet(dump, sheetName), 1);
    const expected = runCsv(`aggregates_${grouping}.csv`);
    const columns = { [groupHeader]: 'group', ...AGGREGATE_COLUMNS, ...(grouping === 'plan' ? { 亏损资费: 'loss_making_plan', 结算倒挂: 'settlement_inverted' } : {}) };
    expect(tableDifferences(table.rows.slice(0, -1), expected, columns)).toEqual([]);
    const totals = table.rows.at(-1) ?? {};
    expect(totals[groupHeader]).toBe('合计');
    expect(totals['客户数']).toBe(4);
    expect(totals['月均利润合计']).toBeCloseTo(78.5, 9);
  });

  it('reconciles every pool and month as reconciliation.csv, with the check formula', () => {
    const sheet = dumpSheet(dump, '成本分摊核对');
    const expected = runCsv('reconciliation.csv');
    const rows = sheetTable(sheet, 1).rows.slice(0, expected.length);
    const columns = { 成本池: 'pool', 月份: 'month', 分摊范围: 'scope', 金额: 'amount', 范围内客户数: 'customers_in_scope', 已分摊合计: 'allocated_sum', 差额: 'difference', 权重转入用户数: 'moved_to_users' };
    expect(tableDifferences(rows, expected, columns)).toEqual([]);
    expect(rows.map((r) => r['核对'])).toEqual(expected.map((e) => (e['status'] === 'allocated' ? '平' : '未分摊')));
    expect(sheet.cells['J2']?.formula).toBe('=IF(F2="未分摊","未分摊",IF(ROUND(D2-H2,2)=0,"平","不平"))');
  });

  it('says on 说明 what the set is, where its figures came from, its key figures, charts and files', () => {
    const sheet = dumpSheet(dump, '说明');
    const texts = Object.values(sheet.cells).map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.includes('本软件之外') && t.includes('customers.csv'))).toBe(true);
    expect(texts.some((t) => t.includes('没有逐月数据'))).toBe(true);
    const pairs = labelledValues(sheet);
    expect(pairs.get('结果集')).toBe('#7 数仓 2026-03');
    expect(pairs.get('方案')).toBe('mini');
    expect(pairs.get('评估月')).toBe('2026-03');
    expect(pairs.get('评估窗口')).toBe('2026-01, 2026-02, 2026-03');
    expect(pairs.get('导入时间')).toBe(LABEL.importedAt);
    expect(pairs.get('客户数')).toBe(4);
    expect(pairs.get('参与评分客户数')).toBe(3);
    expect(pairs.get('负价值客户数')).toBe(1);
    expect(pairs.get('负价值客户亏损合计（元/月）')).toBe(-3);
    expect(pairs.get('月均利润合计（元/月）')).toBeCloseTo(78.5, 9);
    expect(pairs.get('分层 不参与评分 客户数')).toBe(1);
    expect(sheet.images).toBe(5);
    // Every file read, with the SHA-256 of its bytes on disk.
    const files = new Map<string, unknown>();
    for (let r = 1; r <= sheet.maxRow; r++) {
      const sha = sheet.cells[`E${r}`]?.value;
      if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) files.set(String(sheet.cells[`A${r}`]?.value), sha);
    }
    expect([...files.keys()]).toEqual(set.files.map((f) => f.name));
    for (const [name, sha] of files) expect(sha).toBe(createHash('sha256').update(readFileSync(join(runDir, name))).digest('hex'));
  });

  it('lists the scenario on 参数, and leaves the figures a run derives from its data open', () => {
    const sheet = dumpSheet(dump, '参数');
    expect(Object.values(sheet.cells).some((c) => c.value === '  "name": "mini",')).toBe(true);
    const pairs = labelledValues(sheet);
    expect(pairs.get('分段方式')).toBe('auto');
    expect(Object.values(sheet.cells).some((c) => c.value === '由外部计算时的数据决定，不在结果集中')).toBe(true);
  });

  it('opens in LibreOffice, and every formula recalculates to its cached value', async () => {
    const recalculated = await dumpWorkbook(await recalculateWithLibreOffice(report, join(dir, 'recalc')), { dataOnly: true });
    expect(recalculated.sheets.map((s) => s.name)).toEqual(dump.sheets.map((s) => s.name));
    const mismatches = compareRecalculated(dump, recalculated);
    expect(mismatches, formatMismatches(mismatches)).toEqual([]);
    // The totals rows and the reconciliation checks were among those compared.
    expect(dump.sheets.reduce((n, s) => n + Object.values(s.cells).filter((c) => c.formula !== undefined).length, 0)).toBeGreaterThan(60);
  }, 120_000);

  it('full: continues the customers on further sheets past the row limit', async () => {
    const path = join(dir, 'split.xlsx');
    const sheets = await exportResultSetReport(path, { set, label: LABEL, preset: 'full', lang: 'zh', appVersion: 'test' }, { maxRowsPerSheet: 3 });
    expect(sheets.slice(1, 3)).toEqual(['客户价值明细', '客户价值明细(2)']);
    expect(sheets[3]).toBe('资费评估');
    const split = await dumpWorkbook(path);
    const first = sheetTable(dumpSheet(split, '客户价值明细'), 1).rows;
    const second = sheetTable(dumpSheet(split, '客户价值明细(2)'), 1).rows;
    expect([first.length, second.length]).toEqual([3, 1]);
    expect([...first, ...second].map((r) => r['客户编号'])).toEqual(['001', '002', '003', '004']);
    expect(tableDifferences([...first, ...second], runCsv('customers.csv'), CUSTOMER_COLUMNS)).toEqual([]);
  });

  it('summary, in English: the negative-value, highest- and lowest-value customers instead of every one', async () => {
    const path = join(dir, 'summary-en.xlsx');
    const sheets = await exportResultSetReport(path, { set, label: LABEL, preset: 'summary', lang: 'en', appVersion: 'test' });
    expect(sheets).toEqual(['About', 'Negative-value customers', 'Top customers', 'Bottom customers', 'Plans', 'Branches', 'Channels', 'Brands', 'Segments', 'Tiers', 'Cost reconciliation', 'Parameters']);
    const summary = await dumpWorkbook(path);
    const ids = (name: string): unknown[] => sheetTable(dumpSheet(summary, name), 2).rows.map((r) => r['Customer ID']);
    expect(ids('Negative-value customers')).toEqual(['003']);
    expect(ids('Top customers')).toEqual(['001', '002', '003']);
    expect(ids('Bottom customers')).toEqual(['003', '002', '001']);
    const about = Object.values(dumpSheet(summary, 'About').cells).map((c) => c.value);
    expect(about).toContain('Results set');
    expect(about.some((v) => typeof v === 'string' && v.includes('computed elsewhere'))).toBe(true);
    // The engine's reason text, which customers.csv holds in Chinese, in the report's language.
    const fullPath = join(dir, 'full-en.xlsx');
    await exportResultSetReport(fullPath, { set, label: LABEL, preset: 'full', lang: 'en', appVersion: 'test' });
    const rows = sheetTable(dumpSheet(await dumpWorkbook(fullPath), 'Customer values'), 1).rows;
    expect(rows.map((r) => r['Reason not scored'])).toEqual(['', '', '', 'tenure under 3 months']);
  });

  it('writes text from the files as inert text, never as a formula', async () => {
    const hostileDir = join(dir, 'hostile');
    cpSync(runDir, hostileDir, { recursive: true });
    // Aggregates are optional; without them the renamed plan needs no matching file.
    for (const f of readdirSync(hostileDir)) if (f.startsWith('aggregates_')) rmSync(join(hostileDir, f));
    const csv = readFileSync(join(hostileDir, 'customers.csv'), 'utf8')
      .replace(/^001,/m, '=1+1,')
      .replace(/^002,/m, '@SUM(A1),')
      .replace(/^003,/m, '+86 138,')
      .replace(/,X,/g, ',-2+3,');
    writeFileSync(join(hostileDir, 'customers.csv'), csv);
    const hostile = await readSet(hostileDir);
    const path = join(dir, 'hostile.xlsx');
    await exportResultSetReport(path, { set: hostile, label: { ...LABEL, name: '=HYPERLINK("http://x","y")' }, preset: 'full', lang: 'zh', appVersion: 'test' });
    const out = await dumpWorkbook(path);
    const customers = dumpSheet(out, '客户价值明细');
    expect(sheetTable(customers, 1).rows.map((r) => r['客户编号']).sort()).toEqual(['+86 138', '004', '=1+1', '@SUM(A1)']);
    expect(sheetTable(customers, 1).rows.map((r) => r['资费'])).toContain('-2+3');
    expect(Object.values(customers.cells).filter((c) => c.formula !== undefined)).toEqual([]);
    expect(labelledValues(dumpSheet(out, '说明')).get('结果集')).toBe('#7 =HYPERLINK("http://x","y")');
    expect(Object.values(dumpSheet(out, '说明').cells).filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it('leaves nothing behind when an export is stopped part-way', async () => {
    const stopDir = tempDir('result-report-stop');
    const stopped = exportResultSetReport(join(stopDir, 'stopped.xlsx'), { set, label: LABEL, preset: 'full', lang: 'zh', appVersion: 'test' }, {
      onProgress: (p) => {
        if (p.stage === 'sheets') throw new Error('stopped on purpose');
      },
    });
    await expect(stopped).rejects.toThrow('stopped on purpose');
    expect(readdirSync(stopDir)).toEqual([]);
  });
});
