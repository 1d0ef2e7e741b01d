/**
 * The window API (`window.cvs`) as IPC messages to the main process. Electron is passed in, so
 * the tests build the bridge with a fake ipcRenderer. Only types come from the contract: this
 * code is bundled into the sandboxed preload, which can load nothing but 'electron'.
 */
import type { CallResult, Channel, DesktopBridge, PageFile, ServiceEventMessage } from '../../core/service/contract.js';
import { IPC, type BridgeReply } from '../shared/ipc.js';

/** ipcRenderer as the bridge uses it. The event object is never handed to the page. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * A refused dialog or file call rejects the page's promise. Only an Error's message survives
 * contextBridge, so it carries both languages and the code.
 */
async function unwrap<T>(reply: Promise<unknown>): Promise<T> {
  // The main process's registrar is the only answerer of these channels (ipc-registrar.ts).
  const answer = (await reply) as BridgeReply<T>;
  if (answer.ok) return answer.value;
  throw new Error(`${answer.error.zh} / ${answer.error.en} [${answer.error.code}]`);
}

export function createBridge(ipc: IpcRendererLike, pathForFile: (file: PageFile) => string): DesktopBridge {
  return {
    invoke<C extends Channel>(channel: C, argument: unknown): Promise<CallResult<C>> {
      // Refusals come back as CallResult data too; the registrar never throws.
      return ipc.invoke(IPC.invoke, channel, argument) as Promise<CallResult<C>>;
    },
    on(listener) {
      const forward = (_event: unknown, message: unknown): void => listener(message as ServiceEventMessage);
      ipc.on(IPC.event, forward);
      return () => {
        ipc.removeListener(IPC.event, forward);
      };
    },
    pickInputFiles: () => unwrap<readonly string[]>(ipc.invoke(IPC.pickInputFiles)),
    pickResultsFolder: () => unwrap<string | null>(ipc.invoke(IPC.pickResultsFolder)),
    pathForFile,
    pickSaveTarget: (defaultName, kind) => unwrap<string | null>(ipc.invoke(IPC.pickSaveTarget, defaultName, kind)),
    writeScenarioFile: async (target, text) => {
      await unwrap<null>(ipc.invoke(IPC.writeScenarioFile, target, text));
    },
    showInFolder: async (path) => {
      await unwrap<null>(ipc.invoke(IPC.showInFolder, path));
    },
  };
}
