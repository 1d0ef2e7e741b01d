/** 客户: the filtered customer table and one customer's trace. */
import type { Locator } from 'playwright-core';
import { AppPage, SLOW_MS } from './app-page.js';

export class CustomersPage extends AppPage {
  async total(): Promise<string> {
    await this.page.locator('[data-testid="customers-table"][aria-busy="false"]').waitFor({ timeout: SLOW_MS });
    return (await this.byTestId('customers-total').textContent()) ?? '';
  }

  /** Picks a yes/no or choice filter and waits for the table to reload. */
  async filter(name: 'negative' | 'eligible' | 'branch' | 'channel' | 'plan' | 'tier', value: string): Promise<void> {
    const before = await this.total();
    await this.byTestId(`filter-${name}`).selectOption(value);
    await this.byTestId('customers-total').filter({ hasNotText: new RegExp(`^${escapeRegExp(before)}$`) }).waitFor({ timeout: SLOW_MS });
    await this.total();
  }

  /** The id of the customer in the table's first loaded row. */
  async firstCustomerId(): Promise<string> {
    const row = this.byTestId('customers-table').locator('[data-customer-id]').first();
    await row.waitFor({ timeout: SLOW_MS });
    return (await row.getAttribute('data-customer-id')) ?? '';
  }

  /** Clicks a customer's row and waits for the trace panel to load. */
  async openTrace(customerId: string): Promise<Locator> {
    await this.byTestId('customers-table').locator(`[data-customer-id="${customerId}"]`).click();
    const panel = this.byTestId('trace-panel');
    await panel.locator('[data-testid="trace-months"]').waitFor({ timeout: SLOW_MS });
    return panel;
  }

  /** The month columns of the trace's month table. */
  async traceMonths(): Promise<string[]> {
    const headers = await this.byTestId('trace-months').locator('thead th').allTextContents();
    return headers.filter((h) => /^\d{4}-\d{2}$/.test(h.trim())).map((h) => h.trim());
  }

  /** Scrolls the trace panel to the cost pools of `month`. */
  async scrollToPools(month: string): Promise<void> {
    await this.byTestId(`trace-pools-${month}`).scrollIntoViewIfNeeded();
  }

  /** The cost pools allocated to the customer in `month`, by name. */
  async tracePools(month: string): Promise<string[]> {
    return (await this.byTestId(`trace-pools-${month}`).locator('tbody tr > :first-child').allTextContents()).map((s) => s.trim());
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
