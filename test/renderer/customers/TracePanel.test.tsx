// @vitest-environment jsdom
/** The trace of customer 003 of the worked example, as the service computed it. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bindServiceClient } from '../../../renderer/src/app/service-client';
import { i18next } from '../../../renderer/src/i18n';
import { TracePanel } from '../../../renderer/src/pages/customers/TracePanel';
import { formatYuan } from '../../../renderer/src/pages/results/finance-format';
import { useCustomersStore } from '../../../renderer/src/stores/customers-store';
import { useScenarioStore } from '../../../renderer/src/stores/scenario-store';
import { testClient } from '../app/fake-client';
import { fakeCharts, lastOption } from '../charts/fake-echarts';
import '../results/dom-setup';
import { miniRun, miniTrace } from '../results/mini-fixtures';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('../charts/fake-echarts')).fakeEchartsSetup());

describe('TracePanel', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
    useCustomersStore.setState({ selected: '003', trace: miniTrace, traceLoading: false, traceError: null });
  });

  it('shows each month’s revenue, costs and profit, and the window average', () => {
    render(<TracePanel />);
    const table = screen.getByTestId('trace-months');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['项目', '2026-01', '2026-02', '2026-03', '窗口月均']);
    const profit = within(table).getByRole('rowheader', { name: '利润' }).parentElement;
    expect([...(profit?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['¥4.00', '¥8.50', '-¥21.50', '-¥3.00']);
  });

  it('lists the pools of every month with their driver shares, adding up to the month’s allocated cost', () => {
    render(<TracePanel />);
    for (const month of miniTrace.months) {
      const pools = screen.getByTestId(`trace-pools-${month.month}`);
      const names = within(pools).getAllByRole('rowheader').map((th) => th.textContent);
      expect(names).toEqual([...month.pools.map((p) => p.pool), '合计']);
      const sum = month.pools.reduce((s, p) => s + p.allocated, 0);
      expect(sum).toBeCloseTo(month.allocated, 9);
      expect(screen.getByTestId(`trace-pools-total-${month.month}`).textContent).toBe(formatYuan(month.allocated));
    }
    // Pool P in January: 0.5 × 1 ÷ 3 users + 0.5 × 0 ÷ 300 minutes = 1/6 of ¥60.
    const january = within(screen.getByTestId('trace-pools-2026-01'));
    const p = january.getByRole('rowheader', { name: 'P' }).parentElement;
    expect(p?.textContent).toContain('0.50 × 1.00 ÷ 3.00');
    expect(p?.textContent).toContain('16.666667%');
    expect(p?.textContent).toContain('¥10.00');
  });

  it('shows every score with its weight and inputs', () => {
    render(<TracePanel />);
    const scores = screen.getByTestId('trace-scores');
    const names = within(scores).getAllByRole('rowheader').map((th) => th.textContent);
    expect(names).toEqual(miniTrace.scores.map((s) => ({ profit_score: '利润得分', credit: '信用度', loyalty: '忠诚度', behaviour: '行为测度', value: '价值分值' })[s.name]));
    const credit = within(scores).getByRole('rowheader', { name: '信用度' }).parentElement;
    expect(credit?.textContent).toContain('45.83');
    expect(credit?.textContent).toContain('tenure_cap');
  });

  it('names every score input in Chinese, with the engine’s key in small type after it', () => {
    render(<TracePanel />);
    const scores = screen.getByTestId('trace-scores');
    const inputsOf = (name: string) => {
      const row = within(scores).getByRole('rowheader', { name }).parentElement as HTMLElement;
      return new Map([...row.querySelectorAll('dt')].map((dt) => [dt.querySelector('.input-key')?.textContent, { label: dt.firstChild?.textContent?.trim(), value: dt.nextElementSibling?.textContent }]));
    };
    const profit = inputsOf('利润得分');
    expect(profit.get('avg_profit')).toEqual({ label: '月均利润', value: '-3' });
    expect(profit.get('mode')).toEqual({ label: '分段方式', value: '自动' });
    expect(profit.get('breakpoints')?.label).toBe('分段点（利润→得分）');
    expect(profit.get('lower_profit')?.label).toBe('下段利润');
    expect(profit.get('curve_score')?.label).toBe('曲线得分');
    const credit = inputsOf('信用度');
    expect(credit.get('g1_tenure')).toEqual({ label: '在网时长得分', value: '8.33' });
    expect(credit.get('spend_cap_mode')).toEqual({ label: '消费上限方式', value: '自动（90% 分位）' });
    expect(inputsOf('忠诚度').get('l3_plan_stability')?.label).toBe('资费稳定得分');
    expect(inputsOf('行为测度').get('source')).toEqual({ label: '得分来源', value: '默认分' });
    const value = inputsOf('价值分值');
    expect(value.get('mode')).toEqual({ label: '计算方式', value: '加权' });
    expect(value.get('borderline')).toEqual({ label: '紧贴分层门槛', value: '否' });
    // No input is left under its bare key.
    for (const score of miniTrace.scores) {
      for (const key of Object.keys(score.inputs)) expect(i18next.exists(`customers:trace.inputNames.${score.name}.${key}`), `${score.name}.${key}`).toBe(true);
    }
  });

  it('names the score inputs in English too, formula mode included', async () => {
    await i18next.changeLanguage('en');
    const formulaValue = { name: 'value', score: 50, weight: null, inputs: { mode: 'formula', formula: '0.5 * profit_score + 0.5 * credit', tier: 'B', borderline: 1 } } as const;
    useCustomersStore.setState({ trace: { ...miniTrace, scores: [...miniTrace.scores.filter((s) => s.name !== 'value'), formulaValue] } });
    render(<TracePanel />);
    const scores = screen.getByTestId('trace-scores');
    const texts = [...scores.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(texts).toContain('Avg profit avg_profit');
    expect(texts).toContain('Tenure score g1_tenure');
    expect(texts).toContain('Value formula formula');
    const value = within(scores).getByRole('rowheader', { name: 'Value' }).parentElement;
    expect(value?.textContent).toContain('0.5 * profit_score + 0.5 * credit');
    expect(value?.textContent).toContain('Method modeformula');
    expect(value?.textContent).toContain('At a tier threshold borderlineyes');
    for (const score of miniTrace.scores) {
      for (const key of Object.keys(score.inputs)) expect(i18next.getResource('en', 'customers', `trace.inputNames.${score.name}.${key}`), `${score.name}.${key}`).toBeTypeOf('string');
    }
  });

  it('draws the waterfall from revenue through each cost to the profit', () => {
    render(<TracePanel />);
    const option = lastOption('trace-waterfall');
    expect((option?.xAxis as { data: string[] }).data).toEqual(['收入', '结算成本', '佣金', '营销优惠', '赠机成本', '店员积分', '分摊成本', '利润']);
  });
});

describe('TracePanel value over time', () => {
  beforeEach(() => {
    fakeCharts.length = 0;
    useCustomersStore.setState({ selected: '003', trace: miniTrace, traceLoading: false, traceError: null });
    useScenarioStore.getState().replaceDraft(miniRun.scenario);
  });

  it('asks for the trend of this customer only when clicked, and shows value, tier and profit by month', async () => {
    const client = testClient({
      'trend:get': (argument) => {
        expect(argument.customerId).toBe('003');
        expect(argument.scenario).toEqual(miniRun.scenario);
        return {
          ok: true,
          trend: { months: [], tierNames: [], groups: { plan: [], branch: [], channel: [] } },
          customer: {
            customerId: '003',
            months: [
              { month: '2026-02', value: null, tier: null, avgProfit: null },
              { month: '2026-03', value: 41.5, tier: 'C', avgProfit: -3 },
            ],
          },
        };
      },
    });
    bindServiceClient(client);
    render(<TracePanel />);
    expect(client.callsOf('trend:get')).toHaveLength(0);
    await userEvent.click(screen.getByTestId('customer-trend-show'));
    const table = await screen.findByTestId('customer-trend-table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['2026-02', '—', '（当月无数据）', '—'],
      ['2026-03', '41.50', 'C', '-¥3.00'],
    ]);
    expect(client.callsOf('trend:get')).toHaveLength(1);
  });
});
