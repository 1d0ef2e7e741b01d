/** 预警: the rule chips with their counts, the rule and branch filters, the table and the CSV export. */
import { WARNING_RULES, type WarningRuleName } from '../../../../core/service/contract.js';
import { downloadFrom } from '../downloads.js';
import { shownNumber } from '../shown-figures.js';
import { AppPage, SLOW_MS } from './app-page.js';

export class WarningsPage extends AppPage {
  async open(): Promise<void> {
    await this.byTestId('nav-warnings').click();
    await this.byTestId('main-warnings').waitFor();
    await this.settled();
    await this.byTestId('warnings-rule-all').waitFor();
  }

  /** The count each rule's chip shows, "转为负值 (73)" → 73. */
  async ruleCounts(): Promise<Record<WarningRuleName | 'all', number>> {
    const counts: Partial<Record<WarningRuleName | 'all', number>> = {};
    for (const rule of ['all', ...WARNING_RULES] as const) {
      const text = (await this.byTestId(`warnings-rule-${rule}`).textContent()) ?? '';
      const match = /\(([\d,]+)\)\s*$/.exec(text);
      if (match === null) throw new Error(`no count on the ${rule} chip: "${text}"`);
      counts[rule] = shownNumber(match[1] ?? '');
    }
    return counts as Record<WarningRuleName | 'all', number>;
  }

  /** Each rule's name as its chip says it, "转为负值 (73)" → 转为负值. */
  async ruleNames(): Promise<Record<WarningRuleName, string>> {
    const names: Partial<Record<WarningRuleName, string>> = {};
    for (const rule of WARNING_RULES) names[rule] = ((await this.byTestId(`warnings-rule-${rule}`).textContent()) ?? '').replace(/\s*\([\d,]+\)\s*$/, '');
    return names as Record<WarningRuleName, string>;
  }

  async columnNames(): Promise<string[]> {
    return (await this.byTestId('warnings-table').locator('thead th').allTextContents()).map((s) => s.trim());
  }

  async chooseRule(rule: WarningRuleName | 'all'): Promise<void> {
    await this.byTestId(`warnings-rule-${rule}`).click();
    await this.page.locator(`[data-testid="warnings-rule-${rule}"][aria-pressed="true"]`).waitFor();
    await this.settled();
  }

  async chooseBranch(branch: string): Promise<void> {
    await this.byTestId('warnings-branch').selectOption(branch);
    await this.settled();
  }

  async branchChoices(): Promise<string[]> {
    return (await this.byTestId('warnings-branch').locator('option').allTextContents()).slice(1);
  }

  /** "共 12 条" → 12. */
  async total(): Promise<number> {
    const text = (await this.byTestId('warnings-total').textContent()) ?? '';
    const digits = /\d[\d,]*/.exec(text)?.[0];
    if (digits === undefined) throw new Error(`no total in "${text}"`);
    return shownNumber(digits);
  }

  /** The shown page's rows: month, rule, subject kind, subject, branch, before, after, detail. */
  async rows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.byTestId('warnings-table').locator('tbody tr').all()) out.push((await row.locator('th, td').allTextContents()).map((s) => s.trim()));
    return out;
  }

  exportCsv(dir: string): Promise<string> {
    return downloadFrom(this.page, () => this.byTestId('warnings-export').click(), dir);
  }

  /** The page asks warnings:list on every filter change and is aria-busy until it answers. */
  private async settled(): Promise<void> {
    await this.page.locator('[data-testid="warnings-page"][aria-busy="false"]').waitFor({ timeout: SLOW_MS });
  }
}
