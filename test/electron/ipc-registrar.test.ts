/**
 * The IPC registrar with a fake ipcMain and fake senders: only our window's main frame on
 * app:// is served, every argument is checked before the service sees it, refusals are data,
 * and a call's events go back to the page that made it and nowhere else.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { createFileBridge } from '../../electron/main/file-bridge.js';
import { registerIpcHandlers } from '../../electron/main/ipc-registrar.js';
import { IPC } from '../../electron/shared/ipc.js';
import { APP_PAGE, eventFrom, FakeHost, FakeIpcMain, FakeSender, fileDeps, frame, type FileDepsRecorder } from './fakes.js';

const WINDOW_ID = 7;
const PROGRESS: ServiceEventMessage = { event: 'jobs:progress', payload: { jobId: 'j1', channel: 'datasets:import', stage: 'read', done: 1, total: 2 } };

let ipc: FakeIpcMain;
let host: FakeHost;
let deps: FileDepsRecorder;
let windowId: number | null;
let results: string[];
let unregister: () => void;
const page = (): FakeSender => new FakeSender(WINDOW_ID);

beforeEach(() => {
  ipc = new FakeIpcMain();
  host = new FakeHost();
  deps = fileDeps();
  windowId = WINDOW_ID;
  results = [];
  unregister = registerIpcHandlers({ ipcMain: ipc, windowContentsId: () => windowId, host, files: createFileBridge(deps), onCallResult: (channel) => results.push(channel) });
});

describe('the sender check', () => {
  const refusedBy = async (event: ReturnType<typeof eventFrom>, channel: string = IPC.invoke, ...args: unknown[]): Promise<void> => {
    const answer = await ipc.invoke(event, channel, ...(args.length === 0 ? ['scenarios:list', {}] : args));
    expect(answer).toMatchObject({ ok: false, error: { code: 'ipc.wrong_sender' } });
  };

  it('refuses another webContents', async () => {
    await refusedBy(eventFrom(new FakeSender(8)));
    expect(host.calls).toEqual([]);
  });

  it('refuses a subframe of our window, even on app://', async () => {
    await refusedBy(eventFrom(page(), frame('app://cvs/frame.html', frame(APP_PAGE))));
  });

  it('refuses our window once it shows another origin, or a frame that is gone', async () => {
    await refusedBy(eventFrom(page(), frame('https://example.com/')));
    await refusedBy(eventFrom(page(), frame('file:///C:/Users/a/index.html')));
    await refusedBy(eventFrom(page(), frame('app://other/index.html')));
    await refusedBy(eventFrom(page(), null));
    expect(host.calls).toEqual([]);
  });

  it('refuses everyone while there is no window', async () => {
    windowId = null;
    await refusedBy(eventFrom(page()));
  });

  it('guards the dialog and file calls too', async () => {
    deps.dialogs.inputFiles = ['/data/a.xlsx'];
    await refusedBy(eventFrom(new FakeSender(8)), IPC.pickInputFiles, undefined);
    await refusedBy(eventFrom(new FakeSender(8)), IPC.pickResultsFolder, undefined);
    await refusedBy(eventFrom(new FakeSender(8)), IPC.pickSaveTarget, 'a', 'xlsx');
    await refusedBy(eventFrom(new FakeSender(8)), IPC.writeScenarioFile, '/a.scenario.json', '{}');
    await refusedBy(eventFrom(new FakeSender(8)), IPC.showInFolder, '/data/a.xlsx');
    expect(deps.dialogs.saveRequests).toEqual([]);
  });
});

describe('service calls', () => {
  it('refuses an unknown channel', async () => {
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'fs:readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'service.unknown_channel', details: { channel: 'fs:readFile' } },
    });
    // Names of Object.prototype are not channels either.
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'service.unknown_channel' } });
    expect(host.calls).toEqual([]);
  });

  it('refuses a malformed argument with the zod path, before the service sees it', async () => {
    const answer = await ipc.invoke(eventFrom(page()), IPC.invoke, 'datasets:import', { jobId: 'j1', paths: ['/a.xlsx', 42] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'service.bad_argument', details: { channel: 'datasets:import', path: 'paths.1' } } });
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'scenarios:list', { extra: true })).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'scenarios:list')).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
    expect(host.calls).toEqual([]);
  });

  it('refuses a malformed message: a channel that is not text, or extra arguments', async () => {
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 42, {})).toMatchObject({ ok: false, error: { code: 'service.bad_argument', details: { path: '0' } } });
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'scenarios:list', {}, 'more')).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
  });

  it('passes a good call to the service and its events back to the page that asked, and only to it', async () => {
    host.events = [PROGRESS];
    host.answer = () => ({ ok: true, value: { status: 'unchanged', skipped: ['/a.xlsx'] } });
    const asker = page();
    const bystander = new FakeSender(8);
    const [answer, refused] = await Promise.all([
      ipc.invoke(eventFrom(asker), IPC.invoke, 'datasets:import', { jobId: 'j1', paths: ['/a.xlsx'] }),
      ipc.invoke(eventFrom(bystander), IPC.invoke, 'datasets:import', { jobId: 'j2', paths: ['/b.xlsx'] }),
    ]);
    expect(answer).toEqual({ ok: true, value: { status: 'unchanged', skipped: ['/a.xlsx'] } });
    expect(refused).toMatchObject({ ok: false });
    expect(host.calls).toEqual([{ channel: 'datasets:import', argument: { jobId: 'j1', paths: ['/a.xlsx'] } }]);
    expect(asker.sent).toEqual([{ channel: IPC.event, args: [PROGRESS] }]);
    expect(bystander.sent).toEqual([]);
    expect(results).toEqual(['datasets:import']);
  });

  it('sends nothing to a page that closed while its call ran', async () => {
    host.events = [PROGRESS];
    const asker = page();
    asker.destroyed = true;
    expect(await ipc.invoke(eventFrom(asker), IPC.invoke, 'jobs:cancel', { jobId: 'j1' })).toMatchObject({ ok: true });
    expect(asker.sent).toEqual([]);
  });

  it('answers a failure of its own as data instead of throwing across IPC', async () => {
    host.answer = () => {
      throw new Error('boom');
    };
    expect(await ipc.invoke(eventFrom(page()), IPC.invoke, 'scenarios:list', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'ipc.internal' }) as unknown,
    });
  });

  it('exports a report only to a path the user chose in the save dialog', async () => {
    const exportTo = (target: string): Promise<unknown> =>
      ipc.invoke(eventFrom(page()), IPC.invoke, 'export:report', { jobId: 'j1', runId: 'r1', preset: 'full', lang: 'zh', target });
    expect(await exportTo('/home/a/.bashrc.xlsx')).toMatchObject({ ok: false, error: { code: 'ipc.target_not_chosen' } });
    deps.dialogs.saveAnswer = '/home/a/report.xlsx';
    expect(await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, '报告', 'xlsx')).toEqual({ ok: true, value: '/home/a/report.xlsx' });
    expect(await exportTo('/home/a/report.xlsx')).toMatchObject({ ok: true });
    expect(host.calls.map((c) => c.channel)).toEqual(['export:report']);
  });

  it('exports a target list only to a file of its format the user chose in the save dialog', async () => {
    const filter = { tiers: ['A'] };
    const exportTo = (target: string, format: 'csv' | 'xlsx'): Promise<unknown> =>
      ipc.invoke(eventFrom(page()), IPC.invoke, 'targets:export', { jobId: 'j2', runId: 'r1', filter, format, target });
    expect(await exportTo('/home/a/.profile.csv', 'csv')).toMatchObject({ ok: false, error: { code: 'ipc.target_not_chosen' } });
    deps.dialogs.saveAnswer = '/home/a/targets';
    expect(await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, '营销目标', 'csv')).toEqual({ ok: true, value: '/home/a/targets.csv' });
    // Chosen as CSV, so it is no workbook target.
    expect(await exportTo('/home/a/targets.csv', 'xlsx')).toMatchObject({ ok: false, error: { code: 'ipc.target_not_chosen' } });
    expect(await exportTo('/home/a/targets.csv', 'csv')).toMatchObject({ ok: true });
    expect(host.calls.map((c) => c.channel)).toEqual(['targets:export']);
  });

  it('exports a results set’s workbook only to a path the user chose in the save dialog', async () => {
    const exportTo = (target: string): Promise<unknown> => ipc.invoke(eventFrom(page()), IPC.invoke, 'results:export', { jobId: 'j3', id: 4, preset: 'summary', lang: 'en', target });
    expect(await exportTo('/home/a/.bashrc.xlsx')).toMatchObject({ ok: false, error: { code: 'ipc.target_not_chosen' } });
    deps.dialogs.saveAnswer = '/home/a/warehouse.xlsx';
    expect(await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, 'result-set', 'xlsx')).toEqual({ ok: true, value: '/home/a/warehouse.xlsx' });
    expect(await exportTo('/home/a/warehouse.xlsx')).toMatchObject({ ok: true });
    expect(host.calls.map((c) => c.channel)).toEqual(['results:export']);
  });
});

describe('dialog and file calls', () => {
  it('writes a scenario only to a *.scenario.json the user chose for a scenario', async () => {
    const write = (target: string): Promise<unknown> => ipc.invoke(eventFrom(page()), IPC.writeScenarioFile, target, '{"name":"A"}');
    expect(await write('/home/a/a.scenario.json')).toMatchObject({ ok: false, error: { code: 'ipc.target_not_chosen' } });
    deps.dialogs.saveAnswer = '/home/a/report.xlsx';
    await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, 'r', 'xlsx');
    expect(await write('/home/a/report.xlsx')).toMatchObject({ ok: false, error: { code: 'ipc.not_scenario_file' } });
    deps.dialogs.saveAnswer = '/home/a/plan.json';
    // The dialog's filter knows only ".json"; the chosen name gets ".scenario.json".
    expect(await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, 'plan', 'scenario')).toEqual({ ok: true, value: '/home/a/plan.scenario.json' });
    expect(await write('/home/a/plan.scenario.json')).toEqual({ ok: true, value: null });
    expect(deps.written).toEqual([{ path: '/home/a/plan.scenario.json', text: '{"name":"A"}' }]);
  });

  it('reports a failed write as data', async () => {
    unregister();
    const failing = createFileBridge({ ...deps, writeTextFile: () => Promise.reject(Object.assign(new Error('read-only'), { code: 'EROFS' })) });
    registerIpcHandlers({ ipcMain: ipc, windowContentsId: () => windowId, host, files: failing });
    deps.dialogs.saveAnswer = '/ro/plan.scenario.json';
    await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, 'plan', 'scenario');
    expect(await ipc.invoke(eventFrom(page()), IPC.writeScenarioFile, '/ro/plan.scenario.json', '{}')).toMatchObject({
      ok: false,
      error: { code: 'ipc.write_failed', details: { reason: 'EROFS' } },
    });
  });

  it('checks the dialog calls’ arguments', async () => {
    expect(await ipc.invoke(eventFrom(page()), IPC.pickSaveTarget, 'r', 'exe')).toMatchObject({ ok: false, error: { code: 'service.bad_argument', details: { path: '1' } } });
    expect(await ipc.invoke(eventFrom(page()), IPC.writeScenarioFile, '/a.scenario.json', 'x'.repeat(1_000_001))).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
    expect(await ipc.invoke(eventFrom(page()), IPC.showInFolder)).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
    expect(deps.dialogs.saveRequests).toEqual([]);
  });

  it('shows in its folder only a file picked or saved in this session', async () => {
    expect(await ipc.invoke(eventFrom(page()), IPC.showInFolder, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'ipc.path_not_known' } });
    deps.dialogs.inputFiles = ['/data/usage.xlsx'];
    expect(await ipc.invoke(eventFrom(page()), IPC.pickInputFiles)).toEqual({ ok: true, value: ['/data/usage.xlsx'] });
    expect(await ipc.invoke(eventFrom(page()), IPC.showInFolder, '/data/usage.xlsx')).toEqual({ ok: true, value: null });
    expect(deps.shown).toEqual(['/data/usage.xlsx']);
  });

  it('answers the results folder dialog with the chosen folder, or null when cancelled, and takes no arguments', async () => {
    expect(await ipc.invoke(eventFrom(page()), IPC.pickResultsFolder)).toEqual({ ok: true, value: null });
    deps.dialogs.resultsFolder = '/data/warehouse/2026-09';
    expect(await ipc.invoke(eventFrom(page()), IPC.pickResultsFolder)).toEqual({ ok: true, value: '/data/warehouse/2026-09' });
    expect(await ipc.invoke(eventFrom(page()), IPC.pickResultsFolder, '/etc')).toMatchObject({ ok: false, error: { code: 'service.bad_argument' } });
    // The chosen folder is one the user picked, so it may be shown.
    expect(await ipc.invoke(eventFrom(page()), IPC.showInFolder, '/data/warehouse/2026-09')).toEqual({ ok: true, value: null });
  });

  it('removes every handler it registered', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(IPC).filter((c) => c !== IPC.event).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
