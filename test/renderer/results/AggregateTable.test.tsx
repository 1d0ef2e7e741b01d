// @vitest-environment jsdom
/**
 * The group table 结果 (plans) and 结果集 (every grouping) share: figures open by profit, the
 * tiers in the service's order (the scenario's tiers, then (无分值), then 不参与评分).
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AggregateView } from '../../../core/service/contract';
import { AggregateTable } from '../../../renderer/src/pages/results/AggregateTable';
import './dom-setup';
import { miniRun } from './mini-fixtures';

const template = miniRun.aggregates.tier[0];
if (template === undefined) throw new Error('the mini run has tier rows');
const row = (group: string, sumAvgProfit: number): AggregateView => ({ ...template, group, sumAvgProfit });
/** Profit and collation both disagree with the scenario's order D, B, A (its tiers named from the top). */
const tiers = [row('D', 3), row('B', 40), row('A', -1), row('(无分值)', 7), row('不参与评分', 90)];

function groups(): (string | null)[] {
  return within(screen.getByTestId('tier-table'))
    .getAllByRole('rowheader')
    .map((th) => th.textContent);
}

describe('AggregateTable', () => {
  it('lists the tiers as the service gives them, and the group header reverses and restores that order', async () => {
    render(<AggregateTable rows={tiers} grouping="tier" />);
    expect(groups()).toEqual(['D', 'B', 'A', '无分值', '不参与评分']);
    const header = () => within(screen.getByTestId('tier-table')).getByRole('columnheader', { name: /^价值分层/ });
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(within(header()).getByRole('button'));
    expect(groups()).toEqual(['不参与评分', '无分值', 'A', 'B', 'D']);
    await userEvent.click(within(header()).getByRole('button'));
    expect(groups()).toEqual(['D', 'B', 'A', '无分值', '不参与评分']);
  });

  it('opens the other groupings (结果’s plans) by profit, and sorts their names by collation', async () => {
    const plans = [row('W', 3), row('Z', 40), row('X', -1)];
    render(<AggregateTable rows={plans} grouping="plan" />);
    const names = () =>
      within(screen.getByTestId('plan-table'))
        .getAllByRole('rowheader')
        .map((th) => th.textContent);
    expect(names()).toEqual(['Z', 'W', 'X']);
    await userEvent.click(within(screen.getByTestId('plan-table')).getByRole('button', { name: /^资费/ }));
    expect(names()).toEqual(['W', 'X', 'Z']);
  });
});
