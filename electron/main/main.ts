/**
 * The Electron main process: one window on app://, the session policy, the IPC registrar and
 * the menu. The service (engine, knowledge base, workbooks) runs in the service host's worker
 * thread; this process only relays between it and the page.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type MessageBoxOptions } from 'electron';
import type { ServiceEventMessage } from '../../core/service/contract.js';
import { createServiceHost } from '../../core/service/service-host.js';
import { IPC } from '../shared/ipc.js';
import { menuTemplate } from './app-menu.js';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { bundlePaths } from './bundle-paths.js';
import { createFileBridge } from './file-bridge.js';
import { registerIpcHandlers } from './ipc-registrar.js';
import { createMenuCommands } from './menu-commands.js';
import { createNativeDialogs } from './native-dialogs.js';
import { applySessionPolicy } from './session-policy.js';
import { uiLanguage } from './ui-language.js';
import { guardWebContents } from './web-contents-guards.js';
import { createMainWindow } from './window-options.js';

const paths = bundlePaths(import.meta.url);
const development = !app.isPackaged;

// Before 'ready': every renderer sandboxed whatever its options say, and Chromium must know the
// app:// scheme's privileges when it starts.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every webContents as it is created, including any the app did not mean to create.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

let window: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  return window !== null && !window.isDestroyed() ? window : null;
}

function focusWindow(): void {
  const current = liveWindow();
  if (current === null) return;
  if (current.isMinimized()) current.restore();
  current.focus();
}

function sendToPage(message: ServiceEventMessage): void {
  const current = liveWindow();
  if (current !== null && !current.webContents.isDestroyed()) current.webContents.send(IPC.event, message);
}

async function showMessage(options: MessageBoxOptions): Promise<number> {
  const current = liveWindow();
  const result = current === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(current, options);
  return result.response;
}

async function start(): Promise<void> {
  applySessionPolicy(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: paths.rendererRoot }));

  const databasePath = path.join(app.getPath('userData'), 'knowledge.db');
  const host = createServiceHost({ databasePath, shell: 'electron', workerUrl: paths.serviceWorker });
  let hostClosed = false;
  // The worker finishes its calls and closes the knowledge base before the process ends.
  app.on('will-quit', (event) => {
    if (hostClosed) return;
    event.preventDefault();
    host
      .close()
      .catch((error: unknown) => console.error('服务关闭失败 / closing the service failed:', error))
      .finally(() => {
        hostClosed = true;
        app.quit();
      });
  });

  const lang = uiLanguage(app.getPreferredSystemLanguages());
  const files = createFileBridge({
    dialogs: createNativeDialogs({ dialog, window: liveWindow, lang, startFolder: app.getPath('documents') }),
    writeTextFile: (file, text) => writeFile(file, text, 'utf8'),
    showItemInFolder: (file) => shell.showItemInFolder(file),
  });
  const commands = createMenuCommands({
    host,
    files,
    lang,
    sendToPage,
    showMessage,
    showItemInFolder: (file) => shell.showItemInFolder(file),
    newJobId: () => randomUUID(),
    about: { version: app.getVersion(), electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node, databasePath },
  });
  registerIpcHandlers({ ipcMain, windowContentsId: () => liveWindow()?.webContents.id ?? null, host, files, onCallResult: commands.noteResult });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang, development, commands)));

  const created = createMainWindow(BrowserWindow, { preloadPath: paths.preload, devTools: development });
  window = created;
  created.once('ready-to-show', () => created.show());
  created.on('closed', () => {
    window = null;
  });
  await created.loadURL(APP_ENTRY_URL);
}

// One copy of the app per user: a second launch hands over to the first, which shows its window.
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('客户价值评估 · Customer Value Studio', `启动失败 / The app could not start:\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
} else {
  app.quit();
}
