// @vitest-environment jsdom
/** 结果 from the worked example's RunView: KPIs, tiers, the plan table, the charts and the weight sliders. */
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportView } from '../../../core/service/contract';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { i18next } from '../../../renderer/src/i18n';
import { ResultsPage } from '../../../renderer/src/pages/results/ResultsPage';
import { useDatasetsStore } from '../../../renderer/src/stores/datasets-store';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { fakeCharts, lastOption } from '../charts/fake-echarts';
import './dom-setup';
import { fakeClient } from './fake-client';
import { miniRun } from './mini-fixtures';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('../charts/fake-echarts')).fakeEchartsSetup());

/** Plan W as loss-making and settlement-inverted, so both badges show. */
const run = {
  ...miniRun,
  aggregates: { ...miniRun.aggregates, plan: miniRun.aggregates.plan.map((p) => (p.group === 'W' ? { ...p, sumAvgProfit: -7.5, lossMakingPlan: true, settlementInverted: true } : p)) },
};

const miniImport: ImportView = { id: 1, importedAt: '2026-04-02T08:00:00Z', appVersion: '0.1.0', months: miniRun.window, factRows: 11, customers: 4, pools: 3, participants: 3, warnings: [], datasets: [] };

describe('ResultsPage', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
    useRunStore.getState().reset();
    useScenarioStore.getState().replaceDraft(miniRun.scenario);
    useDatasetsStore.setState({ importsLoaded: true, imports: [miniImport] });
  });

  it('shows the way to 数据 when nothing is loaded', () => {
    useDatasetsStore.setState({ imports: [] });
    render(<ResultsPage />);
    expect(screen.getByTestId('results-empty').textContent).toContain('还没有数据');
    expect(screen.getByRole('link', { name: '去导入数据' }).getAttribute('href')).toBe('#/data');
  });

  it('shows the KPIs, the tier counts and the run time of the RunView', () => {
    useRunStore.setState({ run, roundTripMs: 42, completed: 1 });
    render(<ResultsPage />);
    expect(screen.getByTestId('kpi-customers').textContent).toBe('客户数4');
    expect(screen.getByTestId('kpi-eligible').textContent).toBe('参与评分3');
        expect(screen.getByTestId('kpi-negative').textContent).toBe('负价值客户1占 25.00%');
    expect(screen.getByTestId('kpi-loss').textContent).toContain('-¥3.00');
    expect(screen.getByTestId('kpi-total-profit').textContent).toContain('¥78.50');
    const tiers = within(screen.getByTestId('tier-counts'));
    expect(tiers.getByText('A').nextSibling?.textContent).toBe('1');
    expect(tiers.getByText('不参与评分').nextSibling?.textContent).toBe('1');
    expect(screen.getByTestId('results-page').dataset.runMs).toBe('42');
  });

  it('lists every plan with its flags and sorts by a clicked column', async () => {
    useRunStore.setState({ run });
    render(<ResultsPage />);
    const table = screen.getByTestId('plan-table');
    const planNames = () => within(table).getAllByRole('rowheader').map((th) => th.firstChild?.textContent);
    expect(planNames()).toEqual(['X', 'Z', 'W']);
    const w = within(table).getAllByRole('row').find((r) => r.textContent?.startsWith('W'));
    expect(w?.textContent).toContain('亏损资费');
    expect(w?.textContent).toContain('结算倒挂');
    expect(w?.textContent).toContain('-¥7.50');
    await userEvent.click(within(table).getByRole('button', { name: /月均利润/ }));
    expect(planNames()).toEqual(['W', 'Z', 'X']);
    await userEvent.click(within(table).getByRole('button', { name: /资费/ }));
    expect(planNames()).toEqual(['W', 'X', 'Z']);
  });

  it('draws the report charts, the channel chart with its own title', () => {
    useRunStore.setState({ run });
    render(<ResultsPage />);
    expect(fakeCharts).toHaveLength(6);
    const channel = lastOption('chart-negative-by-channel');
    expect(channel?.title).toMatchObject({ text: '各渠道负价值客户占比' });
    const channelNames = (channel?.yAxis as { data: string[] }).data;
    expect(channelNames.sort()).toEqual(run.aggregates.channel.map((c) => c.group).sort());
    expect(lastOption('chart-tier-counts')?.animation).toBe(true);
  });

  it('labels the charts in English after the switch', async () => {
    useRunStore.setState({ run });
    await i18next.changeLanguage('en');
    render(<ResultsPage />);
    expect(lastOption('chart-negative-by-channel')?.title).toMatchObject({ text: 'Share of negative-value customers by channel' });
    expect((lastOption('chart-tier-counts')?.xAxis as { data: string[] }).data).toContain('Not scored');
  });

  it('moves a weight on the draft and explains why nothing runs while the sum is off', () => {
    useRunStore.setState({ run });
    const setField = vi.spyOn(useScenarioStore.getState(), 'setField');
    render(<ResultsPage />);
    fireEvent.change(screen.getByTestId('weight-profit'), { target: { value: '0.6' } });
    expect(setField).toHaveBeenCalledWith(['value_weights', 'profit'], 0.6);
    expect(screen.getByTestId('weight-sum').textContent).toBe('合计 90% — 四项之和须为 100%，否则不会重新计算。');
    expect(screen.queryByTestId('scenario-issues')).toBeNull();
    expect((screen.getByTestId('run') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the scenario’s other problems above the page', () => {
    useScenarioStore.getState().setField(['window'], 0);
    render(<ResultsPage />);
    expect(screen.getByTestId('scenario-issues').textContent).toContain('当前方案有问题');
    expect((screen.getByTestId('run') as HTMLButtonElement).disabled).toBe(true);
  });

  it('starts the first run with 运行', async () => {
    const client = fakeClient({ 'runs:start': () => ({ ok: true, run }) });
    bindServiceClient(client);
    render(<ResultsPage />);
    await userEvent.click(screen.getByTestId('run'));
    expect(client.callsOf('runs:start')[0]?.scenario).toMatchObject({ name: 'mini', month: '2026-03' });
    expect((await screen.findByTestId('kpi-customers')).textContent).toContain('4');
  });
});
