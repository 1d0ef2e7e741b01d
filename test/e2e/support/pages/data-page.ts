/** 数据: choose files, fix a column's field, validate, import, and the knowledge base's datasets. */
import { basename } from 'node:path';
import type { Locator } from 'playwright-core';
import { AppPage, SLOW_MS } from './app-page.js';

export interface ProblemRow {
  readonly file: string;
  readonly sheet: string;
  readonly row: string;
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export class DataPage extends AppPage {
  /** Through the page's own file dialog (the web shell uploads what is chosen). */
  async addFiles(paths: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.byTestId('files-add').click();
    await (await chooser).setFiles([...paths]);
    await this.byTestId('file-list').getByText(basename(paths[paths.length - 1] ?? '')).waitFor({ timeout: SLOW_MS });
    await this.mappingsLoaded(paths.length);
  }

  async clearFiles(): Promise<void> {
    await this.byTestId('files-clear').click();
    await this.byTestId('file-list').waitFor({ state: 'detached' });
  }

  /** The mapping step's card for the sheet of `file` (one sheet per sample workbook). */
  async sheetOf(file: string): Promise<{ readonly card: Locator; readonly index: number }> {
    const cards = this.page.locator('[data-testid^="sheet-"].sheet-mapping');
    const count = await cards.count();
    for (let i = 0; i < count; i += 1) {
      const card = this.byTestId(`sheet-${i}`);
      if ((await card.locator('strong').first().textContent()) === file) return { card, index: i };
    }
    throw new Error(`no sheet of ${file} in the mapping step`);
  }

  /** Picks the field a column is read as, by its header text. */
  async mapColumn(file: string, header: string, field: string): Promise<void> {
    const { card, index } = await this.sheetOf(file);
    const headers = await card.locator('thead tr').first().locator('th').allTextContents();
    const column = headers.indexOf(header);
    if (column < 0) throw new Error(`${file} has no column ${header}: ${headers.join(', ')}`);
    await this.byTestId(`sheet-${index}-field-${column}`).selectOption(field);
    // The service previews the sheet again with the mapping; wait for it to settle.
    await this.page.locator(`[data-testid="sheet-${index}-field-${column}"]:not([disabled])`).waitFor({ timeout: SLOW_MS });
  }

  async fieldOf(file: string, header: string): Promise<string> {
    const { card, index } = await this.sheetOf(file);
    const headers = await card.locator('thead tr').first().locator('th').allTextContents();
    return this.byTestId(`sheet-${index}-field-${headers.indexOf(header)}`).inputValue();
  }

  /** Runs the check and waits for its report. */
  async validate(): Promise<void> {
    await this.byTestId('validate').click();
    await this.byTestId('validation-report').waitFor({ timeout: SLOW_MS });
    await this.page.locator('[data-testid="validate"]:not([disabled])').waitFor({ timeout: SLOW_MS });
  }

  async errorCount(): Promise<number> {
    const text = (await this.byTestId('report-errors').textContent()) ?? '';
    const digits = /\d[\d,]*/.exec(text)?.[0];
    if (digits === undefined) throw new Error(`no count in "${text}"`);
    return Number(digits.replace(/,/g, ''));
  }

  async problems(): Promise<ProblemRow[]> {
    const rows = this.byTestId('problem-table').locator('tbody tr');
    const out: ProblemRow[] = [];
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allTextContents();
      if (cells.length < 7) continue;
      const [, file = '', sheet = '', line = '', column = '', value = '', message = ''] = cells;
      out.push({ file, sheet, row: line, column, value, message });
    }
    return out;
  }

  /** Imports the checked files; resolves once the outcome shows. */
  async importFiles(): Promise<void> {
    await this.byTestId('import').click();
    await this.byTestId('import-outcome').waitFor({ timeout: SLOW_MS });
  }

  /** The file names the knowledge base's dataset list shows. */
  async datasetFiles(): Promise<string[]> {
    const cells = this.byTestId('dataset-list').locator('tbody tr:not(.row-group) td:first-child');
    return (await cells.allTextContents()).map((s) => s.trim());
  }

  private async mappingsLoaded(count: number): Promise<void> {
    await this.page.locator(`[data-testid="sheet-${count - 1}"]`).waitFor({ timeout: SLOW_MS });
  }
}
