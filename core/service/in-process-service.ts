/** The service in the calling thread: for tests and the CLI, which have no UI to keep responsive. */
import type { CallResult, Channel, ServiceEventMessage, ServiceHost } from './contract.js';
import { openService } from './service-calls.js';
import type { ServiceOptions } from './service-context.js';

export function createInProcessService(options: ServiceOptions): ServiceHost {
  const service = openService(options);
  return {
    call: <C extends Channel>(channel: C, argument: unknown, onEvent: (message: ServiceEventMessage) => void) =>
      service.call(channel, argument, onEvent) as Promise<CallResult<C>>,
    close: () => service.close(),
  };
}
