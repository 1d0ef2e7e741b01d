/**
 * A ServiceClient for the shell, data and model tests: each channel answers through the
 * handler the test gives, every call is recorded, and push events are sent with `emit`.
 * (.tsx like every file under test/renderer that imports the screens: the root tsconfig, which
 * has no DOM types, takes only .ts files.)
 */
import type { Channel, ChannelArgument, ChannelOutput, ServiceEventMessage } from '../../../core/service/contract';
import { ServiceCallError, type ResultSetPick, type ServiceClient } from '../../../renderer/src/api/service-client';

export type Handlers = { readonly [C in Channel]?: (argument: ChannelArgument<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>> };

export interface TestClient extends ServiceClient {
  callsOf<C extends Channel>(channel: C): ChannelArgument<C>[];
  emit(message: ServiceEventMessage): void;
  readonly savedFiles: { name: string; text: string }[];
  readonly delivered: string[];
}

export function testClient(handlers: Handlers, options: { picked?: readonly string[]; saveTarget?: string | null; resultSet?: ResultSetPick; shell?: 'electron' | 'web' } = {}): TestClient {
  const calls: { channel: Channel; argument: unknown }[] = [];
  const listeners = new Set<(message: ServiceEventMessage) => void>();
  const savedFiles: { name: string; text: string }[] = [];
  const delivered: string[] = [];
  return {
    shell: options.shell ?? 'electron',
    savedFiles,
    delivered,
    async invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<ChannelOutput<C>> {
      calls.push({ channel, argument });
      const handler = handlers[channel] as ((argument: ChannelArgument<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>) | undefined;
      if (handler === undefined) throw new ServiceCallError({ code: 'test.no_handler', zh: `测试未应答 ${channel}`, en: `The test does not answer ${channel}` });
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
    pickInputFiles: () => Promise.resolve([...(options.picked ?? [])]),
    filesFromDrop: (files) => Promise.resolve(files.map((f) => `/dropped/${f.name}`)),
    pickResultSet: () => Promise.resolve(options.resultSet ?? { paths: [], skipped: [] }),
    pickSaveTarget: (name) => Promise.resolve(options.saveTarget === undefined ? `/out/${name}` : options.saveTarget),
    deliver(path) {
      delivered.push(path);
      return Promise.resolve();
    },
    saveScenarioFile(name, text) {
      savedFiles.push({ name, text });
      return Promise.resolve(true);
    },
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
