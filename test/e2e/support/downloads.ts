/** A download the page starts, saved into a folder of the test's; throws when the browser reports it failed. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SLOW_MS } from './pages/app-page.js';

export async function downloadFrom(page: Page, start: () => Promise<void>, dir: string): Promise<string> {
  const download = page.waitForEvent('download', { timeout: SLOW_MS });
  await start();
  const file = await download;
  const failure = await file.failure();
  if (failure !== null) throw new Error(`the download of ${file.suggestedFilename()} (${file.url()}) failed: ${failure}`);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
