/**
 * The app shell every screen sits in: navigation, language switch and screenshots. The screen
 * page objects extend it, so a test holds one object per screen over the same browser page.
 */
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot } from '../artifacts.js';
import { progressBarWasShown, watchProgressBar } from '../in-page.js';

export type ScreenId = 'data' | 'model' | 'results' | 'customers' | 'compare' | 'campaigns' | 'export';

/** Imports and runs of a few thousand customers take seconds; Playwright's 30 s default is for clicks. */
export const SLOW_MS = 120_000;

export class AppPage {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async go(screen: ScreenId): Promise<void> {
    await this.byTestId(`nav-${screen}`).click();
    await this.byTestId(`main-${screen}`).waitFor();
  }

  async setLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.byTestId(`lang-${lang}`).click();
    await this.page.locator(`[data-testid="lang-${lang}"][aria-pressed="true"]`).waitFor();
  }

  screenshot(name: string): Promise<string> {
    return saveScreenshot(this.page, name);
  }

  /**
   * Whether the global progress bar showed while `action` ran: an import of a few thousand rows
   * can finish between two polls, so the page watches for the bar itself.
   */
  async progressBarShownDuring(action: () => Promise<void>): Promise<boolean> {
    await this.page.evaluate(watchProgressBar);
    await action();
    return this.page.evaluate(progressBarWasShown);
  }
}
