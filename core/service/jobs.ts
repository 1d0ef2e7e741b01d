/**
 * Long calls as jobs, keyed by the caller's jobId: progress events throttled per job, cancellation
 * through an AbortSignal that the work checks between its stages, and duplicate in-flight calls
 * with the same jobId sharing one promise (a double click does not import twice).
 */
import type { Channel, ServiceEventMessage } from './contract.js';
import { ServiceFailure, serviceIssues } from './service-errors.js';

/** At most 10 progress events a second per job: enough for a progress bar, cheap to send. */
export const PROGRESS_INTERVAL_MS = 100;

export interface Job {
  readonly jobId: string;
  readonly signal: AbortSignal;
  /** Reports progress; sent at once, or with the next report at least PROGRESS_INTERVAL_MS after the last one sent. */
  progress(stage: string, done: number, total: number): void;
  /** Throws the job.cancelled failure when the job has been cancelled. */
  throwIfCancelled(): void;
}

type Emit = (message: ServiceEventMessage) => void;

interface RunningJob {
  readonly channel: Channel;
  readonly controller: AbortController;
  readonly listeners: Emit[];
  readonly promise: Promise<unknown>;
}

export class JobRegistry {
  private readonly running = new Map<string, RunningJob>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /**
   * Runs `work` as job `jobId`, or joins the job already running under that id (its progress
   * then reaches this caller too, and both get the same answer).
   */
  run<T>(jobId: string, channel: Channel, emit: Emit, work: (job: Job) => Promise<T>): Promise<T> {
    const existing = this.running.get(jobId);
    if (existing !== undefined) {
      if (existing.channel !== channel) return Promise.reject(new ServiceFailure(serviceIssues.jobIdInUse(jobId, existing.channel)));
      existing.listeners.push(emit);
      return existing.promise as Promise<T>;
    }
    const controller = new AbortController();
    const listeners = [emit];
    const job = this.job(jobId, channel, controller.signal, listeners);
    // Started in a microtask, so the job is registered before any of its work runs. Each job's
    // work decides where it can stop: a cancel that comes after an import committed is not "cancelled".
    const promise = Promise.resolve()
      .then(() => work(job))
      .finally(() => this.running.delete(jobId));
    this.running.set(jobId, { channel, controller, listeners, promise });
    return promise;
  }

  /** Cancels the job; false when no job of that id is running. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (job === undefined) return false;
    job.controller.abort();
    return true;
  }

  /** Cancels every job (the service is closing). */
  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  private job(jobId: string, channel: Channel, signal: AbortSignal, listeners: readonly Emit[]): Job {
    let lastSent = -Infinity;
    return {
      jobId,
      signal,
      progress: (stage, done, total) => {
        const now = this.clock();
        if (now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        const message: ServiceEventMessage = { event: 'jobs:progress', payload: { jobId, channel, stage, done, total } };
        for (const emit of listeners) emit(message);
      },
      throwIfCancelled: () => {
        if (signal.aborted) throw new ServiceFailure(serviceIssues.jobCancelled(jobId));
      },
    };
  }
}
