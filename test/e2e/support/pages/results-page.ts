/** 结果: run, the KPI cards and tier counts, and the value-weight sliders (what-if). */
import { AppPage, SLOW_MS } from './app-page.js';

export type WeightKey = 'profit' | 'loyalty' | 'credit' | 'behaviour';

export class ResultsPage extends AppPage {
  /** Starts the first run and waits for its KPI cards. */
  async run(): Promise<void> {
    const before = await this.completedRuns();
    await this.byTestId('run').click();
    await this.waitForRunsAfter(before);
    await this.byTestId('kpi-customers').waitFor();
  }

  /** Runs answered so far (the page's data-runs), to wait for the next. */
  async completedRuns(): Promise<number> {
    return Number((await this.byTestId('results-page').getAttribute('data-runs')) ?? '0');
  }

  async waitForRunsAfter(count: number): Promise<void> {
    // data-runs only grows, so "not `count` any more" is "more than `count`".
    await this.page.locator(`[data-testid="results-page"][aria-busy="false"]:not([data-runs="${count}"])`).waitFor({ timeout: SLOW_MS });
  }

  /** The tier counts as the screen shows them: "tier count" per line. */
  async tierCountsText(): Promise<string> {
    return this.byTestId('tier-counts').innerText();
  }

  async kpi(name: 'customers' | 'eligible' | 'negative' | 'loss' | 'total-profit'): Promise<string> {
    return (await this.byTestId(`kpi-${name}`).locator('.kpi-value').textContent()) ?? '';
  }

  /** The last run's request-to-answer time the page measured (data-run-ms). */
  async runMs(): Promise<number | null> {
    const value = await this.byTestId('results-page').getAttribute('data-run-ms');
    return value === null ? null : Number(value);
  }

  /**
   * Moves a weight slider by `steps` keyboard steps (1% each; negative: left), as an analyst
   * does with the arrow keys.
   */
  async nudgeWeight(key: WeightKey, steps: number): Promise<void> {
    const slider = this.byTestId(`weight-${key}`);
    await slider.focus();
    for (let i = 0; i < Math.abs(steps); i += 1) await slider.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
}
