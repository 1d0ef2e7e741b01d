/**
 * What a shell creates: the service in a worker thread (createServiceHost), or in the calling
 * thread for tests and the CLI (createInProcessService), behind the same ServiceHost interface.
 *
 * The worker file: in development and tests the sources run under tsx, and a worker started on
 * a .ts file first registers tsx's loader in that thread (a Worker's execArgv cannot load it).
 * A packaged build bundles service-worker.ts to JavaScript and passes its URL as `workerUrl`
 * (the Electron build step emits it beside main.js); compiled in place, the default URL points
 * at the compiled service-worker.js next to this file.
 */
import { Worker } from 'node:worker_threads';
import type { CallResult, Channel, ServiceEventMessage, ServiceHost } from './contract.js';
import type { ServiceOptions } from './service-context.js';
import { hostIssues } from './host-errors.js';
import type { HostMessage, WorkerMessage } from './worker-protocol.js';

export type { ServiceOptions } from './service-context.js';

export interface ServiceHostOptions extends ServiceOptions {
  /** The service worker's script (a bundled .js, or service-worker.ts under tsx); see defaultWorkerUrl. */
  readonly workerUrl?: URL;
}

/** How long close() waits for the worker to finish its calls before it ends the thread. */
const CLOSE_TIMEOUT_MS = 10_000;

/** service-worker beside this module, as .ts when running from source and as .js when compiled. */
export function defaultWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './service-worker.ts' : './service-worker.js', import.meta.url);
}

/** Starts the worker thread; a TypeScript entry is loaded through tsx registered inside the worker. */
export function startServiceWorker(workerUrl: URL, options: ServiceOptions): Worker {
  const workerData = {
    databasePath: options.databasePath,
    shell: options.shell,
    ...(options.downloadsDir === undefined ? {} : { downloadsDir: options.downloadsDir }),
    ...(options.tempDir === undefined ? {} : { tempDir: options.tempDir }),
  };
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

interface PendingCall {
  readonly resolve: (result: CallResult<Channel>) => void;
  readonly onEvent: (message: ServiceEventMessage) => void;
}

/**
 * The service in a worker thread. A crashed worker fails the calls it had with
 * `service.worker_failed`, and the next call starts a new one.
 */
export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const pending = new Map<number, PendingCall>();
  let worker: Worker | null = null;
  let nextId = 1;
  let closing: Promise<void> | null = null;

  const failPending = (): void => {
    const error = closing === null ? hostIssues.workerFailed : hostIssues.closed;
    for (const call of pending.values()) call.resolve({ ok: false, error });
    pending.clear();
  };

  const start = (): Worker => {
    const started = startServiceWorker(workerUrl, options);
    started.on('message', (message: WorkerMessage) => {
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      } else if (message.type === 'event') {
        try {
          pending.get(message.id)?.onEvent(message.message);
        } catch (e) {
          process.stderr.write(`[service] event listener failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        }
      }
    });
    started.on('error', (e) => {
      process.stderr.write(`[service] worker failed: ${e.stack ?? e.message}\n`);
    });
    started.on('exit', () => {
      // Whatever the cause (a crash, an out-of-memory kill, the end of close), nothing more will answer.
      if (worker === started) worker = null;
      failPending();
    });
    return started;
  };

  const call = <C extends Channel>(channel: C, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<C>> => {
    if (closing !== null) return Promise.resolve({ ok: false, error: hostIssues.closed });
    worker ??= start();
    const id = nextId++;
    return new Promise<CallResult<C>>((resolve) => {
      pending.set(id, { resolve: resolve as (result: CallResult<Channel>) => void, onEvent });
      try {
        worker?.postMessage({ type: 'call', id, channel, argument } satisfies HostMessage);
      } catch {
        // A function or another value that cannot be cloned: refused like any other bad argument.
        pending.delete(id);
        resolve({ ok: false, error: hostIssues.badArgument(channel, '', '参数无法传递（须为纯数据）', 'the argument cannot be sent (it must be plain data)') });
      }
    });
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      const running = worker;
      if (running === null) return;
      const closed = new Promise<void>((resolve) => {
        running.on('message', (message: WorkerMessage) => {
          if (message.type === 'closed') resolve();
        });
        running.once('exit', () => resolve());
      });
      running.postMessage({ type: 'close' } satisfies HostMessage);
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
      await Promise.race([closed, timeout]);
      await running.terminate();
    })();
    return closing;
  };

  return { call, close };
}
