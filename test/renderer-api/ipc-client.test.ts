/** The renderer's desktop transport over a stand-in for the preload's window.cvs bridge. */
import { describe, expect, it } from 'vitest';
import type { CallResult, Channel, DesktopBridge, ServiceEventMessage } from '../../core/service/contract.js';
import { createIpcClient } from '../../renderer/src/api/ipc-client.js';
import { ServiceCallError } from '../../renderer/src/api/service-client.js';

function bridge(saveTarget: string | null, resultsFolder: string | null = null): DesktopBridge & { written: [string, string][]; shown: string[] } {
  const written: [string, string][] = [];
  const shown: string[] = [];
  const listeners = new Set<(m: ServiceEventMessage) => void>();
  return {
    written,
    shown,
    async invoke<C extends Channel>(channel: C): Promise<CallResult<C>> {
      const result = channel === 'app:info' ? { ok: true, value: { version: '1', shell: 'electron', database: 'k.db', dataLoaded: true } } : { ok: false, error: { code: 'x.refused', zh: '拒绝', en: 'refused' } };
      return result as CallResult<C>;
    },
    on(listener) {
      listeners.add(listener);
      listener({ event: 'data:changed', payload: { what: 'datasets' } });
      return () => listeners.delete(listener);
    },
    pickInputFiles: async () => ['C:\\data\\usage.xlsx'],
    pickResultsFolder: async () => resultsFolder,
    pathForFile: (file) => `C:\\dropped\\${file.name}`,
    pickSaveTarget: async () => saveTarget,
    writeScenarioFile: async (target, text) => {
      written.push([target, text]);
    },
    showInFolder: async (path) => {
      shown.push(path);
    },
  };
}

describe('createIpcClient', () => {
  it('unwraps answers and throws refusals as ServiceCallError', async () => {
    const client = createIpcClient(bridge(null));
    expect(client.shell).toBe('electron');
    expect(await client.invoke('app:info', {})).toMatchObject({ shell: 'electron' });
    await expect(client.invoke('datasets:list', {})).rejects.toBeInstanceOf(ServiceCallError);
    await expect(client.invoke('datasets:list', {})).rejects.toMatchObject({ error: { code: 'x.refused', zh: '拒绝' } });
  });

  it('passes events, picked and dropped paths through, and shows a delivered file in its folder', async () => {
    const b = bridge(null);
    const client = createIpcClient(b);
    const seen: ServiceEventMessage[] = [];
    client.onEvent((m) => seen.push(m))();
    expect(seen).toEqual([{ event: 'data:changed', payload: { what: 'datasets' } }]);
    expect(await client.pickInputFiles()).toEqual(['C:\\data\\usage.xlsx']);
    expect(await client.filesFromDrop([new File(['x'], 'a.csv')])).toEqual(['C:\\dropped\\a.csv']);
    await client.deliver('C:\\out\\r.xlsx');
    expect(b.shown).toEqual(['C:\\out\\r.xlsx']);
  });

  it('picks a results set as the one folder the folder dialog chose, and nothing when it is cancelled', async () => {
    expect(await createIpcClient(bridge(null, 'D:\\数仓\\2026-09')).pickResultSet()).toEqual({ paths: ['D:\\数仓\\2026-09'], skipped: [] });
    expect(await createIpcClient(bridge(null, null)).pickResultSet()).toEqual({ paths: [], skipped: [] });
  });

  it('writes a scenario file where the save dialog says, and nothing when it is cancelled', async () => {
    const chosen = bridge('C:\\s\\a.scenario.json');
    expect(await createIpcClient(chosen).saveScenarioFile('a.scenario.json', '{}')).toBe(true);
    expect(chosen.written).toEqual([['C:\\s\\a.scenario.json', '{}']]);
    const cancelled = bridge(null);
    expect(await createIpcClient(cancelled).saveScenarioFile('a.scenario.json', '{}')).toBe(false);
    expect(cancelled.written).toEqual([]);
  });
});
