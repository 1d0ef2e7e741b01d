/**
 * Where a run leaves what people look at afterwards (screenshots, the what-if figures): the
 * system temp folder by default, test/e2e/screenshots/ when E2E_SCREENSHOTS is set.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths.js';
import { screenHeight } from './in-page.js';

export function artifactDir(): string {
  const dir = process.env.E2E_SCREENSHOTS === undefined ? join(tmpdir(), 'cvs-e2e-screenshots') : join(REPO_ROOT, 'test/e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Removes the last run's pictures and figures, so the folder holds this run's only. */
export function clearArtifacts(): void {
  const dir = artifactDir();
  for (const name of readdirSync(dir)) if (/\.(png|json)$/.test(name)) rmSync(join(dir, name));
}

/** Tall enough for the longest screen (the mapping step of six workbooks), short of a runaway layout. */
const MAX_SHOT_HEIGHT = 12_000;
/** The charts animate a changed option for 300 ms; a picture mid-way would show bars in between. */
const CHART_SETTLE_MS = 500;

/**
 * The whole screen as `<name>.png`, the window stretched to the screen's height for the shot
 * (the app scrolls inside its main area); returns the file written.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(artifactDir(), `${name}.png`);
  const viewport = page.viewportSize();
  await page.waitForTimeout(CHART_SETTLE_MS);
  const height = Math.min(MAX_SHOT_HEIGHT, await page.evaluate(screenHeight));
  if (viewport !== null && height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  } finally {
    if (viewport !== null) await page.setViewportSize(viewport);
  }
  return path;
}

export function writeArtifact(name: string, data: unknown): string {
  const path = join(artifactDir(), name);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}
