// @vitest-environment jsdom
/** 结果 from the worked example's RunView: KPIs, tiers, the plan table, the charts and the weight sliders. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../../core/model/scenario';
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
    useScenarioStore.setState({ saved: [], savedLoaded: false });
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

  it('says the run is no longer the saved scenario after a what-if, and is again once the weights are back', async () => {
    // The service runs the scenario as parseScenario reads it, and the run carries it; it saves scenarios read the same way.
    const parsed = (data: unknown) => {
      const check = parseScenario(data);
      if (!check.ok) throw new Error('the fixture scenario is valid');
      return check.scenario;
    };
    bindServiceClient(fakeClient({ 'runs:start': ({ scenario }) => ({ ok: true, run: { ...run, scenario: parsed(scenario) } }) }));
    useScenarioStore.setState({ saved: [{ id: 1, name: 'mini', scenario: parsed(miniRun.scenario), updatedAt: '2026-04-02T08:00:00Z' }], savedLoaded: true });
    useRunStore.setState({ run: { ...run, scenario: parsed(miniRun.scenario) } });
    render(<ResultsPage />);
    expect(screen.getByTestId('run-info').textContent).toBe('方案“mini”，评估月 2026-03，窗口 2026-01 至 2026-03');
    expect(screen.queryByTestId('run-scenario-status')).toBeNull();

    fireEvent.change(screen.getByTestId('weight-profit'), { target: { value: '0.6' } });
    fireEvent.change(screen.getByTestId('weight-loyalty'), { target: { value: '0.2' } });
    expect((await screen.findByTestId('run-scenario-status')).textContent).toBe('（已修改，未保存）');
    expect(screen.getByTestId('run-info').textContent).toBe('方案“mini”（已修改，未保存），评估月 2026-03，窗口 2026-01 至 2026-03');

    fireEvent.change(screen.getByTestId('weight-profit'), { target: { value: '0.7' } });
    fireEvent.change(screen.getByTestId('weight-loyalty'), { target: { value: '0.1' } });
    await waitFor(() => expect(screen.queryByTestId('run-scenario-status')).toBeNull());
    expect(useRunStore.getState().run?.scenario.value_weights).toEqual(miniRun.scenario.value_weights);
  });

  it('says a run of a scenario saved under no such name is not saved, in English too', async () => {
    useScenarioStore.setState({ saved: [{ id: 1, name: 'other', scenario: { ...miniRun.scenario, name: 'other' }, updatedAt: '2026-04-02T08:00:00Z' }], savedLoaded: true });
    useRunStore.setState({ run });
    const { unmount } = render(<ResultsPage />);
    expect(screen.getByTestId('run-scenario-status').textContent).toBe('（未保存）');
    unmount();

    await i18next.changeLanguage('en');
    const modified = { ...miniRun.scenario, value_weights: { profit: 0.6, loyalty: 0.2, credit: 0.1, behaviour: 0.1 } };
    useScenarioStore.setState({ saved: [{ id: 1, name: 'mini', scenario: miniRun.scenario, updatedAt: '2026-04-02T08:00:00Z' }] });
    useRunStore.setState({ run: { ...run, scenario: modified } });
    render(<ResultsPage />);
    expect(screen.getByTestId('run-info').textContent).toBe('Scenario “mini” (modified, not saved), month 2026-03, window 2026-01 to 2026-03');
  });

  it('claims nothing about the scenario before the saved list has been fetched', () => {
    useScenarioStore.setState({ saved: [], savedLoaded: false });
    useRunStore.setState({ run });
    render(<ResultsPage />);
    expect(screen.queryByTestId('run-scenario-status')).toBeNull();
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
