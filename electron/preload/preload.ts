/**
 * The preload script: exposes the window API as `window.cvs` and nothing else. It runs
 * sandboxed with context isolation, so the page reaches main only through these functions and
 * never touches ipcRenderer. Bundled to one CommonJS file (sandboxed preloads cannot import).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './create-bridge.js';

contextBridge.exposeInMainWorld(
  'cvs',
  // The page's File arrives through contextBridge as a real File; the contract types it structurally.
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)),
);
