/**
 * The service as the web shell offers it. The page cannot name files on this computer, and a
 * page holding the token should not make the service read arbitrary ones either:
 * - input `paths` must lie in the launch's uploads folder (where /api/upload put them);
 * - an export's answer names the written file by its name in the downloads folder (what
 *   /api/download takes), not by a server path. The host itself (shell 'web') accepts only a
 *   bare file name as the target and writes it into that folder.
 */
import { basename, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { CallResult, Channel, ServiceHost } from '../service/contract.js';
import { webIssues } from './web-issues.js';

export interface LaunchFolders {
  readonly uploadsDir: string;
  readonly downloadsDir: string;
}

const INPUT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['datasets:preview', 'datasets:validate', 'datasets:import', 'datasets:exportReport', 'results:import']);
const EXPORT_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['export:report', 'datasets:exportReport', 'targets:export', 'results:export']);

/** Just the field this wrapper looks at; the host checks the whole argument against the channel's schema. */
const withPaths = z.looseObject({ paths: z.array(z.string()) });

export function confineToLaunchFolders(host: ServiceHost, folders: LaunchFolders): ServiceHost {
  const uploads = resolve(folders.uploadsDir);
  return {
    async call<C extends Channel>(channel: C, argument: unknown, onEvent: Parameters<ServiceHost['call']>[2]): Promise<CallResult<C>> {
      // A malformed argument goes through untouched: the host refuses it with the schema's message.
      const inputs = INPUT_CHANNELS.has(channel) ? withPaths.safeParse(argument) : undefined;
      const outside = inputs?.data?.paths.find((p) => !resolve(p).startsWith(uploads + sep));
      if (outside !== undefined) return { ok: false, error: webIssues.pathOutside(outside) };
      const result = await host.call(channel, argument, onEvent);
      if (!result.ok || !EXPORT_CHANNELS.has(channel)) return result;
      // Every export answer carries `path`; the spread keeps the rest of the answer as it is.
      const value: unknown = result.value;
      const written = z.looseObject({ path: z.string() }).safeParse(value);
      return written.success ? { ok: true, value: { ...result.value, path: basename(written.data.path) } } : result;
    },
    close: () => host.close(),
  };
}
