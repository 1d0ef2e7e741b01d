/**
 * Which IPC messages come from our page: sent by the one window's webContents, from its main
 * frame (not an iframe), while that frame shows our app:// origin. A page that somehow reached
 * another origin, or a subframe, gets no service.
 */
import { isAppUrl } from './app-origin.js';

/** What the registrar reads of an IPC event (Electron's IpcMainInvokeEvent has these). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

export interface IpcSender {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface InvokeEvent {
  readonly sender: IpcSender;
  /** Null when the frame has navigated away or been destroyed since it sent the message. */
  readonly senderFrame: SenderFrame | null;
}

/** `windowContentsId`: the webContents id of the window we created, null while there is none. */
export function isTrustedSender(event: InvokeEvent, windowContentsId: number | null): boolean {
  if (windowContentsId === null || event.sender.id !== windowContentsId) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}
