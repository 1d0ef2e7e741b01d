/**
 * Debian's Chromium driven by playwright-core (which ships no browser of its own). A missing
 * Chromium fails the run with the fix in the message: CI installs it, so a skip would hide a
 * broken machine.
 */
import { access, constants } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet, offline and reproducible: no GPU, no QUIC, no updates or sync calling home. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Wide enough for the results page's two-column charts, like an analyst's laptop screen. */
export const VIEWPORT = { width: 1440, height: 900 } as const;

export async function launchChromium(): Promise<Browser> {
  await access(CHROMIUM, constants.X_OK).catch(() => {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or point E2E_CHROMIUM at a Chromium binary.`);
  });
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A fresh context per test: its own storage (the launch token lives in sessionStorage) and downloads. */
export async function newContext(browser: Browser, locale: string): Promise<BrowserContext> {
  return browser.newContext({ acceptDownloads: true, viewport: VIEWPORT, locale, deviceScaleFactor: 1 });
}
