/**
 * The main window. Every webPreferences entry that matters for security is written out even
 * where it is Electron's default, so a test can pin them and a reader sees them in one place.
 *
 * Electron's BrowserWindow class is passed in, so the tests catch the options without Electron.
 * The parameter keeps the class's name on purpose: electronegativity recognises
 * `new BrowserWindow({…})` and checks this literal, which it could not do through a helper.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

export interface WindowOptionsInput {
  /** The bundled preload script (CommonJS: sandboxed preloads cannot load ES modules). */
  readonly preloadPath: string;
  /** Developer tools exist only in an unpackaged (development) run. */
  readonly devTools: boolean;
}

export function createMainWindow<W>(BrowserWindow: WindowClass<W>, input: WindowOptionsInput): W {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: '客户价值评估 · Customer Value Studio',
    // Shown on ready-to-show, so the window never flashes empty.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Reviewed: it exposes exactly the window API (shared/window-api.ts) and nothing else (test/electron/bundles.test.ts).
      preload: input.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would ask for a new window; none is ever allowed, so none is asked for.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  });
}
