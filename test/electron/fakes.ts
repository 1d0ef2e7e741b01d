/** Test doubles for the main process's injected Electron parts: ipcMain, senders and frames, the service host, dialogs. */
import type { CallResult, Channel, ServiceEventMessage, ServiceHost } from '../../core/service/contract.js';
import type { FileBridgeDeps, NativeDialogs } from '../../electron/main/file-bridge.js';
import type { IpcMainLike } from '../../electron/main/ipc-registrar.js';
import type { InvokeEvent, IpcSender, SenderFrame } from '../../electron/main/trusted-sender.js';

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain that keeps the handlers so a test can invoke them as a page would. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  invoke(event: InvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(listener(event, ...args));
  }
}

export class FakeSender implements IpcSender {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;

  constructor(readonly id: number) {}

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function frame(url: string, parent: SenderFrame | null = null): SenderFrame {
  return { url, parent };
}

export const APP_PAGE = 'app://cvs/index.html';

export function eventFrom(sender: FakeSender, senderFrame: SenderFrame | null = frame(APP_PAGE)): InvokeEvent {
  return { sender, senderFrame };
}

export interface RecordedCall {
  readonly channel: Channel;
  readonly argument: unknown;
}

/**
 * A service host that answers every call with `answer` and first emits `events` to the caller.
 * `calls` records what reached it.
 */
export class FakeHost implements ServiceHost {
  readonly calls: RecordedCall[] = [];
  events: ServiceEventMessage[] = [];
  answer: (channel: Channel, argument: unknown) => CallResult<Channel> = () => ({ ok: true, value: { deleted: true } });

  call<C extends Channel>(channel: C, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<C>> {
    this.calls.push({ channel, argument });
    for (const event of this.events) onEvent(event);
    return Promise.resolve(this.answer(channel, argument) as CallResult<C>);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Dialogs that answer with what the test put in. */
export class FakeDialogs implements NativeDialogs {
  inputFiles: readonly string[] = [];
  resultsFolder: string | null = null;
  saveAnswer: string | null = null;
  readonly saveRequests: { suggestedName: string; kind: string }[] = [];

  openInputFiles(): Promise<readonly string[]> {
    return Promise.resolve(this.inputFiles);
  }

  openResultsFolder(): Promise<string | null> {
    return Promise.resolve(this.resultsFolder);
  }

  saveFile(suggestedName: string, kind: string): Promise<string | null> {
    this.saveRequests.push({ suggestedName, kind });
    return Promise.resolve(this.saveAnswer);
  }
}

export interface FileDepsRecorder extends FileBridgeDeps {
  readonly dialogs: FakeDialogs;
  readonly written: { path: string; text: string }[];
  readonly shown: string[];
}

export function fileDeps(): FileDepsRecorder {
  const written: { path: string; text: string }[] = [];
  const shown: string[] = [];
  return {
    dialogs: new FakeDialogs(),
    written,
    shown,
    writeTextFile: (path, text) => {
      written.push({ path, text });
      return Promise.resolve();
    },
    showItemInFolder: (path) => {
      shown.push(path);
    },
  };
}
