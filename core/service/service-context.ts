/**
 * What every handler works with: the knowledge base, the loaded data and its runs, the job
 * registry, and the caller's event channel. One ServiceState lives as long as the service (in
 * the worker); each call sees it through its own ServiceContext, whose `emit` reaches that caller.
 */
import type { Store } from '../store/open-store.js';
import type { Channel, ChannelInput, ChannelOutput, ServiceEventMessage } from './contract.js';
import { JobRegistry } from './jobs.js';
import { ModelState } from './model-state.js';

export interface ServiceOptions {
  /** The knowledge base file (created when missing). */
  readonly databasePath: string;
  readonly shell: 'electron' | 'web';
  /** Web shell: the folder reports are written to; export targets are plain file names in it. */
  readonly downloadsDir?: string;
}

export interface ServiceState {
  readonly options: ServiceOptions;
  readonly store: Store;
  readonly model: ModelState;
  readonly jobs: JobRegistry;
}

export interface ServiceContext extends ServiceState {
  /** Sends a push event to the caller of this call. */
  readonly emit: (message: ServiceEventMessage) => void;
}

export function createServiceState(options: ServiceOptions, store: Store): ServiceState {
  return { options, store, model: new ModelState(store), jobs: new JobRegistry() };
}

/** One channel's implementation, with the contract's exact argument and answer types. */
export type Handler<C extends Channel> = (input: ChannelInput<C>, ctx: ServiceContext) => Promise<ChannelOutput<C>>;
