/** The job registry: throttled progress, cancellation, and duplicate calls sharing one job. */
import { describe, expect, it } from 'vitest';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { JobRegistry, PROGRESS_INTERVAL_MS } from '../../core/service/jobs.js';
import { ServiceFailure } from '../../core/service/service-errors.js';

function collector(): { events: ServiceEventMessage[]; emit: (m: ServiceEventMessage) => void } {
  const events: ServiceEventMessage[] = [];
  return { events, emit: (m) => events.push(m) };
}

describe('jobs', () => {
  it('sends at most one progress event per interval', async () => {
    let now = 0;
    const jobs = new JobRegistry(() => now);
    const { events, emit } = collector();
    await jobs.run('j', 'datasets:import', emit, async (job) => {
      for (let i = 0; i < 100; i++) {
        now = i * 10; // 100 reports over 1 second
        job.progress('facts', i, 100);
      }
    });
    expect(events.length).toBe(Math.ceil(1000 / PROGRESS_INTERVAL_MS));
    expect(events[0]).toEqual({ event: 'jobs:progress', payload: { jobId: 'j', channel: 'datasets:import', stage: 'facts', done: 0, total: 100 } });
  });

  it('cancels a running job, which then answers job.cancelled', async () => {
    const jobs = new JobRegistry();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = jobs.run('j', 'export:report', () => undefined, async (job) => {
      await gate;
      job.throwIfCancelled();
      return 'done';
    });
    await Promise.resolve();
    expect(jobs.cancel('j')).toBe(true);
    expect(jobs.cancel('other')).toBe(false);
    release();
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceFailure);
    expect((error as ServiceFailure).error.code).toBe('job.cancelled');
    // Finished jobs are forgotten.
    expect(jobs.cancel('j')).toBe(false);
  });

  it('lets duplicate calls with one jobId share the job and its progress', async () => {
    const jobs = new JobRegistry(() => 0);
    const first = collector();
    const second = collector();
    let runs = 0;
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = jobs.run('j', 'runs:start', first.emit, async (job) => {
      runs++;
      await gate;
      job.progress('run', 1, 1);
      return { n: runs };
    });
    const b = jobs.run('j', 'runs:start', second.emit, async () => ({ n: -1 }));
    const other = jobs.run('j', 'export:report', second.emit, async () => 0).catch((e: unknown) => e);
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(rb).toBe(ra);
    expect(runs).toBe(1);
    expect(first.events.length).toBe(1);
    expect(second.events).toEqual(first.events);
    expect(((await other) as ServiceFailure).error.code).toBe('job.id_in_use');
  });
});
