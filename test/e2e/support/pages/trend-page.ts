/** 趋势: the month-by-month figures table, the two charts, and the group table of one month. */
import { AppPage, SLOW_MS } from './app-page.js';

export interface ShownTable {
  readonly header: readonly string[];
  /** Each body row's cells, its row header first. */
  readonly rows: readonly (readonly string[])[];
}

export class TrendPage extends AppPage {
  /** Opens the screen and waits for the draft's trend (computed on opening). */
  async open(): Promise<void> {
    await this.byTestId('nav-trend').click();
    await this.byTestId('main-trend').waitFor();
    await this.byTestId('trend-kpi-table').waitFor({ timeout: SLOW_MS });
    await this.page.locator('[data-testid="trend-page"][aria-busy="false"]').waitFor({ timeout: SLOW_MS });
  }

  kpiTable(): Promise<ShownTable> {
    return this.table('trend-kpi-table');
  }

  /** The tier columns of the figures table by the tier's own name (the header shows 不参与评分 as "Not scored" in English). */
  async kpiTiers(): Promise<string[]> {
    return this.byTestId('trend-kpi-table').locator('thead th[data-tier]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-tier') ?? ''));
  }

  /** The group table (branches by default) after choosing the month at `index` (0 = oldest). */
  async groupTable(index: number): Promise<ShownTable> {
    await this.byTestId('trend-month').selectOption(String(index));
    return this.table('trend-table');
  }

  /** Whether each chart drew onto a canvas of its own size (an empty option draws nothing there). */
  async chartsDrawn(): Promise<boolean[]> {
    return Promise.all(
      ['trend-chart', 'trend-tier-chart'].map((id) =>
        this.byTestId(id).evaluate((element) => {
          const canvas = element.querySelector('canvas');
          return canvas !== null && canvas.width > 0 && canvas.height > 0;
        }),
      ),
    );
  }

  private async table(testId: string): Promise<ShownTable> {
    const table = this.byTestId(testId);
    const header = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) rows.push((await row.locator('th, td').allTextContents()).map((s) => s.trim()));
    return { header, rows };
  }
}
