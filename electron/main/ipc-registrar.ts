/**
 * The one place that answers the page's IPC. Every handler first checks the sender (our
 * window's main frame on app://), then the arguments (the channel's zod schema, the same the
 * service checks again), and answers a refusal as data: nothing is ever thrown across IPC.
 * Progress of a call goes back only to the page that made it.
 *
 * Electron is not imported: main.ts passes ipcMain in, and the tests pass a fake with fake
 * senders.
 */
import { z } from 'zod';
import { channelSchemas, isChannel, type CallResult, type Channel, type ServiceError, type ServiceHost, type ServiceEventMessage } from '../../core/service/contract.js';
import { IPC, type BridgeReply } from '../shared/ipc.js';
import type { FileBridge } from './file-bridge.js';
import { ipcErrors } from './ipc-errors.js';
import { isTrustedSender, type InvokeEvent } from './trusted-sender.js';

/** ipcMain as the registrar uses it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface RegistrarOptions {
  readonly ipcMain: IpcMainLike;
  /** The webContents id of the app window; null while there is none. */
  readonly windowContentsId: () => number | null;
  readonly host: ServiceHost;
  readonly files: FileBridge;
  /** Told of every answered service call (the menu remembers the latest run this way). */
  readonly onCallResult?: (channel: Channel, result: CallResult<Channel>) => void;
}

const path = z.string().min(1).max(4096);
const saveKind = z.enum(['xlsx', 'csv', 'scenario']);

/** The dialog and file calls' arguments, as the positional list the preload sends. */
const bridgeArguments = {
  [IPC.pickInputFiles]: z.tuple([]),
  [IPC.pickResultsFolder]: z.tuple([]),
  [IPC.pickSaveTarget]: z.tuple([z.string().max(1000), saveKind]),
  [IPC.writeScenarioFile]: z.tuple([path, z.string().max(1_000_000)]),
  [IPC.showInFolder]: z.tuple([path]),
  [IPC.invoke]: z.tuple([z.string().max(200), z.unknown()]),
} as const;

/** Channels that write a file at `target`: on the desktop that must be a path from the save dialog. */
const WRITES_TARGET: ReadonlySet<Channel> = new Set<Channel>(['export:report', 'datasets:exportReport', 'targets:export', 'results:export']);

/** The kind of file a writing call makes: a target list may be CSV; everything else is a workbook. */
function targetKind(data: object): 'xlsx' | 'csv' {
  return 'format' in data && data.format === 'csv' ? 'csv' : 'xlsx';
}

function refusal(error: ServiceError): { readonly ok: false; readonly error: ServiceError } {
  return { ok: false, error };
}

function badArgument(what: string, error: z.ZodError): ServiceError {
  const issue = error.issues[0];
  return ipcErrors.badArgument(what, issue === undefined ? '' : issue.path.map(String).join('.'), issue?.message ?? error.message);
}

/** Registers every handler; returns the function that removes them again. */
export function registerIpcHandlers(options: RegistrarOptions): () => void {
  const { ipcMain, files, host } = options;
  const channels: string[] = [];

  /** Sender check, argument check and catch-all around one handler. */
  function handle<S extends z.ZodType<readonly unknown[]>, T>(channel: keyof typeof bridgeArguments, schema: S, run: (args: z.output<S>, event: InvokeEvent) => Promise<T> | T): void {
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event, options.windowContentsId())) return refusal(ipcErrors.wrongSender());
      const parsed = schema.safeParse(args);
      if (!parsed.success) return refusal(badArgument(channel, parsed.error));
      try {
        return await run(parsed.data, event);
      } catch {
        // A bug of ours; the page gets a coded answer, never our stack.
        return refusal(ipcErrors.internal(channel));
      }
    });
  }

  handle(IPC.invoke, bridgeArguments[IPC.invoke], async ([channel, argument], event): Promise<CallResult<Channel>> => {
    if (!isChannel(channel)) return refusal(ipcErrors.unknownChannel(channel));
    const parsed = channelSchemas[channel].safeParse(argument);
    if (!parsed.success) return refusal(badArgument(channel, parsed.error));
    const data: unknown = parsed.data;
    if (WRITES_TARGET.has(channel) && typeof data === 'object' && data !== null && 'target' in data && typeof data.target === 'string' && !files.isSaveTarget(data.target, targetKind(data))) {
      return refusal(ipcErrors.targetNotChosen(data.target));
    }
    const sender = event.sender;
    const result = await host.call(channel, argument, (message: ServiceEventMessage) => {
      if (!sender.isDestroyed()) sender.send(IPC.event, message);
    });
    options.onCallResult?.(channel, result);
    return result;
  });
  handle(IPC.pickInputFiles, bridgeArguments[IPC.pickInputFiles], () => files.pickInputFiles());
  handle(IPC.pickResultsFolder, bridgeArguments[IPC.pickResultsFolder], () => files.pickResultsFolder());
  handle(IPC.pickSaveTarget, bridgeArguments[IPC.pickSaveTarget], ([name, kind]) => files.pickSaveTarget(name, kind));
  handle(IPC.writeScenarioFile, bridgeArguments[IPC.writeScenarioFile], ([target, text]) => files.writeScenarioFile(target, text));
  handle(IPC.showInFolder, bridgeArguments[IPC.showInFolder], ([path]): BridgeReply<null> => files.showInFolder(path));

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
