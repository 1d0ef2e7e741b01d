/** A worker that dies fails the calls it had and is replaced on the next call. */
import { describe, expect, it } from 'vitest';
import { createServiceHost } from '../../core/service/service-host.js';
import { tempDir } from '../support/paths.js';

describe('service host after a worker crash', () => {
  it('answers service.worker_failed for the pending calls and restarts on the next call', async () => {
    const host = createServiceHost({ databasePath: `${tempDir('crash')}/kb.db`, shell: 'electron', workerUrl: new URL('./crashing-worker.ts', import.meta.url) });
    try {
      const first = await host.call('datasets:list', {}, () => undefined);
      if (!first.ok) throw new Error('the stand-in worker should answer');
      const inFlight = host.call('scenarios:list', {}, () => undefined);
      const crash = await host.call('app:info', {}, () => undefined);
      expect(crash).toMatchObject({ ok: false, error: { code: 'service.worker_failed' } });
      expect(await inFlight).toMatchObject({ ok: false, error: { code: 'service.worker_failed' } });
      const after = await host.call('datasets:list', {}, () => undefined);
      expect(after.ok).toBe(true);
      // A new thread answered.
      expect(JSON.stringify(after)).not.toBe(JSON.stringify(first));
    } finally {
      await host.close();
    }
    expect(await host.call('datasets:list', {}, () => undefined)).toMatchObject({ ok: false, error: { code: 'service.closed' } });
  });
});
