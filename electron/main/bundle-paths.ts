/**
 * Where the built pieces sit relative to the bundled main script (dist/electron/main.js, inside
 * app.asar once packaged): the preload and the service worker beside it, the renderer build in
 * dist/renderer. scripts/build-electron.ts writes exactly these names.
 */
import { fileURLToPath } from 'node:url';

export interface BundlePaths {
  readonly preload: string;
  readonly serviceWorker: URL;
  readonly rendererRoot: string;
}

export function bundlePaths(mainScriptUrl: string): BundlePaths {
  return {
    preload: fileURLToPath(new URL('./preload.cjs', mainScriptUrl)),
    serviceWorker: new URL('./service-worker.js', mainScriptUrl),
    rendererRoot: fileURLToPath(new URL('../renderer/', mainScriptUrl)),
  };
}
