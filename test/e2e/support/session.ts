/**
 * One analyst's session: `cvalue serve` on a knowledge base, Chromium with one tab on the
 * printed link. close() always stops both (and is safe to call twice), so an afterAll can clean
 * up after a failed step.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from './browser.js';
import { startWebShell, type WebShellProcess } from './web-shell-process.js';

export interface Session {
  readonly page: Page;
  readonly server: WebShellProcess;
  /** Uncaught exceptions and console errors of the page, for a final check. */
  readonly pageErrors: readonly string[];
  close(): Promise<void>;
}

/** Playwright's per-action wait; the slow steps pass their own. */
const ACTION_TIMEOUT_MS = 30_000;

export async function openSession(db: string, locale = 'zh-CN'): Promise<Session> {
  const server = await startWebShell(db);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await newContext(browser, locale);
    const page = await context.newPage();
    page.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(server.url);
    await page.getByTestId('nav-data').waitFor();
    const opened = browser;
    let closed: Promise<void> | undefined;
    return {
      page,
      server,
      pageErrors,
      // The browser first: its open event stream would keep the server's shutdown waiting.
      close: () => (closed ??= opened.close().catch(() => undefined).then(() => server.stop())),
    };
  } catch (e) {
    await Promise.allSettled([browser?.close(), server.stop()]);
    throw e;
  }
}
