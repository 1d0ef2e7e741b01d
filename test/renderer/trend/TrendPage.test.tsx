// @vitest-environment jsdom
/** 趋势 with a fake service: asks for the draft's trend on opening, draws the lines and the month's group table. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../../../core/model/scenario';
import type { KpiView, TrendView } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { TrendPage } from '../../../renderer/src/pages/trend/TrendPage';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { useTrendStore } from '../../../renderer/src/stores/trend-store';
import { fakeCharts, lastOption } from '../charts/fake-echarts';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('../charts/fake-echarts')).fakeEchartsSetup());

function kpis(negativeCount: number): KpiView {
  return { customers: 10, eligible: 9, negativeCount, loss: -negativeCount * 10, totalProfit: 500, tiers: [{ tier: 'A', customers: 6 }, { tier: 'B', customers: 4 }] };
}

const TREND: TrendView = {
  months: [
    { month: '2026-05', kpis: kpis(1) },
    { month: '2026-06', kpis: kpis(3) },
  ],
  tierNames: ['A', 'B'],
  groups: {
    plan: [],
    channel: [],
    branch: [
      { group: '城东', months: [{ customers: 6, negativeCount: 1, negativeShare: 1 / 6, loss: -10 }, { customers: 6, negativeCount: 2, negativeShare: 2 / 6, loss: -20 }] },
      { group: '城西', months: [null, { customers: 4, negativeCount: 1, negativeShare: 0.25, loss: -10 }] },
    ],
  },
};

describe('TrendPage', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
    useTrendStore.setState({ trend: null, trendLoading: false, issues: [], error: null });
    useScenarioStore.getState().replaceDraft(scenarioSchema.parse({ name: 't' }));
  });

  it('draws the months and shows the chosen month by branch', async () => {
    const client = fakeClient({ 'trend:get': () => ({ ok: true, trend: TREND, customer: null }) });
    bindServiceClient(client);
    render(<TrendPage />);
    await screen.findByTestId('trend-table');
    expect(client.callsOf('trend:get')).toHaveLength(1);
    const series = lastOption('trend-chart')?.series as { name: string; data: number[] }[];
    expect(series[0]?.data).toEqual([1, 3]);

    const rows = () => within(screen.getByTestId('trend-table')).getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
    expect(rows()[1]).toContain('城西');
    expect(rows()[1]).toContain('4');
    await userEvent.selectOptions(screen.getByTestId('trend-month'), '0');
    await waitFor(() => expect(rows()[1]).toContain('（该月无客户）'));
  });

  it('lists each month’s figures and tier counts, which the charts only draw', async () => {
    bindServiceClient(fakeClient({ 'trend:get': () => ({ ok: true, trend: TREND, customer: null }) }));
    render(<TrendPage />);
    const table = await screen.findByTestId('trend-kpi-table');
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent ?? '');
    const [header, ...body] = within(table).getAllByRole('row');
    if (header === undefined) throw new Error('no header row');
    expect(cells(header)).toEqual(['月份', '客户数', '负值客户数', '亏损额', '总利润', 'A', 'B']);
    expect(body.map(cells)).toEqual([
      ['2026-05', '10', '1', '-¥10.00', '¥500.00', '6', '4'],
      ['2026-06', '10', '3', '-¥30.00', '¥500.00', '6', '4'],
    ]);
  });
});
