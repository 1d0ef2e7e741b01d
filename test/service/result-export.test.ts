/**
 * results:export through the in-process service (web shell): the value workbook of an imported
 * results set lands in the downloads folder with its sheets and size, reports progress, shows
 * the figures results:view shows, refuses targets outside the downloads and unknown sets, and a
 * cancelled export leaves no file behind.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelSession } from '../../core/engine/run-model.js';
import { readInputFiles } from '../../core/io/read-inputs.js';
import { writeRunFiles } from '../../core/io/run-files/write-run-files.js';
import { parseScenario } from '../../core/model/scenario.js';
import { writeSampleCsv } from '../../core/sample/write-sample-csv.js';
import type { CallResult, Channel, ChannelArgument, ChannelOutput, ServiceEventMessage, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { sheetTable } from '../io/value-report/report-tables.js';
import { dumpSheet, dumpWorkbook } from '../support/office/openpyxl-dump.js';
import { tempDir } from '../support/paths.js';

const CUSTOMERS = 1200;
const dir = tempDir('result-export');
const downloads = join(dir, 'downloads');
const runDir = join(dir, 'run');
const events: ServiceEventMessage[] = [];
let service: ServiceHost;
let setId = 0;

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, (m) => events.push(m));
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function refused<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<string> {
  const result = await service.call(channel, argument, () => undefined);
  if (result.ok) throw new Error(`${channel} was not refused`);
  return result.error.code;
}

describe('results:export', () => {
  beforeAll(async () => {
    // A run made "elsewhere": its run files, as cvalue run --out-dir writes them.
    const sampleDir = join(dir, 'sample');
    await writeSampleCsv(sampleDir, { customers: CUSTOMERS, months: 3, seed: 5 });
    const read = await readInputFiles([sampleDir]);
    if (!read.ok) throw new Error('sample did not read');
    const parsed = parseScenario({ name: '数仓方案' });
    if (!parsed.ok) throw new Error('scenario');
    await writeRunFiles(runDir, new ModelSession(read.input).run(parsed.scenario));
    service = createInProcessService({ databasePath: join(dir, 'kb.db'), shell: 'web', downloadsDir: downloads, tempDir: dir });
    const imported = await call('results:import', { jobId: 'import', paths: [runDir], name: '省公司 数仓' });
    if (imported.status !== 'imported') throw new Error(JSON.stringify(imported.report.problems.slice(0, 5)));
    setId = imported.set.id;
  }, 120_000);

  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the full workbook into the downloads, with its sheets, size and progress', async () => {
    const before = events.length;
    const answer = await call('results:export', { jobId: 'export-full', id: setId, preset: 'full', lang: 'zh', target: '结果集.xlsx' });
    expect(answer.path).toBe(join(downloads, '结果集.xlsx'));
    expect(answer.bytes).toBe(statSync(answer.path).size);
    expect(answer.sheets).toEqual(['说明', '客户价值明细', '资费评估', '分公司', '渠道', '品牌', '细分群', '价值分层', '成本分摊核对', '参数']);
    // Progress is throttled, so only the first stage is certain to be seen.
    const progress = events.slice(before).flatMap((e) => (e.event === 'jobs:progress' && e.payload.jobId === 'export-full' ? [e.payload] : []));
    expect(progress[0]).toMatchObject({ channel: 'results:export', stage: 'charts', total: CUSTOMERS });

    const view = await call('results:view', { id: setId });
    const dump = await dumpWorkbook(answer.path);
    expect(dump.sheets.map((s) => s.name)).toEqual(answer.sheets);
    const customers = sheetTable(dumpSheet(dump, '客户价值明细'), 1).rows;
    expect(customers).toHaveLength(view.kpis.customers);
    expect(customers.filter((r) => r['负价值'] === '是')).toHaveLength(view.kpis.negativeCount);
    const plans = sheetTable(dumpSheet(dump, '资费评估'), 1).rows.slice(0, -1);
    expect(plans.map((r) => r['资费'])).toEqual(view.aggregates.plan.map((r) => r.group));
    plans.forEach((r, i) => expect(r['月均利润合计']).toBeCloseTo(view.aggregates.plan[i]?.sumAvgProfit ?? NaN, 6));
    const overview = Object.values(dumpSheet(dump, '说明').cells).map((c) => c.value);
    expect(overview).toContain(`#${setId} 省公司 数仓`);
  }, 120_000);

  it('writes the summary in English', async () => {
    const answer = await call('results:export', { jobId: 'export-summary', id: setId, preset: 'summary', lang: 'en', target: 'summary.xlsx' });
    expect(answer.sheets.slice(0, 4)).toEqual(['About', 'Negative-value customers', 'Top customers', 'Bottom customers']);
    const view = await call('results:view', { id: setId });
    const dump = await dumpWorkbook(answer.path);
    const negative = sheetTable(dumpSheet(dump, 'Negative-value customers'), 2).rows.map((r) => r['Avg profit'] as number);
    expect(negative).toHaveLength(view.kpis.negativeCount);
    expect(negative).toEqual([...negative].sort((a, b) => a - b));
  }, 60_000);

  it('refuses a target outside the downloads, a non-xlsx target and an unknown set', async () => {
    expect(await refused('results:export', { jobId: 'e1', id: setId, preset: 'summary', lang: 'zh', target: '../escape.xlsx' })).toBe('export.bad_target');
    expect(await refused('results:export', { jobId: 'e2', id: setId, preset: 'summary', lang: 'zh', target: 'report.csv' })).toBe('export.bad_target');
    expect(await refused('results:export', { jobId: 'e3', id: setId + 100, preset: 'summary', lang: 'zh', target: 'none.xlsx' })).toBe('store.result_set_not_found');
    expect(existsSync(join(downloads, 'none.xlsx'))).toBe(false);
  });

  it('cancels an export, leaving no file behind', async () => {
    let cancel: Promise<CallResult<'jobs:cancel'>> | null = null;
    const exporting = service.call('results:export', { jobId: 'export-cancel', id: setId, preset: 'full', lang: 'zh', target: 'cancelled.xlsx' }, (m) => {
      if (m.event === 'jobs:progress') cancel ??= service.call('jobs:cancel', { jobId: 'export-cancel' }, () => undefined);
    });
    const answer = await exporting;
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(answer.ok ? '' : answer.error.code).toBe('job.cancelled');
    expect(readdirSync(downloads).filter((f) => f.includes('cancelled'))).toEqual([]);
  });
});
