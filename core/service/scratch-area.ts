/**
 * The service's own temporary folder, for files a job writes and then reads itself (the sample
 * workbooks). Made on first use under the configured base; each job takes a folder of its own in
 * it and removes that when it ends. Whatever a job could not remove goes when the service closes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScratchArea {
  /** Runs `work` with a new empty folder, which is removed afterwards, whether `work` succeeds or fails. */
  withFolder<T>(prefix: string, work: (folder: string) => Promise<T>): Promise<T>;
  /** Removes the area with everything in it (the service is closing). */
  remove(): Promise<void>;
}

/**
 * On Windows a file closed a moment ago may still be held (an indexer, a scanner), so rm retries.
 * A folder that cannot be removed is reported, not thrown: the job's answer or the closing stands.
 */
async function removeFolder(folder: string): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true, maxRetries: 5 });
  } catch (e) {
    process.stderr.write(`[service] cannot remove ${folder}: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

export function scratchArea(base: string): ScratchArea {
  let root: Promise<string> | null = null;

  const rootFolder = (): Promise<string> => {
    root ??= mkdtemp(join(base, 'cvs-scratch-')).catch((e: unknown) => {
      // The next job tries again (the base may be back, or have room again).
      root = null;
      throw e;
    });
    return root;
  };

  return {
    async withFolder(prefix, work) {
      const folder = await mkdtemp(join(await rootFolder(), prefix));
      try {
        return await work(folder);
      } finally {
        // What stays behind here goes with the area when the service closes.
        await removeFolder(folder);
      }
    },
    async remove() {
      const made = root;
      root = null;
      // A root that could not be made has nothing to remove.
      const folder = made === null ? null : await made.catch(() => null);
      if (folder !== null) await removeFolder(folder);
    },
  };
}
