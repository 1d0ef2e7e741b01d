/**
 * A ServiceClient for the screens' tests: each channel answers through the handler the test
 * gives (a slow answer is a promise the test resolves), and every call is recorded.
 */
import type { Channel, ChannelArgument, ChannelOutput, ServiceEventMessage } from '../../../core/service/contract';
import type { ServiceClient } from '../../../renderer/src/api/service-client';

export type FakeHandlers = { readonly [C in Channel]?: (argument: ChannelArgument<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export interface RecordedCall {
  readonly channel: Channel;
  readonly argument: unknown;
}

export interface FakeClient extends ServiceClient {
  readonly calls: RecordedCall[];
  /** Sends a push event to the subscribed listeners, as the service would. */
  emit(message: ServiceEventMessage): void;
  callsOf<C extends Channel>(channel: C): ChannelArgument<C>[];
}

export interface FakeClientOptions {
  readonly shell?: 'electron' | 'web';
  /** What the save dialog answers; by default the suggested name in /reports. */
  readonly saveTarget?: string | null;
  readonly delivered?: string[];
}

export function fakeClient(handlers: FakeHandlers, options: FakeClientOptions = {}): FakeClient {
  const calls: RecordedCall[] = [];
  const listeners = new Set<(message: ServiceEventMessage) => void>();
  return {
    shell: options.shell ?? 'electron',
    calls,
    async invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
      calls.push({ channel, argument });
      const handler = handlers[channel] as ((argument: ChannelArgument<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>) | undefined;
      if (handler === undefined) throw new Error(`fake client: no handler for ${channel}`);
      return handler(argument);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(message) {
      for (const listener of listeners) listener(message);
    },
    callsOf<C extends Channel>(channel: C) {
      return calls.filter((c) => c.channel === channel).map((c) => c.argument as ChannelArgument<C>);
    },
    pickInputFiles: async () => [],
    filesFromDrop: async () => [],
    pickResultSet: async () => ({ paths: [], skipped: [] }),
    pickSaveTarget: async (defaultName) => (options.saveTarget === undefined ? `/reports/${defaultName}` : options.saveTarget),
    async deliver(path) {
      options.delivered?.push(path);
    },
    saveScenarioFile: async () => false,
  };
}

/** A promise and its resolver, for answers the test releases when it chooses. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
