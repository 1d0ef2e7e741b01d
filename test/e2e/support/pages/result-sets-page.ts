/** 结果集: import a results set through the page's file chooser, its list, figures, tables and customers. */
import { basename } from 'node:path';
import type { Locator } from 'playwright-core';
import { AppPage, SLOW_MS } from './app-page.js';

export interface ShownCustomerRow {
  readonly customerId: string;
  /** The row's cells as shown, in the table's column order. */
  readonly cells: readonly string[];
}

export class ResultSetsPage extends AppPage {
  async open(): Promise<void> {
    await this.byTestId('nav-result-sets').click();
    await this.byTestId('main-result-sets').waitFor();
    await this.page.locator('[data-testid="rs-list"] :is(table, .empty)').first().waitFor({ timeout: SLOW_MS });
  }

  /** Chooses `paths` in the page's file chooser (the web shell uploads them) and waits for the import's outcome. */
  async importFiles(paths: readonly string[], name?: string): Promise<Locator> {
    if (name !== undefined) await this.byTestId('rs-import-name').fill(name);
    const chooser = this.page.waitForEvent('filechooser');
    await this.byTestId('rs-import-pick').click();
    const picked = await chooser;
    if (!picked.isMultiple()) throw new Error('the results chooser takes one file only');
    await picked.setFiles([...paths]);
    const outcome = this.byTestId('rs-import-outcome');
    await outcome.waitFor({ timeout: SLOW_MS });
    await this.page.locator('[data-testid="rs-import-pick"]:not([disabled])').waitFor({ timeout: SLOW_MS });
    return outcome;
  }

  async dismissOutcome(): Promise<void> {
    await this.byTestId('rs-import-outcome').getByRole('button').click();
    await this.byTestId('rs-import-outcome').waitFor({ state: 'detached' });
  }

  /** The list's rows: name, month, scenario, customers, imported at. */
  async listed(): Promise<string[][]> {
    const rows = await this.byTestId('rs-list').locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).slice(0, 5).map((s) => s.trim())));
  }

  /** Waits for the selected set's figures. */
  async detailShown(name: string): Promise<void> {
    await this.byTestId('rs-detail-name').filter({ hasText: name }).waitFor({ timeout: SLOW_MS });
    await this.byTestId('kpi-customers').waitFor();
  }

  async kpi(id: 'customers' | 'eligible' | 'negative' | 'loss' | 'total-profit'): Promise<string> {
    return (await this.byTestId(`kpi-${id}`).locator('.kpi-value').innerText()).trim();
  }

  /** The tier chips: tier → count as shown. */
  async tierCounts(): Promise<Map<string, string>> {
    const chips = await this.byTestId('tier-counts').locator('.tier-count').all();
    const pairs = await Promise.all(chips.map(async (chip) => [(await chip.locator('dt').innerText()).trim(), (await chip.locator('dd').innerText()).trim()] as const));
    return new Map(pairs);
  }

  async chartsDrawn(): Promise<boolean[]> {
    const ids = ['chart-value-histogram', 'chart-tier-counts', 'chart-profit-by-plan', 'chart-negative-by-branch', 'chart-profit-curve'];
    return Promise.all(ids.map(async (id) => (await this.byTestId(id).locator('canvas').count()) > 0));
  }

  async chooseGrouping(grouping: string): Promise<void> {
    await this.byTestId(`rs-grouping-${grouping}`).click();
    await this.page.locator(`[data-testid="rs-grouping-${grouping}"][aria-pressed="true"]`).waitFor();
  }

  /** The aggregate table's rows: the group as shown, then its cells. */
  async aggregateRows(): Promise<string[][]> {
    const rows = await this.byTestId('rs-aggregate-table').locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => [(await row.locator('th').innerText()).trim(), ...(await row.locator('td').allInnerTexts()).map((s) => s.trim())]));
  }

  /** The provenance table: file, rows, size, SHA-256 prefix. */
  async provenance(): Promise<string[][]> {
    const rows = await this.byTestId('rs-provenance').locator('tbody tr').all();
    return Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim())));
  }

  /** The customer explorer's total line, once its first page is in. */
  async customersTotal(): Promise<string> {
    await this.page.locator('[data-testid="rs-customers"] [data-testid="customers-table"][aria-busy="false"]').waitFor({ timeout: SLOW_MS });
    return (await this.byTestId('rs-customers').getByTestId('customers-total').innerText()).trim();
  }

  /** The rows the virtual table has rendered (its first screenful and overscan), in order. */
  async customerRows(): Promise<ShownCustomerRow[]> {
    const table = this.byTestId('rs-customers').getByTestId('customers-table');
    await table.locator('[data-customer-id]').first().waitFor({ timeout: SLOW_MS });
    const rows = await table.locator('[data-customer-id]').all();
    return Promise.all(rows.map(async (row) => ({ customerId: (await row.getAttribute('data-customer-id')) ?? '', cells: (await row.locator('[role="cell"]').allInnerTexts()).map((s) => s.trim()) })));
  }

  async filterCustomers(name: 'negative' | 'eligible', value: 'yes' | 'no' | ''): Promise<void> {
    const before = await this.customersTotal();
    await this.byTestId('rs-customers').getByTestId(`filter-${name}`).selectOption(value);
    await this.byTestId('rs-customers').getByTestId('customers-total').filter({ hasNotText: before }).waitFor({ timeout: SLOW_MS });
    await this.customersTotal();
  }

  /** Deletes a listed set, confirming, and waits for its row to go. */
  async deleteSet(id: number): Promise<void> {
    await this.byTestId(`rs-set-${id}-delete`).click();
    await this.byTestId(`rs-set-${id}-delete-confirm`).click();
    await this.byTestId(`rs-set-${id}`).waitFor({ state: 'detached', timeout: SLOW_MS });
  }

  /** The problems table of a refused import: file, row, column, value, message. */
  async problems(): Promise<string[][]> {
    const rows = await this.byTestId('problem-table').locator('tbody tr').all();
    const cells = await Promise.all(rows.map(async (row) => (await row.locator('td').allInnerTexts()).map((s) => s.trim())));
    return cells.filter((c) => c.length >= 7).map(([, file = '', , row = '', column = '', value = '', message = '']) => [file, row, column, value, message]);
  }
}

/** The file names a chooser would show for `paths`. */
export function fileNames(paths: readonly string[]): string[] {
  return paths.map((p) => basename(p));
}
