/**
 * export:report with 趋势 and 预警 through the in-process service (400 customers × 5 months):
 * the report reuses the trend the 趋势 screen cached, computes one (reporting stage 'trend')
 * when none is cached, and its 预警 sheet lists what warnings:list counts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelArgument, ChannelOutput, ServiceEventMessage, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { trendCacheStats } from '../../core/service/trend-handlers.js';
import { tempDir } from '../support/paths.js';
import { dumpSheet, dumpWorkbook } from '../support/office/openpyxl-dump.js';
import { sheetTable } from '../io/value-report/report-tables.js';

const dir = tempDir('export-trend');
let service: ServiceHost;
const events: ServiceEventMessage[] = [];

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, (m) => events.push(m));
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function runId(scenario: Record<string, unknown>, jobId: string): Promise<string> {
  const answer = await call('runs:start', { jobId, scenario });
  if (!answer.ok) throw new Error('scenario refused');
  return answer.run.runId;
}

function trendStages(jobId: string): number {
  return events.filter((e) => e.event === 'jobs:progress' && e.payload.jobId === jobId && e.payload.stage === 'trend').length;
}

describe('export:report with the trend sheets', () => {
  beforeAll(async () => {
    service = createInProcessService({ databasePath: join(dir, 'kb.db'), shell: 'electron', tempDir: dir });
    const imported = await call('datasets:importSample', { jobId: 'sample', customers: 400, months: 5 });
    expect(imported.status).toBe('imported');
  }, 60_000);

  afterAll(async () => {
    await service.close();
  });

  it('reuses the trend the 趋势 screen cached, and lists the warnings warnings:list counts', async () => {
    const scenario = { name: '导出趋势', trend_months: 4 };
    const listed = await call('warnings:list', { jobId: 'w1', scenario, limit: 1 });
    if (!listed.ok) throw new Error('scenario refused');
    const computed = trendCacheStats.computed;
    const id = await runId(scenario, 'run-1');
    const answer = await call('export:report', { jobId: 'export-1', runId: id, preset: 'summary', lang: 'zh', target: join(dir, 'cached.xlsx') });
    expect(answer.sheets).toEqual(expect.arrayContaining(['趋势', '预警']));
    expect(trendCacheStats.computed).toBe(computed);
    expect(trendStages('export-1')).toBe(0);
    const sheet = dumpSheet(await dumpWorkbook(answer.path), '预警');
    const header = Object.entries(sheet.cells).find(([, c]) => c.value === '月份')?.[0];
    expect(sheetTable(sheet, Number(header?.slice(1))).rows).toHaveLength(listed.page.total);
  });

  it('computes the trend on a miss, reporting stage trend', async () => {
    const id = await runId({ name: '另一窗口', window: 2, trend_months: 3 }, 'run-2');
    const computed = trendCacheStats.computed;
    const answer = await call('export:report', { jobId: 'export-2', runId: id, preset: 'summary', lang: 'en', target: join(dir, 'miss.xlsx') });
    expect(answer.sheets).toEqual(expect.arrayContaining(['Trend', 'Warnings']));
    expect(trendCacheStats.computed).toBe(computed + 1);
    expect(trendStages('export-2')).toBeGreaterThan(0);
  });
});
