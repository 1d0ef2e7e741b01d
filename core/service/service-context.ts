/**
 * What every handler works with: the knowledge base, the loaded data and its runs, the job
 * registry, the service's temporary folder, and the caller's event channel. One ServiceState
 * lives as long as the service (in the worker); each call sees it through its own
 * ServiceContext, whose `emit` reaches that caller.
 */
import { tmpdir } from 'node:os';
import type { Store } from '../store/open-store.js';
import type { Channel, ChannelInput, ChannelOutput, ServiceEventMessage } from './contract.js';
import { JobRegistry } from './jobs.js';
import { ModelState } from './model-state.js';
import { ResultSetState } from './result-set-state.js';
import { scratchArea, type ScratchArea } from './scratch-area.js';

export interface ServiceOptions {
  /** The knowledge base file (created when missing). */
  readonly databasePath: string;
  readonly shell: 'electron' | 'web';
  /** Web shell: the folder reports are written to; export targets are plain file names in it. */
  readonly downloadsDir?: string;
  /** Where the service makes its temporary folder (default: the system's temporary folder). */
  readonly tempDir?: string;
}

export interface ServiceState {
  readonly options: ServiceOptions;
  readonly store: Store;
  readonly model: ModelState;
  /** The results set the screens are looking at (issue 7). */
  readonly results: ResultSetState;
  readonly jobs: JobRegistry;
  readonly scratch: ScratchArea;
}

export interface ServiceContext extends ServiceState {
  /** Sends a push event to the caller of this call. */
  readonly emit: (message: ServiceEventMessage) => void;
}

export function createServiceState(options: ServiceOptions, store: Store): ServiceState {
  return { options, store, model: new ModelState(store), results: new ResultSetState(store), jobs: new JobRegistry(), scratch: scratchArea(options.tempDir ?? tmpdir()) };
}

/** One channel's implementation, with the contract's exact argument and answer types. */
export type Handler<C extends Channel> = (input: ChannelInput<C>, ctx: ServiceContext) => Promise<ChannelOutput<C>>;
