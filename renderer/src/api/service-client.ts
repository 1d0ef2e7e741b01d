/**
 * The screens' one way to the service (DESIGN.md): the same interface over Electron IPC and over
 * the web shell's HTTP API, chosen at start-up by create-client.ts.
 */
import type { CallResult, Channel, ChannelArgument, ChannelOutput, ServiceError, ServiceEventMessage } from '../../../core/service/contract.js';

export interface ServiceClient {
  readonly shell: 'electron' | 'web';
  /**
   * Calls a channel and resolves with its answer.
   * @throws ServiceCallError when the service refuses or fails the call, or cannot be reached;
   *   its `error` carries the code and the zh/en message for the screen.
   */
  invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>>;
  /**
   * Subscribes to push events (progress of this window's calls, data changes); returns the
   * unsubscribe function. In the web shell, uploads report here too, as `jobs:progress` with
   * channel `upload`, the file's name as stage and bytes as done/total.
   */
  onEvent(listener: (message: ServiceEventMessage) => void): () => void;
  /** Lets the user choose workbooks and CSV files; resolves with paths for `datasets:*` calls ([] when cancelled). */
  pickInputFiles(): Promise<string[]>;
  /** Paths for `datasets:*` calls of files dropped on the window (the web shell uploads them first). */
  filesFromDrop(files: readonly File[]): Promise<string[]>;
  /**
   * Lets the user choose a results set for `results:import`: a folder (desktop, the native
   * folder dialog) or its files (web shell: customers.csv, aggregates_*.csv, reconciliation.csv
   * and the scenario's .json, uploaded; other chosen files are left out and named in `skipped`).
   */
  pickResultSet(): Promise<ResultSetPick>;
  /**
   * Where an export should be written: the desktop asks with the save dialog (null when
   * cancelled); the web shell returns the default name, and `deliver` downloads the file after.
   */
  pickSaveTarget(defaultName: string, kind: 'xlsx' | 'csv' | 'scenario'): Promise<string | null>;
  /** Hands a written export to the user: shown in its folder (desktop) or downloaded (web). */
  deliver(path: string): Promise<void>;
  /** Saves a scenario file where the user says (desktop: save dialog; web: a download); false when cancelled. */
  saveScenarioFile(name: string, text: string): Promise<boolean>;
}

/** The results set the user chose; `paths` is empty when the dialog was cancelled. */
export interface ResultSetPick {
  readonly paths: readonly string[];
  /** Chosen files that are no part of a results set, so were not uploaded (web shell). */
  readonly skipped: readonly string[];
}

/** A refused or failed call, as the screens catch it. */
export class ServiceCallError extends Error {
  constructor(readonly error: ServiceError) {
    super(`${error.code}: ${error.en}`);
    this.name = 'ServiceCallError';
  }
}

export function unwrap<C extends Channel>(result: CallResult<C>): ChannelOutput<C> {
  if (result.ok) return result.value;
  throw new ServiceCallError(result.error);
}
