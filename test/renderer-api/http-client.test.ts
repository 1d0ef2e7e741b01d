/** The renderer's web transport against the real web shell server with a fake service host. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { launchWebShell, type WebShell } from '../../core/web-shell/web-shell.js';
import { createHttpClient } from '../../renderer/src/api/http-client.js';
import { ServiceCallError, type ServiceClient } from '../../renderer/src/api/service-client.js';
import { tempDir } from '../support/paths.js';
import { createFakeHost } from '../web-shell/fake-host.js';
import { createNodePort, type NodePort } from './node-port.js';

let shell: WebShell;
let port: NodePort;
let client: ServiceClient;

async function refusal(promise: Promise<unknown>): Promise<ServiceCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceCallError);
  return error as ServiceCallError;
}

beforeAll(async () => {
  shell = await launchWebShell({ createHost: createFakeHost, rendererDir: join(tempDir('http-client'), 'dist') });
  port = createNodePort(shell.origin, new URL(shell.url).hash.replace('#token=', ''));
  client = createHttpClient(port);
});

afterAll(async () => {
  await shell.close();
});

describe('invoke', () => {
  it('resolves with the answer of the channel', async () => {
    expect(client.shell).toBe('web');
    expect(await client.invoke('app:info', {})).toEqual({ version: 'test', shell: 'web', database: ':memory:', dataLoaded: false });
  });

  it('throws a ServiceCallError with the bilingual error of a refused call', async () => {
    const e = await refusal(client.invoke('datasets:delete', { importId: 0 }));
    expect(e.error).toEqual({ code: 'service.bad_argument', zh: '拒绝', en: 'refused' });
  });

  it('throws the server’s refusal without the right token, and client.offline without a server', async () => {
    const noToken = createHttpClient(createNodePort(shell.origin, null));
    expect((await refusal(noToken.invoke('app:info', {}))).error.code).toBe('web.bad_token');
    const gone = createHttpClient(createNodePort('http://127.0.0.1:1', 'x'));
    expect((await refusal(gone.invoke('app:info', {}))).error.code).toBe('client.offline');
  });
});

describe('events', () => {
  it('delivers the progress of its own calls and stops after unsubscribing', async () => {
    const seen: ServiceEventMessage[] = [];
    const stop = client.onEvent((m) => seen.push(m));
    await client.invoke('runs:start', { jobId: 'job-7', scenario: {} });
    await expect.poll(() => seen).toContainEqual({ event: 'jobs:progress', payload: { jobId: 'job-7', channel: 'runs:start', stage: 'engine', done: 1, total: 2 } });
    stop();
    await client.invoke('runs:start', { jobId: 'job-8', scenario: {} });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.some((m) => m.event === 'jobs:progress' && m.payload.jobId === 'job-8')).toBe(false);
  });

  it('does not see the progress of another tab’s calls', async () => {
    const other = createHttpClient(port);
    const seen: ServiceEventMessage[] = [];
    const stop = client.onEvent((m) => seen.push(m));
    const stopOther = other.onEvent(() => undefined);
    await other.invoke('runs:start', { jobId: 'theirs', scenario: {} });
    await client.invoke('runs:start', { jobId: 'mine', scenario: {} });
    await expect.poll(() => seen.length).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([expect.objectContaining({ payload: expect.objectContaining({ jobId: 'mine' }) })]);
    stop();
    stopOther();
  });
});

describe('files', () => {
  it('uploads picked files with progress and returns paths the datasets calls accept', async () => {
    port.picked = [new File(['customer_id\n001\n'], 'usage.csv'), new File(['pool\nA\n'], '成本池.csv')];
    const progress: ServiceEventMessage[] = [];
    const stop = client.onEvent((m) => progress.push(m));
    const paths = await client.pickInputFiles();
    stop();
    expect(paths).toHaveLength(2);
    expect(paths[1]?.endsWith('成本池.csv')).toBe(true);
    expect(progress).toContainEqual({ event: 'jobs:progress', payload: expect.objectContaining({ channel: 'upload', stage: 'usage.csv', done: 16, total: 16 }) });
    const previews = await client.invoke('datasets:preview', { paths });
    expect(previews.map((p) => p.kind)).toEqual(['customer_id\n001\n', 'pool\nA\n']);
  });

  it('returns no paths when the user picks nothing', async () => {
    port.picked = [];
    expect(await client.pickInputFiles()).toEqual([]);
  });

  it('uploads dropped files and refuses other file types with the server’s message', async () => {
    const [path] = await client.filesFromDrop([new File(['a'], 'dropped.csv')]);
    expect(path === undefined ? '' : readFileSync(path, 'utf8')).toBe('a');
    const e = await refusal(client.filesFromDrop([new File(['x'], 'notes.txt')]));
    expect(e.error.code).toBe('web.bad_file_type');
    expect(e.error.zh).toContain('notes.txt');
  });

  it('uploads only the files of a results set from what was chosen, scenario first, and names the rest', async () => {
    const file = (name: string, text = name): File => new File([text], name);
    // All of a `cvalue run --out-dir` folder: the run's other JSON files must not be taken for the scenario.
    port.picked = [
      file('breakpoints.json'),
      file('customer_months.csv'),
      file('customers.csv', 'customer_id\n001\n'),
      file('aggregates_plan.csv'),
      file('aggregates_tier.csv'),
      file('reconciliation.csv'),
      file('scenario.json', '{"name":"数仓"}'),
      file('summary.json'),
      file('warnings.json'),
    ];
    const picked = await client.pickResultSet();
    expect(port.accepted.at(-1)).toBe('.csv,.json');
    expect(picked.skipped).toEqual(['breakpoints.json', 'customer_months.csv', 'summary.json', 'warnings.json']);
    expect(picked.paths.map((p) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1))).toEqual(['scenario.json', 'customers.csv', 'aggregates_plan.csv', 'aggregates_tier.csv', 'reconciliation.csv']);
    // The uploads are what results:import may read in the web shell.
    const outcome = await client.invoke('results:import', { jobId: 'r1', paths: [...picked.paths] });
    expect(outcome.report.problems.map((p) => [p.file, p.value])).toContainEqual(['customers.csv', 'customer_id\n001\n']);
  });

  it('picks a results set of nothing when the chooser is cancelled', async () => {
    port.picked = [];
    expect(await client.pickResultSet()).toEqual({ paths: [], skipped: [] });
  });

  it('passes on that a results set changed', async () => {
    const seen: ServiceEventMessage[] = [];
    const stop = client.onEvent((m) => seen.push(m));
    await client.invoke('results:delete', { id: 1 });
    await expect.poll(() => seen).toContainEqual({ event: 'data:changed', payload: { what: 'results' } });
    stop();
  });

  it('exports to the default name and delivers it as a download', async () => {
    const target = await client.pickSaveTarget('方案 A/B 报告.xlsx', 'xlsx');
    expect(target).toBe('方案 A_B 报告.xlsx');
    const written = await client.invoke('export:report', { jobId: 'e1', runId: 'r9', preset: 'summary', lang: 'zh', target: target ?? '' });
    await client.deliver(written.path);
    const link = port.downloads.at(-1) ?? '';
    const file = await fetch(link);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('方案 A_B 报告.xlsx'));
    expect(await file.text()).toBe('report r9');
  });

  it('saves a scenario file as a download', async () => {
    expect(await client.saveScenarioFile('.hidden:方案.scenario.json', '{"name":"x"}')).toBe(true);
    expect(port.saved.at(-1)).toEqual({ name: 'hidden_方案.scenario.json', text: '{"name":"x"}' });
  });
});
