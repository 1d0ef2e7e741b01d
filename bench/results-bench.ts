/**
 * `npm run bench` part `results` (or alone): npx tsx bench/results-bench.ts [customers=1000000]
 * A results set as the warehouse would send it back (issue 7): a synthetic customers.csv of N
 * customers with its scenario.json and the six aggregates files, then, each in a fresh process
 * (`results-bench.ts --child import|open <folder> <db>`) with its peak RSS: the import (read,
 * check every cell, cross-check the aggregates, store), and opening the set as the 结果集 screen
 * does (load the columns, the view with charts and aggregates, one customer page sorted by value,
 * then a page of negative-value customers sorted by profit).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPINGS } from '../core/engine/aggregates.js';
import { resultAggregates } from '../core/engine/results/result-aggregates.js';
import { queryResultCustomers, sortResultCustomers } from '../core/engine/results/result-query.js';
import { readResultSet } from '../core/io/results/read-result-set.js';
import { writeCsv } from '../core/io/run-files/write-run-files.js';
import { aggregateRows } from '../core/io/run-files/run-file-rows.js';
import { CATEGORY_FIELDS, type CategoryField } from '../core/model/fields.js';
import { PackedIds } from '../core/model/id-list.js';
import { RESULT_MONEY_COLUMNS, RESULT_SCORE_COLUMNS, RESULT_TIER_INELIGIBLE, type ResultCustomers } from '../core/model/result-set.js';
import { ResultSetState } from '../core/service/result-set-state.js';
import { resultSetView } from '../core/service/result-set-view.js';
import { openStore } from '../core/store/open-store.js';
import { saveResultSet } from '../core/store/result-sets.js';
import { benchScenario } from './bench-stats.js';
import { seededRandom } from './seeded-random.js';

const scenario = benchScenario({ name: '数仓方案', month: '2026-09' });
const NAMES = {
  branch: ['郑州', '洛阳', '开封', '新乡', '南阳', '周口', '商丘', '信阳', '安阳', '焦作', '许昌', '平顶山', '驻马店', '濮阳', '漯河', '三门峡', '鹤壁', '济源'],
  channel: ['自有营业厅', '社会渠道', '电子渠道', '直销'],
  brand: ['全球通', '动感地带', '神州行'],
  plan: Array.from({ length: 60 }, (_, i) => `套餐${i + 1}`),
  segment: ['商务精英', '家庭用户', '年轻学生', '农村用户'],
};
const REASON = '在网不足3个月';

const fen = (x: number): number => Math.round(x * 100) / 100;

/** Writes the folder; returns its size in bytes. */
async function writeFolder(folder: string, n: number): Promise<number> {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'scenario.json'), JSON.stringify(scenario));
  const rnd = seededRandom(n);
  const ids: string[] = [];
  const money = Object.fromEntries(RESULT_MONEY_COLUMNS.map((k) => [k, new Float64Array(n)])) as Record<(typeof RESULT_MONEY_COLUMNS)[number], Float64Array>;
  const scores = Object.fromEntries(RESULT_SCORE_COLUMNS.map((k) => [k, new Float64Array(n).fill(NaN)])) as Record<(typeof RESULT_SCORE_COLUMNS)[number], Float64Array>;
  const eligible = new Uint8Array(n);
  const reason = new Int32Array(n);
  const tenure = new Float64Array(n);
  const tier = new Int16Array(n);
  const categories = Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, { codes: new Int32Array(n), names: NAMES[f] }])) as Record<CategoryField, { codes: Int32Array; names: string[] }>;
  const out = createWriteStream(join(folder, 'customers.csv'));
  out.write(`customer_id,eligible,reason,tenure_months,${RESULT_MONEY_COLUMNS.join(',')},${RESULT_SCORE_COLUMNS.join(',')},tier,negative,${CATEGORY_FIELDS.join(',')}\n`);
  let chunk = '';
  for (let c = 0; c < n; c++) {
    const id = `1${String(c).padStart(10, '0')}`;
    ids.push(id);
    const isEligible = rnd() < 0.9;
    eligible[c] = isEligible ? 1 : 0;
    reason[c] = isEligible ? 0 : 1;
    tenure[c] = isEligible ? 3 + Math.floor(rnd() * 120) : Math.floor(rnd() * 3);
    const revenue = fen(10 + rnd() * 200);
    const settlement = fen(rnd() * 20);
    const individual = fen(rnd() * 30);
    const allocated = 10 + rnd() * 40;
    money.avg_revenue[c] = revenue;
    money.avg_settlement_cost[c] = settlement;
    money.avg_individual_cost[c] = individual;
    money.avg_allocated[c] = allocated;
    money.avg_profit[c] = revenue - settlement - individual - allocated;
    for (const f of CATEGORY_FIELDS) categories[f].codes[c] = Math.floor(rnd() * NAMES[f].length);
    let tierText = '';
    if (isEligible) {
      for (const k of RESULT_SCORE_COLUMNS) scores[k][c] = rnd() * 100;
      const v = scores.value[c] as number;
      tier[c] = v >= 80 ? 0 : v >= 60 ? 1 : v >= 40 ? 2 : 3;
      tierText = ['A', 'B', 'C', 'D'][tier[c] as number] as string;
    } else tier[c] = RESULT_TIER_INELIGIBLE;
    const cell = (x: number): string => (Number.isNaN(x) ? '' : String(x));
    chunk += `${id},${eligible[c]},${isEligible ? '' : REASON},${tenure[c]},${RESULT_MONEY_COLUMNS.map((k) => money[k][c] as number).join(',')},${RESULT_SCORE_COLUMNS.map((k) => cell(scores[k][c] as number)).join(',')},${tierText},${(money.avg_profit[c] as number) < 0 ? 1 : 0},${CATEGORY_FIELDS.map((f) => NAMES[f][categories[f].codes[c] as number]).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  const customers: ResultCustomers = { ids: PackedIds.fromSorted(ids), eligible, reason, reasons: ['', REASON], tenure, money, scores, tier, categories };
  const aggregates = resultAggregates(customers, scenario);
  for (const g of GROUPINGS) await writeCsv(join(folder, `aggregates_${g}.csv`), aggregateRows(aggregates[g], g));
  return statSync(join(folder, 'customers.csv')).size;
}

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;

async function child(mode: string, folder: string, db: string): Promise<object> {
  const store = openStore(db);
  try {
    if (mode === 'import') {
      const started = performance.now();
      const read = await readResultSet([folder]);
      if (!read.ok) throw new Error(JSON.stringify(read.report.problems.slice(0, 3)));
      const readSeconds = seconds(started);
      const saving = performance.now();
      saveResultSet(store, read.set);
      return { mode, readSeconds, saveSeconds: seconds(saving), importSeconds: seconds(started), peakRssMb: peakRssMb(), dbMb: Math.round(statSync(db).size / 2 ** 20) };
    }
    const started = performance.now();
    const loaded = new ResultSetState(store).get(1);
    const loadSeconds = seconds(started);
    const viewing = performance.now();
    resultSetView(loaded);
    const viewSeconds = seconds(viewing);
    const sorting = performance.now();
    const byValue = sortResultCustomers(loaded.set.customers, 'value', true);
    queryResultCustomers(loaded.set, byValue, {}, 0, 100);
    const firstPageSeconds = seconds(sorting);
    const filtering = performance.now();
    queryResultCustomers(loaded.set, sortResultCustomers(loaded.set.customers, 'avgProfit', false), { negative: true, branch: '郑州' }, 0, 100);
    return { mode, loadSeconds, viewSeconds, firstPageSeconds, filteredPageSeconds: seconds(filtering), peakRssMb: peakRssMb() };
  } finally {
    store.close();
  }
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3] as string, process.argv[4] as string, process.argv[5] as string)));
} else {
  const n = Number(process.argv[2] ?? 1_000_000);
  const work = mkdtempSync(join(tmpdir(), 'cvs-results-bench-'));
  try {
    const folder = join(work, 'results');
    const db = join(work, 'kb.db');
    const csvBytes = await writeFolder(folder, n);
    const run = (mode: string): object => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, folder, db], { encoding: 'utf8' }).trim().split('\n').pop() as string) as object;
    const imported = run('import');
    const opened = run('open');
    console.log(JSON.stringify({ customers: n, customersCsvMb: Math.round(csvBytes / 2 ** 20), import: imported, open: opened }, null, 2));
  } finally {
    if (process.env.RESULTS_BENCH_KEEP === undefined) rmSync(work, { recursive: true, force: true });
    else console.error(`kept ${work}`);
  }
}
