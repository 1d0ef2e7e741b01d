/**
 * One launch of the web shell: its folders, the service host confined to them and the HTTP
 * server, started together and closed together. The host comes from the caller, so the CLI
 * passes the real one and tests a fake.
 */
import { fileURLToPath } from 'node:url';
import type { ServiceHost } from '../service/contract.js';
import { createLaunchFolders } from './launch-folders.js';
import { newLaunchToken } from './request-checks.js';
import { confineToLaunchFolders, type LaunchFolders } from './web-host.js';
import { startWebServer, type WebServer } from './web-server.js';

/** vite's output for the renderer, beside this folder in the repository. */
export const RENDERER_DIST = fileURLToPath(new URL('../../renderer/dist', import.meta.url));

export interface WebShellOptions {
  readonly createHost: (folders: LaunchFolders) => ServiceHost | Promise<ServiceHost>;
  readonly port?: number;
  readonly rendererDir?: string;
  readonly uploadLimitBytes?: number;
  readonly heartbeatMs?: number;
}

export interface WebShell extends Omit<WebServer, 'close'> {
  readonly folders: LaunchFolders;
  /** Stops the server, closes the host and deletes the launch's folders. */
  close(): Promise<void>;
}

export async function launchWebShell(options: WebShellOptions): Promise<WebShell> {
  const folders = await createLaunchFolders();
  let host: ServiceHost | undefined;
  try {
    host = await options.createHost(folders);
    const server = await startWebServer({
      host: confineToLaunchFolders(host, folders),
      token: newLaunchToken(),
      rendererDir: options.rendererDir ?? RENDERER_DIST,
      uploadsDir: folders.uploadsDir,
      downloadsDir: folders.downloadsDir,
      port: options.port,
      uploadLimitBytes: options.uploadLimitBytes,
      heartbeatMs: options.heartbeatMs,
    });
    const opened = host;
    return {
      port: server.port,
      origin: server.origin,
      url: server.url,
      folders,
      async close() {
        await server.close();
        await opened.close();
        await folders.remove();
      },
    };
  } catch (e) {
    await host?.close();
    await folders.remove();
    throw e;
  }
}
