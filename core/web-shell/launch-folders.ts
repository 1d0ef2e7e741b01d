/** The launch's own folders: uploads from the page and files written for it to download; gone at shutdown. */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchFolders } from './web-host.js';

export interface OwnedLaunchFolders extends LaunchFolders {
  remove(): Promise<void>;
}

export async function createLaunchFolders(): Promise<OwnedLaunchFolders> {
  const root = await mkdtemp(join(tmpdir(), 'cvs-web-'));
  const uploadsDir = join(root, 'uploads');
  const downloadsDir = join(root, 'downloads');
  await Promise.all([mkdir(uploadsDir), mkdir(downloadsDir)]);
  return { uploadsDir, downloadsDir, remove: () => rm(root, { recursive: true, force: true }) };
}
