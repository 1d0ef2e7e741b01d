/**
 * datasets:importSample on an empty knowledge base, 500 customers × 3 months: a cancel while the
 * workbooks are written leaves nothing behind, the import records the six workbooks by file name,
 * and the same sample loaded again is unchanged. The service's temporary area is made under this
 * test's folder, so whatever it leaves there is seen.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallResult, Channel, ChannelArgument, ChannelOutput, JobProgress, ServiceHost } from '../../core/service/contract.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { INPUT_KINDS } from '../../core/sample/sheet-layouts.js';
import { tempDir } from '../support/paths.js';

const WORKBOOKS = INPUT_KINDS.map((kind) => `${kind}.xlsx`).sort();
const SAMPLE = { customers: 500, months: 3 } as const;

const dir = tempDir('import-sample');
const temp = join(dir, 'temp');
mkdirSync(temp);
const service: ServiceHost = createInProcessService({ databasePath: join(dir, 'kb.db'), shell: 'electron', tempDir: temp });

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>, onProgress: (p: JobProgress) => void = () => undefined): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, (m) => (m.event === 'jobs:progress' ? onProgress(m.payload) : undefined));
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Everything in the temporary base: the service's area, and what is in it. */
function leftInTemp(): string[] {
  return readdirSync(temp, { recursive: true, encoding: 'utf8' });
}

describe('datasets:importSample', () => {
  afterAll(async () => {
    await service.close();
  });

  it('stops when cancelled while writing the workbooks, leaving the knowledge base empty and no folder', async () => {
    const events: JobProgress[] = [];
    let cancel: Promise<CallResult<'jobs:cancel'>> | null = null;
    const answer = await service.call('datasets:importSample', { jobId: 'sample-1', ...SAMPLE }, (m) => {
      if (m.event !== 'jobs:progress') return;
      events.push(m.payload);
      cancel ??= service.call('jobs:cancel', { jobId: 'sample-1' }, () => undefined);
    });
    expect(events[0]).toEqual({ jobId: 'sample-1', channel: 'datasets:importSample', stage: 'sample', done: 0, total: 500 });
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'job.cancelled' } });
    expect(await call('datasets:list', {})).toEqual([]);
    // The service's area stays until it closes; the job's folder in it is gone.
    expect(leftInTemp()).toEqual([expect.stringMatching(/^cvs-scratch-/)]);
  });

  it('imports the workbooks, recorded by file name, writing first and importing after', async () => {
    const stages: string[] = [];
    const answer = await call('datasets:importSample', { jobId: 'sample-2', ...SAMPLE }, (p) => stages.push(p.stage));
    if (answer.status !== 'imported') throw new Error(`not imported: ${answer.status}`);
    expect(answer.imported.months).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(answer.report.errorCount).toBe(0);
    expect(answer.report.files.map((f) => f.file).sort()).toEqual(WORKBOOKS);
    // Progress is throttled, so not every stage is seen; but the writing is all before the import.
    expect(stages[0]).toBe('sample');
    expect(stages.slice(stages.findIndex((s) => s !== 'sample')).includes('sample')).toBe(false);

    const [listed, ...others] = await call('datasets:list', {});
    expect(others).toEqual([]);
    expect(listed?.datasets.map((d) => d.file).sort()).toEqual(WORKBOOKS);
    expect(listed?.datasets.find((d) => d.file === 'usage.xlsx')).toMatchObject({ sheet: '用量账单', kind: 'usage' });
    expect(leftInTemp()).toEqual([expect.stringMatching(/^cvs-scratch-/)]);
  });

  it('answers unchanged when the same sample is loaded again', async () => {
    const again = await call('datasets:importSample', { jobId: 'sample-3', ...SAMPLE });
    if (again.status !== 'unchanged') throw new Error(`not unchanged: ${again.status}`);
    expect([...again.skipped].sort()).toEqual(WORKBOOKS);
    expect(await call('datasets:list', {})).toHaveLength(1);
    expect(leftInTemp()).toEqual([expect.stringMatching(/^cvs-scratch-/)]);
  });

  it('refuses a size outside the choices', async () => {
    const answer = await service.call('datasets:importSample', { jobId: 'sample-4', customers: 50 }, () => undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
  });

  it('removes its temporary area when it closes', async () => {
    await service.close();
    expect(leftInTemp()).toEqual([]);
  });
});
