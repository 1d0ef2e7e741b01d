/**
 * The service in the calling thread (as the CLI and these tests use it) on the worked example:
 * errors as data, column mappings, previews of unfamiliar files, validation, and duplicate
 * calls sharing one job.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelArgument, ChannelOutput, ServiceError, ServiceHost } from '../../core/service/contract.js';
import { toServiceError } from '../../core/service/service-errors.js';
import { createInProcessService } from '../../core/service/in-process-service.js';
import { MINI, tempDir } from '../support/paths.js';

const MINI_FILES = ['usage.csv', 'settlement.csv', 'individual_costs.csv', 'credit.csv', 'cost_pools.csv', 'campaigns.csv'].map((f) => join(MINI, f));
const dir = tempDir('in-process');
let service: ServiceHost;

async function call<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
  const result = await service.call(channel, argument, () => undefined);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

async function refused(channel: Channel, argument: unknown): Promise<ServiceError> {
  const result = await service.call(channel, argument, () => undefined);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error;
}

describe('in-process service', () => {
  beforeAll(async () => {
    service = createInProcessService({ databasePath: join(dir, 'kb.db'), shell: 'electron' });
    const imported = await call('datasets:import', { jobId: 'import', paths: MINI_FILES });
    expect(imported.status).toBe('imported');
  });

  afterAll(async () => {
    await service.close();
  });

  it('shares one run between duplicate calls with the same jobId', async () => {
    const scenario = { name: 'mini', month: '2026-03', window: 3, min_tenure: 3 };
    const [a, b] = await Promise.all([service.call('runs:start', { jobId: 'same', scenario }, () => undefined), service.call('runs:start', { jobId: 'same', scenario }, () => undefined)]);
    expect(a.ok && b.ok && a.value.ok && b.value.ok && a.value.run.runId === b.value.run.runId).toBe(true);
    const next = await call('runs:start', { jobId: 'same', scenario });
    expect(next.ok && a.ok && a.value.ok && next.run.runId !== a.value.run.runId).toBe(true);
  });

  it('refuses a month without data', async () => {
    expect((await refused('runs:start', { jobId: 'r', scenario: { month: '2025-01' } })).code).toBe('run.month_not_loaded');
  });

  it('saves, lists and deletes column mappings, refusing unknown fields', async () => {
    const saved = await call('mappings:save', { mapping: { headers: ['Cust No', 'Period', 'Bill'], fields: { 'Cust No': 'customer_id', Period: 'month', Bill: 'billed_revenue' } } });
    expect(saved.signature).toBe('custno|period|bill');
    expect(await call('mappings:list', {})).toEqual([{ signature: 'custno|period|bill', headers: ['custno', 'period', 'bill'], fields: { custno: 'customer_id', period: 'month', bill: 'billed_revenue' } }]);
    expect((await refused('mappings:save', { mapping: { headers: ['A'], fields: { A: 'no_such_field' } } })).code).toBe('mapping.unknown_field');
    expect(await call('mappings:delete', { signature: saved.signature })).toEqual({ deleted: true });
  });

  it('previews a file with unfamiliar headers, and reads it with a mapping', async () => {
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'Cust No,Period,Bill\nC1,2026-03,10\nC2,2026-03,20\n');
    const [plain] = await call('datasets:preview', { paths: [file] });
    expect(plain).toMatchObject({ kind: 'unknown', headerRow: 1, header: ['Cust No', 'Period', 'Bill'], fields: { 'Cust No': null, Period: null, Bill: null } });
    expect(plain?.rows).toEqual([
      ['C1', '2026-03', '10'],
      ['C2', '2026-03', '20'],
    ]);
    const mapping = { headers: ['Cust No', 'Period', 'Bill'], fields: { 'Cust No': 'customer_id', Period: 'month', Bill: 'billed_revenue' } };
    const [mapped] = await call('datasets:preview', { paths: [file], mappings: [mapping] });
    expect(mapped).toMatchObject({ kind: 'usage', headerRow: 1, fields: { 'Cust No': 'customer_id', Bill: 'billed_revenue' } });
    const report = await call('datasets:validate', { paths: [file], mappings: [mapping] });
    expect(report.errorCount).toBe(0);
    expect(report.files[0]?.kind).toBe('usage');
    const missing = await call('datasets:preview', { paths: [join(dir, 'missing.csv')] });
    expect(missing[0]?.problem?.code).toBe('file.not_found');
  });

  it('reports bad files as a validation view and as a workbook', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '用户编号,账期,应收费用\nC1,2026-03,abc\n');
    const report = await call('datasets:validate', { paths: [file] });
    expect(report.errorCount).toBe(1);
    expect(report.problems[0]).toMatchObject({ severity: 'error', code: 'cell.not_a_number', row: 2, column: '应收费用', value: 'abc' });
    const written = await call('datasets:exportReport', { paths: [file], target: join(dir, 'problems.xlsx'), lang: 'en' });
    expect(written.path).toBe(join(dir, 'problems.xlsx'));
    const failed = await refused('datasets:exportReport', { paths: [file], target: join(dir, 'no-such-folder', 'problems.xlsx'), lang: 'en' });
    expect(failed).toMatchObject({ code: 'file.failed', details: { reason: 'ENOENT' } });
    expect((await refused('datasets:exportReport', { paths: [file], target: 'relative.xlsx', lang: 'en' })).code).toBe('export.bad_target');
  });

  it('answers every call with the store error when the database cannot be opened', async () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just text that is long enough to have a header page '.repeat(20));
    const broken = createInProcessService({ databasePath: junk, shell: 'web', downloadsDir: dir });
    try {
      for (const channel of ['app:info', 'datasets:list'] as const) {
        const answer = await broken.call(channel, {}, () => undefined);
        expect(answer).toMatchObject({ ok: false, error: { code: 'store.not_a_database' } });
      }
    } finally {
      await broken.close();
    }
  });

  it('hides the details of an unexpected error', () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      expect(toServiceError(new RangeError('secret internals'), 'kb.db')).toEqual({ code: 'service.internal', zh: expect.any(String), en: expect.any(String) });
    } finally {
      process.stderr.write = write;
    }
    expect(written.join('')).toContain('secret internals');
  });
});
