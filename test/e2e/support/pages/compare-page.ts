/** 对比: two scenarios side by side, the tier migration between them. */
import { AppPage, SLOW_MS } from './app-page.js';

export class ComparePage extends AppPage {
  async choose(side: 'a' | 'b', savedName: string): Promise<void> {
    await this.byTestId(`compare-${side}`).selectOption(`saved:${savedName}`);
  }

  async run(): Promise<void> {
    await this.byTestId('compare-run').click();
    await this.byTestId('comparison').waitFor({ timeout: SLOW_MS });
    await this.page.locator('[data-testid="compare-run"]:not([disabled])').waitFor({ timeout: SLOW_MS });
  }

  /** The migration table's cells as numbers, row by row (A's tiers down, B's across). */
  async migration(): Promise<number[][]> {
    const rows = await this.byTestId('migration-table').locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map((text) => Number(text.replace(/[^\d.-]/g, '')))));
  }
}
