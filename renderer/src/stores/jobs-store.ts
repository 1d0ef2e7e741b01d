/**
 * Long service calls (import, run, compare, export) as the global progress bar shows them.
 * A job is registered before its call starts, so the bar appears at once; `jobs:progress`
 * events (fed by app/service-events.ts) fill in the stage and counts; cancelling asks the
 * service, whose call then ends with an error that the caller shows.
 */
import { create } from 'zustand';
import type { Channel, JobProgress } from '../../../core/service/contract';
import { serviceClient } from '../app/service-client';

export interface Job {
  readonly jobId: string;
  /** A channel, or 'upload' for the web shell's file uploads (which cannot be cancelled). */
  readonly channel: Channel | 'upload';
  readonly stage: string | null;
  readonly done: number;
  readonly total: number;
  readonly cancelling: boolean;
}

interface JobsState {
  /** Running jobs, oldest first. */
  readonly jobs: readonly Job[];
  /** Registers a job for the duration of `call`, which receives the job id to send. */
  track<T>(channel: Channel, call: (jobId: string) => Promise<T>): Promise<T>;
  progress(event: JobProgress): void;
  cancel(jobId: string): Promise<void>;
}

function newJobId(channel: Channel): string {
  return `${channel}-${crypto.randomUUID()}`;
}

export const useJobsStore = create<JobsState>()((set, get) => ({
  jobs: [],

  async track(channel, call) {
    const jobId = newJobId(channel);
    set({ jobs: [...get().jobs, { jobId, channel, stage: null, done: 0, total: 0, cancelling: false }] });
    try {
      return await call(jobId);
    } finally {
      set({ jobs: get().jobs.filter((j) => j.jobId !== jobId) });
    }
  },

  progress(event) {
    const { jobs } = get();
    if (event.channel === 'upload') {
      // The web shell's uploads are not started through track(): shown while bytes remain.
      const others = jobs.filter((j) => j.jobId !== event.jobId);
      const sending = event.done < event.total;
      set({ jobs: sending ? [...others, { jobId: event.jobId, channel: 'upload', stage: event.stage, done: event.done, total: event.total, cancelling: false }] : others });
      return;
    }
    // Events of a job that already ended (they can arrive after its answer) are dropped.
    set({ jobs: jobs.map((j) => (j.jobId === event.jobId ? { ...j, stage: event.stage, done: event.done, total: event.total } : j)) });
  },

  async cancel(jobId) {
    set({ jobs: get().jobs.map((j) => (j.jobId === jobId ? { ...j, cancelling: true } : j)) });
    try {
      await serviceClient().invoke('jobs:cancel', { jobId });
    } catch {
      // The job's own call reports how it ended; a refused cancel only means it could not stop.
      set({ jobs: get().jobs.map((j) => (j.jobId === jobId ? { ...j, cancelling: false } : j)) });
    }
  },
}));

/** The job the progress bar shows: the newest one. */
export function currentJob(state: { readonly jobs: readonly Job[] }): Job | undefined {
  return state.jobs.at(-1);
}
