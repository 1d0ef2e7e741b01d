/**
 * `cvalue results` on the worked example's run files: a refused folder (exit 1, the problem's
 * file, row and column, nothing stored), import, list, the report in both presets, --scenario for
 * a folder without scenario.json, delete, and the usage errors.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { sheetTable, tableDifferences } from '../io/value-report/report-tables.js';
import { cvalue } from '../support/cvalue.js';
import { dumpSheet, dumpWorkbook } from '../support/office/openpyxl-dump.js';
import { MINI, tempDir } from '../support/paths.js';

const FILES = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
const dir = tempDir('cli-results');
const runDir = join(dir, 'run');
const badDir = join(dir, 'bad');
const kb = join(dir, 'kb.db');

describe('cvalue results', () => {
  beforeAll(async () => {
    const run = await cvalue('run', '--data', FILES.join(','), '--scenario', join(MINI, 'scenario_mini.json'), '--out-dir', runDir);
    expect(run.code).toBe(0);
    // The same folder with one customer's revenue unreadable.
    cpSync(runDir, badDir, { recursive: true });
    const lines = readFileSync(join(badDir, 'customers.csv'), 'utf8').split('\n');
    const cells = (lines[2] ?? '').split(',');
    expect(cells[0]).toBe('002');
    cells[4] = 'abc'; // avg_revenue
    lines[2] = cells.join(',');
    writeFileSync(join(badDir, 'customers.csv'), lines.join('\n'));
  }, 60_000);

  it('refuses a folder with errors: exit 1, the problem with file, row and column, no knowledge base left behind', async () => {
    const out = await cvalue('results', 'import', badDir, '--db', kb);
    expect(out.code).toBe(1);
    expect(out.err).toContain('customers.csv · 行 row 3 · 列 column avg_revenue: [results.not_a_number]');
    expect(out.err).toContain('值 value「abc」');
    expect(out.err).toContain('nothing was imported');
    expect(existsSync(kb)).toBe(false);
  });

  it('imports a run folder and lists it with its files', async () => {
    const imported = await cvalue('results', 'import', runDir, '--db', kb, '--name', '迷你 数仓');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('已导入 imported: 结果集 results set #1「迷你 数仓」· 月份 month 2026-03 · 方案 scenario「mini」· 4 客户 customers');
    const list = await cvalue('results', 'list', '--db', kb);
    expect(list.code).toBe(0);
    const lines = list.out.split('\n');
    expect(lines[0]).toMatch(/^结果集 results set #1「迷你 数仓」/);
    const sha = createHash('sha256').update(readFileSync(join(runDir, 'customers.csv'))).digest('hex');
    expect(lines).toContain(`  文件 file customers.csv · 4 行 rows · ${readFileSync(join(runDir, 'customers.csv')).length} 字节 bytes · sha256 ${sha.slice(0, 12)}`);
    expect(lines.filter((l) => l.startsWith('  文件 file '))).toHaveLength(9);
  });

  it('writes the report: every customer with the figures of customers.csv by default, the key lists with --preset summary', async () => {
    const full = join(dir, 'full.xlsx');
    const written = await cvalue('results', 'report', '1', '--db', kb, '--out', full);
    expect(written.err).toBe('');
    expect(written.code).toBe(0);
    expect(written.out).toContain(`report written to ${full}`);
    const dump = await dumpWorkbook(full);
    const expected = parse(readFileSync(join(runDir, 'customers.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const rows = sheetTable(dumpSheet(dump, '客户价值明细'), 1).rows;
    expect(tableDifferences(rows, expected, { 客户编号: 'customer_id', 月均收入: 'avg_revenue', 月均利润: 'avg_profit', 价值得分: 'value', 负价值: 'negative' })).toEqual([]);

    const summary = join(dir, 'summary.xlsx');
    expect((await cvalue('results', 'report', '1', '--db', kb, '--out', summary, '--preset', 'summary', '--lang', 'en')).code).toBe(0);
    const names = (await dumpWorkbook(summary, { maxRows: 3 })).sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual(['About', 'Negative-value customers', 'Top customers', 'Bottom customers']);
  });

  it('takes the scenario from --scenario when the folder has none', async () => {
    const bare = join(dir, 'bare');
    cpSync(runDir, bare, { recursive: true });
    rmSync(join(bare, 'scenario.json'));
    const refused = await cvalue('results', 'import', bare, '--db', kb);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[results.no_scenario]');
    const imported = await cvalue('results', 'import', bare, '--db', kb, '--scenario', join(MINI, 'scenario_mini.json'));
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('结果集 results set #2「mini 2026-03」');
    expect(imported.out).toContain('文件 file scenario_mini.json');
  });

  it('takes the month from --month when the scenario leaves it to the data', async () => {
    const noMonth = join(dir, 'no-month');
    cpSync(runDir, noMonth, { recursive: true });
    const scenarioFile = join(noMonth, 'scenario.json');
    writeFileSync(scenarioFile, JSON.stringify({ ...(JSON.parse(readFileSync(scenarioFile, 'utf8')) as object), month: null }));
    const otherKb = join(dir, 'month.db');
    const refused = await cvalue('results', 'import', noMonth, '--db', otherKb);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[results.scenario_no_month]');
    expect((await cvalue('results', 'import', noMonth, '--db', otherKb, '--month', '2026-13')).code).toBe(2);
    const imported = await cvalue('results', 'import', noMonth, '--db', otherKb, '--month', '2026-03');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('月份 month 2026-03');
  });

  it('deletes sets; a refused folder then still leaves the list empty', async () => {
    for (const id of ['1', '2']) {
      const deleted = await cvalue('results', 'delete', id, '--db', kb);
      expect(deleted.code).toBe(0);
      expect(deleted.out).toMatch(new RegExp(`^已删除 deleted: 结果集 results set #${id}`));
    }
    const again = await cvalue('results', 'delete', '1', '--db', kb);
    expect(again.code).toBe(1);
    expect(again.err).toContain('没有编号为 1 的结果集');
    const refused = await cvalue('results', 'import', badDir, '--db', kb);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('customers.csv · 行 row 3 · 列 column avg_revenue');
    const list = await cvalue('results', 'list', '--db', kb);
    expect(list.code).toBe(0);
    expect(list.out).toBe('知识库中没有结果集 / The knowledge base holds no results sets');
    expect(existsSync(kb)).toBe(true);
  });

  it('answers bad usage with exit 2, and a missing knowledge base with exit 1', async () => {
    expect((await cvalue('results')).code).toBe(2);
    expect((await cvalue('results', 'frob', '--db', kb)).code).toBe(2);
    expect((await cvalue('results', 'import', '--db', kb)).code).toBe(2);
    expect((await cvalue('results', 'import', runDir)).code).toBe(2);
    expect((await cvalue('results', 'report', '--db', kb, '--out', join(dir, 'x.xlsx'))).code).toBe(2);
    expect((await cvalue('results', 'report', '1', '--db', kb, '--out', join(dir, 'x.csv'))).code).toBe(2);
    expect((await cvalue('results', 'report', '1', '--db', kb, '--out', join(dir, 'x.xlsx'), '--preset', 'tiny')).code).toBe(2);
    expect((await cvalue('results', 'delete', 'one', '--db', kb)).code).toBe(2);
    expect((await cvalue('results', 'list', '--db', join(dir, 'missing.db'))).code).toBe(1);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
    expect((await cvalue('results', 'report', '9', '--db', kb, '--out', join(dir, 'x.xlsx'))).code).toBe(1);
    expect((await cvalue('--help')).out).toContain('cvalue -- results report <结果集编号>');
  });
});
