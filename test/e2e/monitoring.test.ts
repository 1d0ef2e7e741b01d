/**
 * Issue 6's end-to-end check, in the web shell and Debian's Chromium: on a generated province of
 * seven months, 趋势 shows the trend months with the engine's figures, 预警 the engine's warnings
 * per rule (filtered by rule and branch, and exported as CSV), and 目标名单 builds a list through
 * its form whose figures, saved definition and CSV/xlsx downloads are the engine's list. Then the
 * command line's trend, warnings and targets files on the same knowledge base are held to the
 * same engine results, so the CLI and the app agree.
 *
 * Every expected figure is computed here from the engine (support/monitoring-expectations.ts),
 * never written down. Screenshots go to <artifacts>/monitoring/, apart from whole-job.test.ts's,
 * which clears its own folder when it starts.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { WARNING_RULES, type WarningRuleName } from '../../core/service/contract.js';
import { tempDir } from '../support/paths.js';
import { artifactDir, saveScreenshot } from './support/artifacts.js';
import { cellNumber, readCsvRecords, readCsvRows } from './support/csv-file.js';
import { runCli } from './support/cli-process.js';
import { importIntoKnowledgeBase, writeSample } from './support/fixtures.js';
import { expectationsFor, type ExpectedTargetRow, type ExpectedWarning, type MonitoringExpectations } from './support/monitoring-expectations.js';
import { ResultsPage } from './support/pages/results-page.js';
import { TargetsPage } from './support/pages/targets-page.js';
import { TrendPage } from './support/pages/trend-page.js';
import { WarningsPage } from './support/pages/warnings-page.js';
import { ensureRendererBuilt } from './support/renderer-build.js';
import { openSession, type Session } from './support/session.js';
import { printedAs, shownNumber } from './support/shown-figures.js';
import { stepChain } from './support/steps.js';
import { readSheets } from './support/xlsx-sheets.js';

const STEP_TIMEOUT_MS = 120_000;
const SETUP_TIMEOUT_MS = 600_000;
/**
 * Nine months: the first two lack a full three-month window (so they are no trend months),
 * and each of the six trend months has a month before it for the warnings.
 */
const SAMPLE = { customers: 1500, months: 9, format: 'csv' } as const;
const LIST_NAME = '重点维系名单';
const SHOTS = 'monitoring';
/** What i18next shows for a key it has no text for: the key itself, e.g. columns.totalProfit. */
const UNTRANSLATED = /\b(?:columns|rules|subjectKinds|details|series|axes|groupings|summary|form|preview|saved|noRun)\.[A-Za-z_]+/g;

/** The CSV export's guard against formulas: a text cell starting with = + - @ gets a leading '. */
function csvText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function countByRule(warnings: readonly ExpectedWarning[]): Record<WarningRuleName, number> {
  const counts = Object.fromEntries(WARNING_RULES.map((r) => [r, 0])) as Record<WarningRuleName, number>;
  for (const w of warnings) counts[w.rule]++;
  return counts;
}

/** The most frequent value, ties to the first seen. */
function mostFrequent<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best === undefined) throw new Error('nothing to choose from');
  return best[0];
}

/** Same number, or both no figure; the files write full doubles, so the match is exact but for the last bit. */
function sameFigure(cell: number, expected: number): boolean {
  if (Number.isNaN(cell) || Number.isNaN(expected)) return Number.isNaN(cell) && Number.isNaN(expected);
  return Math.abs(cell - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** A saved filter with its lists in one order: the form sends choices in the order it lists them. */
function normalised(filter: unknown): unknown {
  if (typeof filter !== 'object' || filter === null) return filter;
  return Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]));
}

/** A target list file's rows against the engine's list: ids in order, branch, tier and the figures. */
function expectListRows(rows: readonly (readonly unknown[])[], expected: readonly ExpectedTargetRow[]): void {
  expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.customerId));
  const mismatched = expected.filter((e, i) => {
    const [, branch, , , , tier, value, avgProfit, billed] = rows[i] ?? [];
    const num = (x: unknown) => (x === null || x === '' || x === undefined ? NaN : Number(x));
    return branch !== e.branch || (tier ?? '') !== e.tier || !sameFigure(num(value), e.value) || !sameFigure(num(avgProfit), e.avgProfit) || !sameFigure(num(billed), e.avgBilledRevenue);
  });
  expect(mismatched.map((e) => e.customerId)).toEqual([]);
}

describe('monitoring and targeting in the web shell and the CLI', { timeout: STEP_TIMEOUT_MS }, () => {
  let root = '';
  let db = '';
  let downloads = '';
  let expected: MonitoringExpectations;
  let session: Session | undefined;
  const shots: string[] = [];
  const started = Date.now();
  /** The files the app downloaded, for the CLI step to compare with. */
  const appFiles: { warningsCsv?: string; listCsv?: string; listXlsx?: string } = {};

  beforeAll(async () => {
    const build = await ensureRendererBuilt();
    const shotDir = join(artifactDir(), SHOTS);
    mkdirSync(shotDir, { recursive: true });
    for (const name of readdirSync(shotDir)) if (name.endsWith('.png')) rmSync(join(shotDir, name));
    root = tempDir('e2e-monitoring');
    downloads = join(root, 'downloads');
    await mkdir(downloads, { recursive: true });
    await writeSample(join(root, 'sample'), SAMPLE);
    db = join(root, 'kb.db');
    await importIntoKnowledgeBase(join(root, 'sample'), db);
    expected = expectationsFor(db);
    session = await openSession(db);
    console.log(`renderer: ${build}; ${expected.trend.length} trend months, ${expected.warnings.length} warnings, a target list of ${expected.targets.size}`);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    console.log(`monitoring: ${Math.round((Date.now() - started) / 1000)} s; screenshots:\n  ${shots.join('\n  ')}`);
    await session?.close();
    if (root !== '') rmSync(root, { recursive: true, force: true });
  });

  function page() {
    if (session === undefined) throw new Error('no browser session');
    return session.page;
  }
  async function shoot(name: string): Promise<void> {
    shots.push(await saveScreenshot(page(), `${SHOTS}/${name}`));
  }
  const step = stepChain(async (name) => {
    console.log(`cvalue serve said:\n${session?.server.output() ?? ''}`);
    await shoot(`failed-${name.replace(/\W+/g, '-')}`);
  });

  step('趋势 shows six months with the engine’s figures, in the charts’ table and by branch', async () => {
    const trend = new TrendPage(page());
    await trend.open();
    expect(expected.trend.length).toBeGreaterThanOrEqual(6);
    const table = await trend.kpiTable();
    expect(table.rows.map((r) => r[0])).toEqual(expected.trend.map((m) => m.month));
    const tierNames = await trend.kpiTiers();
    expect(table.header.length).toBe(5 + tierNames.length);
    // The scenario's tiers always, 不参与评分 and (无分值) where some month has them.
    expect(new Set(tierNames)).toEqual(new Set(expected.trend.flatMap((m) => [...m.tiers.keys()])));
    table.rows.forEach((row, i) => {
      const m = expected.trend[i];
      if (m === undefined) throw new Error(`no trend month ${i}`);
      expect({ month: row[0], customers: shownNumber(row[1] ?? ''), negative: shownNumber(row[2] ?? '') }).toEqual({ month: m.month, customers: m.customers, negative: m.negativeCount });
      expect(printedAs(shownNumber(row[3] ?? ''), m.loss, 2), `${m.month} loss ${row[3]} vs ${m.loss}`).toBe(true);
      expect(printedAs(shownNumber(row[4] ?? ''), m.totalProfit, 2), `${m.month} total profit ${row[4]} vs ${m.totalProfit}`).toBe(true);
      expect(Object.fromEntries(tierNames.map((t, j) => [t, shownNumber(row[5 + j] ?? '')]))).toEqual(Object.fromEntries(tierNames.map((t) => [t, m.tiers.get(t) ?? 0])));
    });
    expect(await trend.chartsDrawn()).toEqual([true, true]);

    for (const [i, m] of expected.trend.entries()) {
      const groups = await trend.groupTable(i);
      const present = groups.rows.filter((r) => r.length === 5);
      expect(new Set(present.map((r) => r[0])), m.month).toEqual(new Set(m.branches.keys()));
      for (const [branch, customers, negative, share, loss] of present) {
        const want = m.branches.get(branch ?? '');
        if (want === undefined) throw new Error(`${m.month}: no branch ${branch} in the engine's trend`);
        expect([shownNumber(customers ?? ''), shownNumber(negative ?? '')], `${m.month} ${branch}`).toEqual([want.customers, want.negativeCount]);
        expect(printedAs(shownNumber(share ?? '') / 100, want.negativeShare, 4), `${m.month} ${branch} share ${share}`).toBe(true);
        expect(printedAs(shownNumber(loss ?? ''), want.loss, 2), `${m.month} ${branch} loss ${loss}`).toBe(true);
      }
    }
    await shoot('trend-zh');
  });

  step('预警 counts each rule’s warnings as the engine does, filters by rule and branch, and exports the CSV', async () => {
    const warnings = new WarningsPage(page());
    await warnings.open();
    const all = countByRule(expected.warnings);
    expect(await warnings.ruleCounts()).toEqual({ all: expected.warnings.length, ...all });
    expect(expected.warnings.length).toBeGreaterThan(0);
    await shoot('warnings-zh');

    // The busiest rule, in the branch where it fired most: a filter that leaves some rows, not all.
    const rule = mostFrequent(expected.warnings.map((w) => w.rule));
    const branch = mostFrequent(expected.warnings.filter((w) => w.rule === rule && w.branch !== null).map((w) => w.branch as string));
    expect(await warnings.branchChoices()).toEqual([...new Set(expected.warnings.flatMap((w) => (w.branch === null ? [] : [w.branch])))].sort());
    await warnings.chooseRule(rule);
    await warnings.chooseBranch(branch);
    const inBranch = expected.warnings.filter((w) => w.branch === branch);
    const chosen = inBranch.filter((w) => w.rule === rule);
    expect(chosen.length).toBeLessThan(expected.warnings.length);
    // The chips count within the branch, the rule filter left out (so they say what another rule would give).
    expect(await warnings.ruleCounts()).toEqual({ all: inBranch.length, ...countByRule(inBranch) });
    expect(await warnings.total()).toBe(chosen.length);
    const names = await warnings.ruleNames();
    const rows = await warnings.rows();
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(chosen.slice(0, 100).map((w) => [w.month, names[w.rule], w.subject, branch]));
    await shoot('warnings-filtered-zh');

    // The file has the table's columns and rows (every page of them), with the engine's full-precision figures.
    const file = await warnings.exportCsv(downloads);
    appFiles.warningsCsv = file;
    const [header, ...cells] = await readCsvRows(file);
    expect(header).toEqual(await warnings.columnNames());
    expect(cells.slice(0, rows.length).map((r) => r.slice(0, 5))).toEqual(rows.map((r) => r.slice(0, 5)));
    expect(cells.map((r) => [r[0], r[1], r[3], r[4], r[7]])).toEqual(chosen.map((w) => [w.month, names[w.rule], w.subject, w.branch ?? '', csvText(w.detail ?? '')]));
    const figuresOff = chosen.filter((w, i) => !sameFigure(cellNumber(cells[i]?.[5]), w.before) || !sameFigure(cellNumber(cells[i]?.[6]), w.after));
    expect(figuresOff.map((w) => w.subject)).toEqual([]);
    await warnings.chooseRule('all');
  });

  step('目标名单 builds the engine’s list from the form, saves its definition, and downloads it as CSV and xlsx', async () => {
    const results = new ResultsPage(page());
    await results.go('results');
    await results.run();
    const targets = new TargetsPage(page());
    await targets.open();
    const want = expected.targets;
    // The comparison with an ARPU-only list only says something when that list takes in negative customers.
    expect(want.negativeAvoided).toBeGreaterThan(0);

    await targets.chooseTiers(want.filter.tiers);
    await targets.excludeNegative(true);
    await targets.chooseBranches(want.filter.branches);
    const shown = await targets.figures();
    expect({ size: shown.size, negative: shown.negative, arpuNegative: shown.arpuNegative, avoided: shown.avoided }).toEqual({
      size: want.size,
      negative: want.negative,
      arpuNegative: want.arpuNegative,
      avoided: want.negativeAvoided,
    });
    expect(printedAs(shown.sumAvgProfit, want.sumAvgProfit, 2), `Σ avg profit ${shown.sumAvgProfit} vs ${want.sumAvgProfit}`).toBe(true);
    expect(printedAs(shown.avoidedShare, want.negativeAvoidedShare, 4), `avoided share ${shown.avoidedShare} vs ${want.negativeAvoidedShare}`).toBe(true);
    expect(await targets.previewIds()).toEqual(want.rows.slice(0, 100).map((r) => r.customerId));
    await shoot('targets-zh');

    await targets.save(LIST_NAME);
    const saved = JSON.parse(readFileSync(`${db}.targets.json`, 'utf8')) as { definitions: { name: string; filter: unknown }[] };
    expect(normalised(saved.definitions.find((d) => d.name === LIST_NAME)?.filter)).toEqual(normalised(want.filter));
    // Change the form, then load the saved definition back: the same list again.
    await targets.excludeNegative(false);
    expect((await targets.figures()).size).toBeGreaterThan(want.size);
    await targets.load(LIST_NAME);
    expect((await targets.figures()).size).toBe(want.size);

    const csv = await targets.exportAndDownload('csv', '营销目标名单.csv', downloads);
    appFiles.listCsv = csv;
    const csvRows = await readCsvRows(csv);
    expect(csvRows[0]).toEqual(['customer_id', 'branch', 'channel', 'plan', 'segment', 'tier', 'value', 'avg_profit', 'avg_billed_revenue', 'tenure_months']);
    expectListRows(csvRows.slice(1), want.rows);

    const xlsx = await targets.exportAndDownload('xlsx', '营销目标名单.xlsx', downloads);
    appFiles.listXlsx = xlsx;
    const book = await readSheets(xlsx);
    expect(book.errors).toEqual([]);
    expect([...book.sheets.keys()]).toEqual(['营销目标', '说明']);
    const listRows = book.sheets.get('营销目标') ?? [];
    expect(listRows[0]).toEqual(csvRows[0]);
    expectListRows(listRows.slice(1), want.rows);
    const notes = new Map((book.sheets.get('说明') ?? []).map((r) => [String(r[0]), r[1]]));
    expect(notes.get('目标客户数 size')).toBe(want.size);
    expect(notes.get('其中负价值客户 negative-value in list')).toBe(want.negative);
    expect(notes.get('ARPU 同规模名单的负价值客户 negative-value in ARPU-only list')).toBe(want.arpuNegative);
    expect(notes.get('避免的负价值客户 negative-value avoided')).toBe(want.negativeAvoided);
    expect(sameFigure(Number(notes.get('月均利润合计 Σ avg profit')), want.sumAvgProfit)).toBe(true);
    expect(normalised(JSON.parse(String(notes.get('筛选条件 JSON'))))).toEqual(normalised(want.filter));
    await shoot('targets-exported-zh');
  });

  step('the CLI’s trend, warnings and targets files on the same knowledge base say what the app said', async () => {
    const out = join(root, 'cli');
    await runCli('trend', '--db', db, '--out-dir', join(out, 'trend'));
    const groups = (await readCsvRecords(join(out, 'trend', 'trend_groups.csv'))).records;
    const customers = (await readCsvRecords(join(out, 'trend', 'trend_customers.csv'))).records;
    expect([...new Set(customers.map((r) => r.month))].sort()).toEqual(expected.trend.map((m) => m.month));
    for (const m of expected.trend) {
      const ofMonth = customers.filter((r) => r.month === m.month);
      const tiers = new Map<string, number>();
      for (const r of ofMonth) tiers.set(r.tier ?? '', (tiers.get(r.tier ?? '') ?? 0) + 1);
      expect(ofMonth.length, m.month).toBe(m.customers);
      expect(ofMonth.filter((r) => cellNumber(r.avg_profit) < 0).length, m.month).toBe(m.negativeCount);
      expect(tiers, m.month).toEqual(new Map([...m.tiers].filter(([, n]) => n > 0)));
      expect(sameFigure(ofMonth.reduce((s, r) => s + cellNumber(r.avg_profit), 0), m.totalProfit), `${m.month} total profit`).toBe(true);
      const branches = groups.filter((r) => r.grouping === 'branch' && r.month === m.month);
      expect(new Map(branches.map((r) => [r.group, [cellNumber(r.customers), cellNumber(r.negative_count)]]))).toEqual(
        new Map([...m.branches].map(([name, b]) => [name, [b.customers, b.negativeCount]])),
      );
      expect(branches.filter((r) => !sameFigure(cellNumber(r.loss), m.branches.get(r.group ?? '')?.loss ?? NaN)).map((r) => r.group)).toEqual([]);
    }

    await runCli('warnings', '--db', db, '--out-dir', join(out, 'warnings'));
    const warnings = (await readCsvRecords(join(out, 'warnings', 'warnings.csv'))).records;
    expect(warnings.map((w) => [w.month, w.rule, w.subject_kind, w.subject, w.detail])).toEqual(expected.warnings.map((w) => [w.month, w.rule, w.subjectKind, w.subject, w.detail ?? '']));
    expect(expected.warnings.filter((w, i) => !sameFigure(cellNumber(warnings[i]?.before), w.before) || !sameFigure(cellNumber(warnings[i]?.after), w.after)).map((w) => w.subject)).toEqual([]);

    // The list by the command line's filter text, and by the definition the app saved (its JSON).
    const want = expected.targets;
    const said = await runCli('targets', '--db', db, '--filter', want.filterText, '--out', join(out, 'list.csv'));
    expect(said).toContain(`Target list: ${want.size} customers, Σ avg profit ${want.sumAvgProfit.toFixed(2)}, ${want.negative} negative-value; an ARPU-only list of the same size has ${want.arpuNegative}, so ${want.negativeAvoided} avoided`);
    const savedFilter = (JSON.parse(readFileSync(`${db}.targets.json`, 'utf8')) as { definitions: { name: string; filter: unknown }[] }).definitions.find((d) => d.name === LIST_NAME)?.filter;
    await runCli('targets', '--db', db, '--filter', JSON.stringify(savedFilter), '--out', join(out, 'list.xlsx'));
    const cliCsv = await readCsvRows(join(out, 'list.csv'));
    expectListRows(cliCsv.slice(1), want.rows);
    const cliBook = await readSheets(join(out, 'list.xlsx'));
    expectListRows((cliBook.sheets.get('营销目标') ?? []).slice(1), want.rows);
    // And the app's downloads are the same files, row for row.
    if (appFiles.listCsv === undefined || appFiles.listXlsx === undefined) throw new Error('the app step downloaded no list');
    expect(await readCsvRows(appFiles.listCsv)).toEqual(cliCsv);
    expect((await readSheets(appFiles.listXlsx)).sheets.get('营销目标')).toEqual(cliBook.sheets.get('营销目标'));
  });

  step('趋势, 预警 and 目标名单 read in English, with no key left untranslated', async () => {
    const trend = new TrendPage(page());
    await trend.setLanguage('en');
    const screens = [
      ['trend', () => trend.open()],
      ['warnings', () => new WarningsPage(page()).open()],
      ['targets', () => new TargetsPage(page()).open()],
    ] as const;
    for (const [name, open] of screens) {
      await open();
      const text = await trend.byTestId(`main-${name}`).innerText();
      expect(text.match(UNTRANSLATED) ?? [], name).toEqual([]);
      await shoot(`${name}-en`);
    }
    await expect(trend.byTestId('nav-targets').textContent()).resolves.toBe('Target lists');
    await trend.setLanguage('zh');
  });

  step('the page logged no errors on the way', async () => {
    expect(session?.pageErrors ?? []).toEqual([]);
  });
});
