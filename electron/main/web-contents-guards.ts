/**
 * What every web page of the app may not do: navigate away, open windows, attach <webview>s.
 * Applied to each webContents as it is created (app 'web-contents-created'), so a page the app
 * did not mean to create is covered as well. The app shows no external links, so nothing is
 * allowed through to the system browser either.
 */
import type { WebContents } from 'electron';

/** The parts of WebContents the guards use (a test double implements just these). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents): void {
  // The page is a single-page app: its routes change the hash, which is not a navigation.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
