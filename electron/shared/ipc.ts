/**
 * The IPC channel names and reply shape the preload and the main process share, in one place so
 * the two sides cannot drift apart. Type-only imports from the contract: the sandboxed preload
 * bundle must not pull zod or anything else from core/ in.
 */
import type { ServiceError } from '../../core/service/contract.js';

export const IPC = {
  /** (channel, argument) → CallResult: every service call. */
  invoke: 'cvs:invoke',
  /** main → page: ServiceEventMessage of a call this page made. */
  event: 'cvs:event',
  pickInputFiles: 'cvs:pickInputFiles',
  pickResultsFolder: 'cvs:pickResultsFolder',
  pickSaveTarget: 'cvs:pickSaveTarget',
  writeScenarioFile: 'cvs:writeScenarioFile',
  showInFolder: 'cvs:showInFolder',
} as const;

/**
 * How the dialog and file calls answer: a refusal is data, never an exception thrown across IPC
 * (Electron would turn it into a generic error text with a main-process stack).
 */
export type BridgeReply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ServiceError };
