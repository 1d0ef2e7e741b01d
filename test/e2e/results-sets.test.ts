/**
 * Issue 7's end-to-end check, in the web shell and Debian's Chromium: the run files of a run made
 * "elsewhere" (`cvalue run --out-dir` on a generated province, as another PC or the warehouse
 * would hand them over) come back into the app through 结果集. A folder with a bad cell is refused
 * with its file, row, column and value named; the whole folder's files are chosen, only the
 * results set's are uploaded, and the set's KPI cards, group table, files and first page of
 * customers are what the service's results:view / results:customers and the run files say; the
 * tier table lists the tiers in the scenario's order. A set whose scenario has no month (as a
 * warehouse's often has not) is refused pointing at 评估月, and imported for the month typed there.
 *
 * Screenshots (zh and en) go to <artifacts>/results-sets/.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { chartTexts } from '../../core/charts/chart-texts.js';
import type { ResultSetView } from '../../core/service/contract.js';
import { tempDir } from '../support/paths.js';
import { artifactDir, saveScreenshot } from './support/artifacts.js';
import { cellNumber, readCsvRecords, readCsvRows } from './support/csv-file.js';
import { runCli } from './support/cli-process.js';
import { writeSample } from './support/fixtures.js';
import { ResultSetsPage } from './support/pages/result-sets-page.js';
import { ensureRendererBuilt } from './support/renderer-build.js';
import { serviceCall } from './support/service-api.js';
import { openSession, type Session } from './support/session.js';
import { printedAs, shownNumber } from './support/shown-figures.js';
import { stepChain } from './support/steps.js';

const STEP_TIMEOUT_MS = 120_000;
const SETUP_TIMEOUT_MS = 300_000;
const SAMPLE = { customers: 1500, months: 4, format: 'csv' } as const;
const SCENARIO = { name: '数仓方案', value_weights: { profit: 0.6, loyalty: 0.2, credit: 0.1, behaviour: 0.1 } };
const SET_NAME = '省数仓 回传';
const SHOTS = 'results-sets';
/** The planted error: a text in customers.csv's avg_profit on the file's third row. */
const BAD = { row: 3, column: 'avg_profit', value: '十元' } as const;
/** What i18next shows for a key it has no text for (file names such as customers.csv are not keys). */
const UNTRANSLATED = /\b(?:import|list|set|aggregates|reconciliation|provenance|export|customers|groupings|plans|kpi|filters|columns)\.(?!csv\b|json\b)[A-Za-z]+/g;
/** The customer table's columns, as CustomerTable orders them. */
const COLUMN = { customerId: 0, branch: 1, channel: 2, plan: 3, tier: 4, value: 5, avgProfit: 9, tenure: 10 } as const;

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Code-unit order, as the service sorts customer ids. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('results sets in the web shell', { timeout: STEP_TIMEOUT_MS }, () => {
  let root = '';
  let runDir = '';
  let badDir = '';
  let session: Session | undefined;
  let setId = 0;
  let view: ResultSetView;
  const shots: string[] = [];

  beforeAll(async () => {
    const build = await ensureRendererBuilt();
    const shotDir = join(artifactDir(), SHOTS);
    mkdirSync(shotDir, { recursive: true });
    for (const name of readdirSync(shotDir)) if (name.endsWith('.png')) rmSync(join(shotDir, name));
    root = tempDir('e2e-results-sets');
    await writeSample(join(root, 'sample'), SAMPLE);
    const scenarioFile = join(root, 'warehouse.scenario.json');
    writeFileSync(scenarioFile, JSON.stringify(SCENARIO));
    // The run made "elsewhere": its files as another PC's cvalue run --out-dir writes them.
    runDir = join(root, 'run');
    await runCli('run', '--data', join(root, 'sample'), '--scenario', scenarioFile, '--out-dir', runDir);
    // The same set with one bad cell.
    badDir = join(root, 'bad');
    mkdirSync(badDir);
    copyFileSync(join(runDir, 'scenario.json'), join(badDir, 'scenario.json'));
    const [header = [], ...rows] = await readCsvRows(join(runDir, 'customers.csv'));
    const column = header.indexOf(BAD.column);
    const planted = rows.map((r, i) => (i === BAD.row - 2 ? r.map((cell, j) => (j === column ? BAD.value : cell)) : r));
    writeFileSync(join(badDir, 'customers.csv'), [header, ...planted].map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
    session = await openSession(join(root, 'kb.db'));
    console.log(`renderer: ${build}; run files: ${readdirSync(runDir).join(', ')}`);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    console.log(`results sets: screenshots:\n  ${shots.join('\n  ')}`);
    await session?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  function screen(): ResultSetsPage {
    if (session === undefined) throw new Error('no browser session');
    return new ResultSetsPage(session.page);
  }
  function url(): string {
    if (session === undefined) throw new Error('no browser session');
    return session.server.url;
  }
  async function shoot(name: string): Promise<void> {
    shots.push(await saveScreenshot(screen().page, `${SHOTS}/${name}`));
  }
  const step = stepChain(async (name) => {
    console.log(`cvalue serve said:\n${session?.server.output() ?? ''}`);
    await shoot(`failed-${name.replace(/\W+/g, '-')}`);
  });

  step('a results set with a bad cell is refused, naming its file, row, column and value', async () => {
    const page = screen();
    await page.open();
    expect(await page.byTestId('rs-list-empty').innerText()).toBe('还没有结果集。');
    const outcome = await page.importFiles([join(badDir, 'customers.csv'), join(badDir, 'scenario.json')]);
    expect(await outcome.innerText()).toContain('结果集未导入');
    const problems = await page.problems();
    expect(problems.map(([file, row, column, value]) => [file, row, column, value])).toContainEqual(['customers.csv', String(BAD.row), BAD.column, BAD.value]);
    expect(await serviceCall(url(), 'results:list', {})).toEqual([]);
    await shoot('import-refused-zh');
    await page.dismissOutcome();
  });

  step('the whole run folder is chosen; only the results set’s files are uploaded, and it is imported under its name', async () => {
    const page = screen();
    const chosen = readdirSync(runDir).map((name) => join(runDir, name));
    const outcome = await page.importFiles(chosen, SET_NAME);
    const sets = await serviceCall(url(), 'results:list', {});
    expect(sets.map((s) => s.name)).toEqual([SET_NAME]);
    const [set] = sets;
    if (set === undefined) throw new Error('no set imported');
    setId = set.id;
    view = await serviceCall(url(), 'results:view', { id: setId });
    expect(await outcome.innerText()).toContain(`已导入结果集“${SET_NAME}”：评估月 ${set.month}`);
    // customer_months.csv and the run's other JSON files stay on this PC.
    const skipped = await page.byTestId('rs-import-skipped').innerText();
    for (const name of ['customer_months.csv', 'summary.json', 'warnings.json', 'breakpoints.json']) expect(skipped).toContain(name);
    expect(set.files.map((f) => f.name)).not.toContain('customer_months.csv');
    expect(await page.listed()).toEqual([[SET_NAME, set.month, SCENARIO.name, set.customers.toLocaleString('en-US'), expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) as unknown as string]]);
  });

  step('the KPI cards and tier counts are results:view’s, which are the run files’', async () => {
    const page = screen();
    await page.detailShown(SET_NAME);
    const { kpis } = view;
    const customers = (await readCsvRecords(join(runDir, 'customers.csv'))).records;
    const profits = customers.map((c) => cellNumber(c.avg_profit));
    // The service's figures are the run files' own…
    expect(kpis.customers).toBe(customers.length);
    expect(kpis.negativeCount).toBe(profits.filter((p) => p < 0).length);
    expect(printedAs(kpis.totalProfit, profits.reduce((s, p) => s + p, 0), 6)).toBe(true);
    // …and the cards show them.
    expect(shownNumber(await page.kpi('customers'))).toBe(kpis.customers);
    expect(shownNumber(await page.kpi('eligible'))).toBe(kpis.eligible);
    expect(shownNumber(await page.kpi('negative'))).toBe(kpis.negativeCount);
    expect(printedAs(shownNumber(await page.kpi('loss')), kpis.loss, 2), `loss ${await page.kpi('loss')} vs ${kpis.loss}`).toBe(true);
    expect(printedAs(shownNumber(await page.kpi('total-profit')), kpis.totalProfit, 2)).toBe(true);
    const chips = await page.tierCounts();
    const expected = kpis.tiers.filter((t) => t.tier !== '(无分值)' || t.customers > 0);
    expect(new Map([...chips].map(([tier, n]) => [tier, shownNumber(n)]))).toEqual(new Map(expected.map((t) => [t.tier, t.customers])));
    expect(await page.chartsDrawn()).toEqual([true, true, true, true, true]);
    expect(await page.byTestId('rs-no-inputs').innerText()).toContain('不能追溯单个客户');
  });

  step('a page of the customer table is results:customers’ first page, in customers.csv’s id order, and has no trace', async () => {
    const page = screen();
    expect(shownNumber((await page.customersTotal()).replace(/[^\d,]/g, ''))).toBe(view.kpis.customers);
    const shown = await page.customerRows();
    expect(shown.length).toBeGreaterThan(10);
    const answer = await serviceCall(url(), 'results:customers', { id: setId, offset: 0, limit: shown.length });
    expect(shown.map((r) => r.customerId)).toEqual(answer.rows.map((r) => r.customerId));
    const ids = (await readCsvRecords(join(runDir, 'customers.csv'))).records.map((r) => r.customer_id ?? '').sort(byCodeUnits);
    expect(shown.map((r) => r.customerId)).toEqual(ids.slice(0, shown.length));
    const off = answer.rows.filter((want, i) => {
      const cells = shown[i]?.cells ?? [];
      const value = shownNumber(cells[COLUMN.value] ?? '');
      return (
        cells[COLUMN.branch] !== want.branch ||
        cells[COLUMN.channel] !== want.channel ||
        cells[COLUMN.plan] !== want.plan ||
        cells[COLUMN.tier] !== want.tier ||
        !(want.value === null ? Number.isNaN(value) : printedAs(value, want.value, 2)) ||
        !printedAs(shownNumber(cells[COLUMN.avgProfit] ?? ''), want.avgProfit, 2) ||
        shownNumber(cells[COLUMN.tenure] ?? '') !== want.tenureMonths
      );
    });
    expect(off.map((r) => r.customerId)).toEqual([]);

    // No trace: a click on a row opens nothing.
    await page.byTestId('rs-customers').locator(`[data-customer-id="${shown[0]?.customerId ?? ''}"]`).click();
    expect(await page.byTestId('trace-panel').count()).toBe(0);
    expect(await page.byTestId('rs-no-trace').innerText()).toContain('不能点开查看单个客户的计算过程');

    await page.filterCustomers('negative', 'yes');
    expect(shownNumber((await page.customersTotal()).replace(/[^\d,]/g, ''))).toBe(view.kpis.negativeCount);
    await page.filterCustomers('negative', '');
  });

  step('the group tables, the reconciliation and the files are the set’s', async () => {
    const page = screen();
    await page.chooseGrouping('branch');
    const branches = await page.aggregateRows();
    expect(new Map(branches.map((r) => [r[0], shownNumber(r[1] ?? '')]))).toEqual(new Map(view.aggregates.branch.map((a) => [a.group, a.customers])));
    const profitOff = view.aggregates.branch.filter((a) => !printedAs(shownNumber(branches.find((r) => r[0] === a.group)?.[6] ?? ''), a.sumAvgProfit, 2));
    expect(profitOff.map((a) => a.group)).toEqual([]);
    // The tiers in results:view's order (the scenario's, then 无分值 and 不参与评分), not by profit.
    await page.chooseGrouping('tier');
    const shownTier = (group: string): string => (group === '(无分值)' ? chartTexts.noValueGroup.zh : group === '不参与评分' ? chartTexts.ineligibleGroup.zh : group);
    expect((await page.aggregateRows()).map((r) => r[0])).toEqual(view.aggregates.tier.map((a) => shownTier(a.group)));
    await page.byTestId('rs-aggregates').scrollIntoViewIfNeeded();
    await shoot('tiers-zh');
    await page.chooseGrouping('plan');
    expect(view.reconciliation.length).toBeGreaterThan(0);
    expect(await page.byTestId('rs-reconciliation').locator('tbody tr').count()).toBe(view.reconciliation.length);

    const files = await page.provenance();
    expect(files.map((f) => f[0])).toEqual(view.set.files.map((f) => f.name));
    for (const [name, rows, , sha] of files) {
      expect(sha, name).toBe(sha256(join(runDir, name ?? '')).slice(0, 12));
      if (name === 'customers.csv') expect(shownNumber(rows ?? '')).toBe(view.kpis.customers);
    }
    await page.byTestId('rs-detail').scrollIntoViewIfNeeded();
    await shoot('result-set-zh');
  });

  step('the export button asks results:export for the set’s workbook', async () => {
    const page = screen();
    await page.byTestId('rs-export-run').click();
    const done = page.byTestId('rs-export-done');
    const failed = page.byTestId('rs-export-error');
    await done.or(failed).waitFor({ timeout: STEP_TIMEOUT_MS });
    if (await done.isVisible()) {
      // The handler has landed: the workbook downloads like 导出's.
      const download = page.page.waitForEvent('download');
      await page.byTestId('rs-export-reveal').click();
      expect((await download).suggestedFilename()).toBe(`结果集 ${SET_NAME}.xlsx`);
    } else {
      // Until results:export's handler lands the service answers an internal error, shown as such.
      const text = await failed.innerText();
      console.log(`results:export is not answered yet: ${text}`);
      expect(text).toContain('导出失败');
    }
    await shoot('export-zh');
  });

  step('结果集 reads in English, with no key left untranslated', async () => {
    const page = screen();
    await page.setLanguage('en');
    await page.byTestId('rs-detail').waitFor();
    const text = await page.byTestId('main-result-sets').innerText();
    expect(text.match(UNTRANSLATED) ?? []).toEqual([]);
    expect(await page.byTestId('nav-result-sets').innerText()).toBe('Results sets');
    expect(await page.byTestId('rs-no-inputs').innerText()).toContain('a single customer cannot be traced');
    await shoot('result-set-en');
    await page.setLanguage('zh');
  });

  step('deleting the set empties the list', async () => {
    const page = screen();
    await page.deleteSet(setId);
    await page.byTestId('rs-list-empty').waitFor();
    expect(await page.byTestId('rs-detail').count()).toBe(0);
    expect(await serviceCall(url(), 'results:list', {})).toEqual([]);
  });

  step('a set whose scenario has no month is refused pointing at 评估月, and imported for the month typed there', async () => {
    const page = screen();
    const noMonthDir = join(root, 'no-month');
    mkdirSync(noMonthDir);
    copyFileSync(join(runDir, 'customers.csv'), join(noMonthDir, 'customers.csv'));
    const scenario = JSON.parse(readFileSync(join(runDir, 'scenario.json'), 'utf8')) as Record<string, unknown>;
    delete scenario['month'];
    writeFileSync(join(noMonthDir, 'scenario.json'), JSON.stringify(scenario));
    const files = [join(noMonthDir, 'customers.csv'), join(noMonthDir, 'scenario.json')];

    const refused = await page.importFiles(files);
    expect(await refused.innerText()).toContain('结果集未导入');
    expect(await page.byTestId('rs-import-no-month').innerText()).toContain('“评估月”');
    expect((await page.problems()).map((p) => p[0])).toContain('scenario.json');
    const month = page.byTestId('rs-import-month');
    expect(await page.page.locator('[data-testid="rs-import-month"]:focus').count()).toBe(1);
    expect(await month.getAttribute('aria-invalid')).toBe('true');
    expect(await serviceCall(url(), 'results:list', {})).toEqual([]);
    await shoot('import-no-month-zh');

    await month.fill('2025-13');
    await page.byTestId('rs-import-pick').click();
    expect(await page.byTestId('rs-import-month-invalid').innerText()).toBe('评估月须为 YYYY-MM，如 2026-03。');
    await month.fill('2025-12');
    const imported = await page.importFiles(files, '数仓 无月份');
    expect(await imported.innerText()).toContain('已导入结果集“数仓 无月份”：评估月 2025-12');
    const sets = await serviceCall(url(), 'results:list', {});
    expect(sets.map((s) => [s.name, s.month])).toEqual([['数仓 无月份', '2025-12']]);
    await page.detailShown('数仓 无月份');
    await shoot('import-month-given-zh');
    await page.deleteSet(sets[0]?.id ?? 0);
    await page.byTestId('rs-list-empty').waitFor();
  });

  step('the page logged no errors on the way', async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
  });
});
