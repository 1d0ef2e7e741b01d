/** Opens a URL in the user's browser (serve --open); failing to is not fatal, the URL is printed anyway. */
import { spawn } from 'node:child_process';

export function openInBrowser(url: string, onFailure: () => void): void {
  // rundll32 rather than `cmd /c start`, whose command line would need the URL quoted for cmd.
  const [command, args]: [string, string[]] =
    process.platform === 'win32' ? ['rundll32', ['url.dll,FileProtocolHandler', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.once('error', onFailure);
  child.unref();
}
