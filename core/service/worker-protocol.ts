/** The messages between the service host (the shell's thread) and the service worker. */
import type { CallResult, Channel, ServiceEventMessage } from './contract.js';

export type HostMessage =
  | { readonly type: 'call'; readonly id: number; readonly channel: string; readonly argument: unknown }
  /** Finish the calls in flight, close the knowledge base, answer 'closed'. */
  | { readonly type: 'close' };

export type WorkerMessage =
  | { readonly type: 'result'; readonly id: number; readonly result: CallResult<Channel> }
  /** A push event of call `id` (progress, data changed). */
  | { readonly type: 'event'; readonly id: number; readonly message: ServiceEventMessage }
  | { readonly type: 'closed' };
