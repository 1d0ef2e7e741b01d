/** 模型: the scenario form and the saved scenarios. */
import { AppPage } from './app-page.js';

export type ValueWeights = Readonly<Record<'profit' | 'loyalty' | 'credit' | 'behaviour', number>>;

export class ModelPage extends AppPage {
  async setName(name: string): Promise<void> {
    await this.byTestId('field-name').fill(name);
  }

  /** Types each weight into its box (the sliders beside them follow). */
  async setValueWeights(weights: ValueWeights): Promise<void> {
    for (const [key, value] of Object.entries(weights)) await this.byTestId(`model-weight-${key}-input`).fill(String(value));
  }

  /** Saves the form; resolves once the saved list shows it (the list reloads after the save). */
  async save(): Promise<void> {
    const name = (await this.byTestId('field-name').inputValue()).trim();
    await this.byTestId('scenario-save').click();
    await this.page.locator('[data-testid="scenario-status"].badge--ok').waitFor();
    await this.byTestId('saved-scenarios').locator('.saved-list__name').getByText(name, { exact: true }).waitFor();
  }

  async savedNames(): Promise<string[]> {
    return (await this.byTestId('saved-scenarios').locator('.saved-list__name').allTextContents()).map((s) => s.trim());
  }
}
