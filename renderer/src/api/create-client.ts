/**
 * The client the screens use, chosen once at start-up: the desktop window has the preload's
 * `window.cvs` bridge; any other page is the web shell's.
 */
import { createDomPort } from './dom-port.js';
import { createHttpClient } from './http-client.js';
import { createIpcClient } from './ipc-client.js';
import type { DesktopBridge } from '../../../core/service/contract.js';
import type { ServiceClient } from './service-client.js';

export type { ServiceClient } from './service-client.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload script (contextBridge), and nothing else. */
    readonly cvs?: DesktopBridge;
  }
}

export function createClient(): ServiceClient {
  return window.cvs !== undefined ? createIpcClient(window.cvs) : createHttpClient(createDomPort());
}
