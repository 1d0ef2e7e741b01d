/** 目标名单: the filter form, the list's figures, saved definitions and the CSV/xlsx export with its download. */
import { downloadFrom } from '../downloads.js';
import { shownCountAndShare, shownNumber } from '../shown-figures.js';
import { AppPage, SLOW_MS } from './app-page.js';

export interface ShownTargetFigures {
  readonly size: number;
  readonly sumAvgProfit: number;
  readonly negative: number;
  readonly arpuNegative: number;
  readonly avoided: number;
  readonly avoidedShare: number;
}

export class TargetsPage extends AppPage {
  async open(): Promise<void> {
    await this.byTestId('nav-targets').click();
    await this.byTestId('main-targets').waitFor();
    await this.byTestId('targets-form').waitFor();
    await this.settled();
  }

  async chooseTiers(tiers: readonly string[]): Promise<void> {
    await this.byTestId('targets-tiers').selectOption([...tiers]);
  }

  async chooseBranches(branches: readonly string[]): Promise<void> {
    await this.byTestId('targets-branches').selectOption([...branches]);
  }

  async excludeNegative(on: boolean): Promise<void> {
    await this.byTestId('targets-exclude-negative').setChecked(on);
  }

  /**
   * The figures once they are the form's: the page rebuilds the list a moment after the last
   * change and marks its figures aria-busy until that build answers.
   */
  async figures(): Promise<ShownTargetFigures> {
    await this.settled();
    const text = async (id: string) => (await this.byTestId(id).textContent()) ?? '';
    const [avoided, avoidedShare] = shownCountAndShare(await text('targets-avoided'));
    return {
      size: shownNumber(await text('targets-size')),
      sumAvgProfit: shownNumber(await text('targets-sum-profit')),
      negative: shownNumber(await text('targets-negative')),
      arpuNegative: shownNumber(await text('targets-arpu-negative')),
      avoided,
      avoidedShare,
    };
  }

  async previewIds(): Promise<string[]> {
    return (await this.byTestId('targets-preview').locator('tbody th').allTextContents()).map((s) => s.trim());
  }

  async save(name: string): Promise<void> {
    await this.byTestId('targets-name').fill(name);
    await this.byTestId('targets-save').click();
    await this.byTestId('targets-load').locator('option', { hasText: name }).waitFor({ state: 'attached' });
  }

  async load(name: string): Promise<void> {
    await this.byTestId('targets-load').selectOption(name);
  }

  /** Exports the list, waits for the outcome naming `fileName`, then downloads it into `dir`. */
  async exportAndDownload(format: 'csv' | 'xlsx', fileName: string, dir: string): Promise<string> {
    await this.byTestId(`targets-export-${format}`).click();
    const done = this.byTestId('targets-export-done').filter({ hasText: fileName });
    const failed = this.byTestId('targets-error');
    await done.or(failed).waitFor({ timeout: SLOW_MS });
    if (await failed.isVisible()) throw new Error(`the ${format} export failed: ${await failed.textContent()}`);
    return downloadFrom(this.page, () => done.getByTestId('targets-download').click(), dir);
  }

  private async settled(): Promise<void> {
    await this.page.locator('[data-testid="targets-summary"][aria-busy="false"]').waitFor({ timeout: SLOW_MS });
  }
}
