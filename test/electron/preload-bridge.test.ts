/** The window API the preload builds over ipcRenderer (a fake here). */
import { describe, expect, it } from 'vitest';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { createBridge, type IpcRendererLike } from '../../electron/preload/create-bridge.js';
import { IPC } from '../../electron/shared/ipc.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  answer: unknown = { ok: true, value: null };

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve(this.answer);
  }

  on(channel: string, listener: Listener): void {
    const set = this.listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(channel, set);
  }

  removeListener(channel: string, listener: Listener): void {
    this.listeners.get(channel)?.delete(listener);
  }

  emit(channel: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'the IpcRendererEvent' }, ...args);
  }
}

describe('createBridge', () => {
  it('sends a service call as one invoke and returns the CallResult as it came', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = { ok: false, error: { code: 'service.bad_argument', zh: '参数有误', en: 'bad argument' } };
    const bridge = createBridge(ipc, () => '');
    expect(await bridge.invoke('scenarios:copy', { name: 'A', newName: 'B' })).toEqual(ipc.answer);
    expect(ipc.invoked).toEqual([[IPC.invoke, 'scenarios:copy', { name: 'A', newName: 'B' }]]);
  });

  it('hands the page the event message but never the IpcRendererEvent, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc, () => '');
    const got: unknown[][] = [];
    const off = bridge.on((...args) => got.push(args));
    const message: ServiceEventMessage = { event: 'data:changed', payload: { what: 'scenarios' } };
    ipc.emit(IPC.event, message);
    off();
    ipc.emit(IPC.event, message);
    expect(got).toEqual([[message]]);
    expect(ipc.listeners.get(IPC.event)?.size).toBe(0);
  });

  it('unwraps the dialog answers and rejects a refusal with both languages and the code', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc, () => '');
    ipc.answer = { ok: true, value: ['/d/a.xlsx'] };
    expect(await bridge.pickInputFiles()).toEqual(['/d/a.xlsx']);
    ipc.answer = { ok: true, value: null };
    expect(await bridge.pickSaveTarget('报告', 'xlsx')).toBeNull();
    expect(await bridge.writeScenarioFile('/d/a.scenario.json', '{}')).toBeUndefined();
    expect(await bridge.showInFolder('/d/a.xlsx')).toBeUndefined();
    ipc.answer = { ok: false, error: { code: 'ipc.target_not_chosen', zh: '只能写入选择的文件', en: 'Only a chosen file' } };
    await expect(bridge.writeScenarioFile('/etc/x.scenario.json', '{}')).rejects.toThrow('只能写入选择的文件 / Only a chosen file [ipc.target_not_chosen]');
    expect(ipc.invoked.map((call) => call[0])).toEqual([IPC.pickInputFiles, IPC.pickSaveTarget, IPC.writeScenarioFile, IPC.showInFolder, IPC.writeScenarioFile]);
    expect(ipc.invoked[1]).toEqual([IPC.pickSaveTarget, '报告', 'xlsx']);
  });

  it('asks main for a results folder and hands the page the chosen path or null', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc, () => '');
    ipc.answer = { ok: true, value: '/data/warehouse/2026-09' };
    expect(await bridge.pickResultsFolder()).toBe('/data/warehouse/2026-09');
    ipc.answer = { ok: true, value: null };
    expect(await bridge.pickResultsFolder()).toBeNull();
    expect(ipc.invoked).toEqual([[IPC.pickResultsFolder], [IPC.pickResultsFolder]]);
  });

  it('asks webUtils for a dropped file’s path', () => {
    const bridge = createBridge(new FakeIpcRenderer(), (file) => `/dropped/${file.name}`);
    expect(bridge.pathForFile({ name: 'usage.xlsx' })).toBe('/dropped/usage.xlsx');
  });
});
