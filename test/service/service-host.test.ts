/**
 * The service end to end through the worker host, on the sample province as workbooks
 * (2,000 customers × 6 months): import with progress, datasets, previews, scenarios, a run and
 * a what-if re-run, customer pages against a brute-force computation, traces, a comparison, the
 * value report (and a cancelled one), and refused calls.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxFile } from '../../core/io/xlsx/read-xlsx-file.js';
import { writeSampleXlsx } from '../../core/sample/write-sample-xlsx.js';
import type { CallResult, Channel, ChannelArgument, ChannelOutput, CustomerRowView, RunView, ServiceError, ServiceEventMessage, ServiceHost } from '../../core/service/contract.js';
import { createServiceHost } from '../../core/service/service-host.js';
import { openStore } from '../../core/store/open-store.js';
import { listRuns } from '../../core/store/runs.js';
import { tempDir } from '../support/paths.js';

const dir = tempDir('service');
const sampleDir = join(dir, 'sample');
const downloads = join(dir, 'downloads');
let host: ServiceHost;
const events: ServiceEventMessage[] = [];

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await host.call(channel, argument, (m) => events.push(m));
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function refused<C extends Channel>(channel: C, argument: unknown): Promise<ServiceError> {
  const result: CallResult<C> = await host.call(channel, argument, (m) => events.push(m));
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error;
}

async function run(scenario: Record<string, unknown>, jobId: string): Promise<RunView> {
  const answer = await call('runs:start', { jobId, scenario });
  if (!answer.ok) throw new Error(`scenario refused: ${JSON.stringify(answer.issues)}`);
  return answer.run;
}

/** Every customer of the run, in id order, fetched page by page. */
async function allCustomers(runId: string): Promise<CustomerRowView[]> {
  const rows: CustomerRowView[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call('customers:query', { runId, offset, limit: 1000 });
    rows.push(...page.rows);
    if (rows.length >= page.total) return rows;
  }
}

const NEW_WEIGHTS = { profit: 0.3, loyalty: 0.3, credit: 0.2, behaviour: 0.2 };

describe('service host (worker)', () => {
  beforeAll(async () => {
    await writeSampleXlsx(sampleDir, { customers: 2000, months: 6 });
    host = createServiceHost({ databasePath: join(dir, 'kb.db'), shell: 'web', downloadsDir: downloads });
  });

  afterAll(async () => {
    await host.close();
  });

  it('imports the sample workbooks with progress events', async () => {
    const answer = await call('datasets:import', { jobId: 'import-1', paths: [sampleDir] });
    expect(answer.status).toBe('imported');
    if (answer.status !== 'imported') return;
    expect(answer.imported.customers).toBe(2000);
    expect(answer.imported.months).toHaveLength(6);
    expect(answer.report.errorCount).toBe(0);
    const progress = events.filter((e) => e.event === 'jobs:progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((e) => e.event === 'jobs:progress' && e.payload.jobId === 'import-1' && e.payload.channel === 'datasets:import')).toBe(true);
    expect(events).toContainEqual({ event: 'data:changed', payload: { what: 'datasets' } });

    const again = await call('datasets:import', { jobId: 'import-2', paths: [sampleDir] });
    expect(again.status).toBe('unchanged');
    if (again.status === 'unchanged') expect(again.skipped).toHaveLength(6);
  });

  it('lists the datasets and previews the files', async () => {
    const imports = await call('datasets:list', {});
    expect(imports).toHaveLength(1);
    expect(imports[0]?.datasets.map((d) => d.kind).sort()).toEqual(['campaigns', 'credit', 'individual_costs', 'pools', 'settlement', 'usage']);
    const previews = await call('datasets:preview', { paths: [join(sampleDir, 'usage.xlsx'), join(sampleDir, 'cost_pools.xlsx')] });
    const usage = previews.find((p) => p.kind === 'usage');
    expect(usage?.rows).toHaveLength(20);
    expect(usage?.headerRow).not.toBeNull();
    expect(Object.values(usage?.fields ?? {})).toContain('billed_revenue');
    expect(previews.some((p) => p.kind === 'pools')).toBe(true);
    const info = await call('app:info', {});
    expect(info).toMatchObject({ shell: 'web', dataLoaded: true });
  });

  it('saves, copies, validates and deletes scenarios', async () => {
    const saved = await call('scenarios:save', { scenario: { name: '基准', window: 3 } });
    expect(saved.ok).toBe(true);
    const bad = await call('scenarios:save', { scenario: { name: '坏', value_weights: { profit: 0.9 } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ path: 'value_weights', code: 'scenario.weights_sum' });
    const invalid = await call('scenarios:validate', { scenario: { window: 0, extra: 1 } });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.issues.map((i) => i.path).sort()).toEqual(['', 'window']);
    const parsed = await call('scenarios:parse', { text: '{"name": "x",\n "window": }' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.code).toBe('scenario.json_syntax');

    const copy = await call('scenarios:copy', { name: '基准', newName: '基准副本' });
    expect(copy.scenario.name).toBe('基准副本');
    expect((await refused('scenarios:copy', { name: '基准', newName: '基准副本' })).code).toBe('scenario.name_taken');
    expect((await refused('scenarios:copy', { name: '没有', newName: 'x' })).code).toBe('scenario.not_found');
    expect((await call('scenarios:list', {})).map((s) => s.name)).toEqual(['基准', '基准副本']);
    expect(await call('scenarios:delete', { name: '基准副本' })).toEqual({ deleted: true });
    expect(await call('scenarios:delete', { name: '基准副本' })).toEqual({ deleted: false });
    expect(events).toContainEqual({ event: 'data:changed', payload: { what: 'scenarios' } });
  });

  let latest: RunView;

  it('runs, and re-runs after a change of value weights, with other tiers', async () => {
    const first = await run({}, 'run-1');
    expect(first.kpis.customers).toBeGreaterThan(1500);
    const whatIf = await run({ value_weights: NEW_WEIGHTS }, 'run-2');
    expect(whatIf.kpis.tiers).not.toEqual(first.kpis.tiers);
    expect(whatIf.kpis.totalProfit).toBe(first.kpis.totalProfit);
    expect(whatIf.runId).not.toBe(first.runId);
    // The what-if session overwrote the first run's arrays: its id is refused, not answered wrongly.
    expect((await refused('customers:query', { runId: first.runId })).code).toBe('run.superseded');
    expect((await refused('customers:query', { runId: 'from-before-a-restart' })).code).toBe('run.not_found');
    latest = whatIf;
  });

  it('filters, sorts and pages customers as a brute-force computation does', async () => {
    const everyone = await allCustomers(latest.runId);
    expect(everyone).toHaveLength(latest.kpis.customers);
    const byId = (a: CustomerRowView, b: CustomerRowView): number => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
    expect(everyone.map((r) => r.customerId)).toEqual([...everyone].sort(byId).map((r) => r.customerId));

    const page = await call('customers:query', { runId: latest.runId, limit: 1 });
    const queries: { filter: ChannelArgument<'customers:query'>['filter']; column: 'avgProfit' | 'value' | 'tenureMonths' | 'customerId'; descending: boolean; offset: number }[] = [
      { filter: { branch: '郑州', negative: true }, column: 'avgProfit', descending: true, offset: 0 },
      { filter: { tier: 'B' }, column: 'value', descending: false, offset: 37 },
      { filter: { eligible: false }, column: 'tenureMonths', descending: true, offset: 5 },
      { filter: { search: everyone[100]?.customerId.slice(0, 4) ?? '' }, column: 'customerId', descending: true, offset: 2 },
      { filter: { plan: page.choices.plan[0] ?? '', channel: page.choices.channel[1] ?? '' }, column: 'value', descending: true, offset: 0 },
    ];
    for (const q of queries) {
      const got = await call('customers:query', { runId: latest.runId, filter: q.filter, sort: { column: q.column, descending: q.descending }, offset: q.offset, limit: 50 });
      const f = q.filter ?? {};
      const matching = everyone.filter(
        (r) =>
          (f.branch === undefined || r.branch === f.branch) &&
          (f.channel === undefined || r.channel === f.channel) &&
          (f.plan === undefined || r.plan === f.plan) &&
          (f.tier === undefined || r.tier === f.tier) &&
          (f.negative === undefined || r.negative === f.negative) &&
          (f.eligible === undefined || r.eligible === f.eligible) &&
          (f.search === undefined || r.customerId.startsWith(f.search)),
      );
      const column = q.column;
      const sorted =
        column === 'customerId'
          ? (q.descending ? [...matching].reverse() : matching)
          : [...matching].sort((a, b) => {
              const x = a[column];
              const y = b[column];
              if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
              return (q.descending ? y - x : x - y) || byId(a, b);
            });
      expect(got.total).toBe(matching.length);
      expect(got.rows).toEqual(sorted.slice(q.offset, q.offset + 50));
    }
    expect(page.choices.tier).toContain('不参与评分');
    expect(page.choices.branch).toContain('郑州');
  });

  it('traces a customer: pool parts add up to the allocation, months to the averages', async () => {
    const negatives = await call('customers:query', { runId: latest.runId, filter: { negative: true, eligible: true }, limit: 3 });
    for (const row of negatives.rows) {
      const trace = await call('customers:trace', { runId: latest.runId, customerId: row.customerId });
      expect(trace.customer).toEqual(row);
      const window = trace.months.filter((m) => m.inWindow);
      expect(window).toHaveLength(3);
      for (const m of trace.months) {
        expect(Math.abs(m.pools.reduce((s, p) => s + p.allocated, 0) - m.allocated)).toBeLessThanOrEqual(1e-9);
      }
      expect(window.reduce((s, m) => s + m.allocated, 0) / 3).toBeCloseTo(row.avgAllocated, 9);
      expect(trace.scores.map((s) => s.name)).toEqual(['profit_score', 'credit', 'loyalty', 'behaviour', 'value']);
      expect(trace.scores.find((s) => s.name === 'value')?.score).toBe(row.value);
    }
    expect((await refused('customers:trace', { runId: latest.runId, customerId: 'nobody' })).code).toBe('customer.not_found');
  });

  let comparison: ChannelOutput<'compare:run'>;

  it('compares two scenarios', async () => {
    comparison = await call('compare:run', { jobId: 'compare-1', a: {}, b: { value_weights: NEW_WEIGHTS } });
    expect(comparison.ok).toBe(true);
    if (!comparison.ok) return;
    const c = comparison.comparison;
    expect(c.migration.flat().reduce((s, n) => s + n, 0)).toBe(c.a.kpis.customers);
    const a = await allCustomers(c.a.runId);
    const b = new Map((await allCustomers(c.b.runId)).map((r) => [r.customerId, r]));
    const changed = a.filter((r) => b.get(r.customerId)?.tier !== r.tier);
    expect(c.tierChangeCount).toBe(changed.length);
    expect(c.tierChanges).toHaveLength(Math.min(1000, changed.length));
    expect(c.b.kpis.tiers).toEqual(latest.kpis.tiers);
    const refusedCompare = await call('compare:run', { jobId: 'compare-2', a: { window: 0 }, b: {} });
    expect(refusedCompare.ok).toBe(false);
    if (!refusedCompare.ok) expect(refusedCompare.issues[0]?.path).toBe('a.window');
  });

  it('exports the value report of a comparison', async () => {
    if (!comparison.ok) throw new Error('no comparison');
    const { a, b } = comparison.comparison;
    const before = events.length;
    const answer = await call('export:report', { jobId: 'export-1', runId: a.runId, compareRunId: b.runId, preset: 'full', lang: 'zh', target: '报告.xlsx' });
    expect(answer.path).toBe(join(downloads, '报告.xlsx'));
    expect(answer.bytes).toBe(statSync(answer.path).size);
    expect(answer.sheets).toContain('方案对比');
    expect(events.slice(before).some((e) => e.event === 'jobs:progress' && e.payload.channel === 'export:report')).toBe(true);
    // Read back with the app's own workbook reader: every sheet there, every customer on its sheet.
    const rows = new Map<string, number>();
    await readXlsxFile(answer.path, {
      openSheet: (source) => {
        const name = source.sheet ?? '';
        rows.set(name, 0);
        return () => rows.set(name, (rows.get(name) ?? 0) + 1);
      },
      closeSheet: () => undefined,
      problem: (severity, problem) => {
        if (severity === 'error') throw new Error(problem.en);
      },
    });
    expect([...rows.keys()]).toEqual(answer.sheets);
    expect(rows.get('客户价值明细')).toBeGreaterThanOrEqual(a.kpis.customers + 1);
    // The exported run is kept in the knowledge base's history (read beside the worker's connection).
    const store = openStore(join(dir, 'kb.db'), { mustExist: true });
    try {
      expect(listRuns(store).map((r) => [r.scenario.name, r.month])).toEqual([[a.scenario.name, a.month]]);
    } finally {
      store.close();
    }
  });

  it('cancels an export, leaving no file behind', async () => {
    // Cancelled once the writer has started (its first progress event), so its temporary file exists.
    let cancel: Promise<CallResult<'jobs:cancel'>> | null = null;
    const exporting = host.call('export:report', { jobId: 'export-2', runId: latest.runId, preset: 'full', lang: 'en', target: 'cancelled.xlsx' }, (m) => {
      if (m.event === 'jobs:progress') cancel ??= host.call('jobs:cancel', { jobId: 'export-2' }, () => undefined);
    });
    const answer = await exporting;
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('job.cancelled');
    expect(existsSync(join(downloads, 'cancelled.xlsx'))).toBe(false);
    expect(readdirSync(downloads).filter((f) => f.includes('cancelled'))).toEqual([]);
    expect(await call('jobs:cancel', { jobId: 'export-2' })).toEqual({ cancelled: false });
  });

  it('refuses malformed arguments, unknown channels and targets outside the downloads', async () => {
    const bad = await refused('customers:query', { runId: latest.runId, filter: { branch: 7 } });
    expect(bad.code).toBe('service.bad_argument');
    expect(bad.details).toMatchObject({ channel: 'customers:query', path: 'filter.branch' });
    expect(bad.zh).toContain('filter.branch');
    const extra = await refused('datasets:list', { surprise: true });
    expect(extra.code).toBe('service.bad_argument');
    const unknown = await host.call('files:delete' as Channel, {}, () => undefined);
    expect(unknown.ok ? null : unknown.error.code).toBe('service.unknown_channel');
    const outside = await refused('export:report', { jobId: 'export-3', runId: latest.runId, preset: 'summary', lang: 'zh', target: '../escape.xlsx' });
    expect(outside.code).toBe('export.bad_target');
  });

  it('drops every run when the data is deleted', async () => {
    const [only] = await call('datasets:list', {});
    if (only === undefined) throw new Error('no import');
    await call('datasets:delete', { importId: only.id });
    expect((await refused('customers:query', { runId: latest.runId })).code).toBe('run.superseded');
    expect((await refused('runs:start', { jobId: 'run-3', scenario: {} })).code).toBe('store.empty');
    expect((await refused('datasets:delete', { importId: only.id })).code).toBe('store.import_not_found');
  });
});
