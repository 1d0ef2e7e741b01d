// @vitest-environment jsdom
/**
 * 结果集 from the service's answers: the list with delete, the selected set's KPI cards, charts,
 * group tables, reconciliation, provenance and customers (no trace), a refused import's
 * problems, the export, and the texts in both languages.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chartTexts } from '../../../core/charts/chart-texts';
import type { CustomerPage, ResultSetSummaryView } from '../../../core/service/contract';
import { ServiceCallError } from '../../../renderer/src/api/service-client';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { i18next } from '../../../renderer/src/i18n';
import { ResultSetsPage } from '../../../renderer/src/pages/result-sets/ResultSetsPage';
import { useJobsStore } from '../../../renderer/src/stores/jobs-store';
import { useResultSetCustomersStore } from '../../../renderer/src/stores/result-set-customers-store';
import { useResultSetsStore } from '../../../renderer/src/stores/result-sets-store';
import { testClient, type Handlers, type TestClient } from '../app/fake-client';
import { fakeCharts, lastOption } from '../charts/fake-echarts';
import '../results/dom-setup';
import { miniCustomerPage, miniRun } from '../results/mini-fixtures';
import { otherSet, refusedReport, SHA_CUSTOMERS, viewOf, warehouseSet } from './result-set-fixtures';

vi.mock('../../../renderer/src/components/charts/echarts-setup', async () => (await import('../charts/fake-echarts')).fakeEchartsSetup());

const customerPage: CustomerPage = { ...miniCustomerPage, total: miniCustomerPage.rows.length, offset: 0 };

function service(sets: ResultSetSummaryView[], handlers: Handlers = {}, options: Parameters<typeof testClient>[1] = {}): TestClient {
  return testClient(
    {
      'results:list': () => [...sets],
      'results:view': ({ id }) => viewOf(sets.find((s) => s.id === id) ?? warehouseSet),
      'results:customers': () => customerPage,
      'results:delete': ({ id }) => {
        sets.splice(0, sets.length, ...sets.filter((s) => s.id !== id));
        return { deleted: true };
      },
      ...handlers,
    },
    options,
  );
}

async function renderPage(client: TestClient): Promise<void> {
  render(
    <ServiceProvider client={client}>
      <ResultSetsPage />
    </ServiceProvider>,
  );
  await waitFor(() => expect(useResultSetsStore.getState().loaded).toBe(true));
}

beforeEach(() => {
  fakeCharts.length = 0;
  useResultSetsStore.setState(useResultSetsStore.getInitialState(), true);
  useResultSetCustomersStore.setState(useResultSetCustomersStore.getInitialState(), true);
  useJobsStore.setState(useJobsStore.getInitialState(), true);
});

describe('ResultSetsPage', () => {
  it('lists the sets and shows the newest one’s figures as the service gave them', async () => {
    await renderPage(service([otherSet, warehouseSet]));
    const rows = within(screen.getByTestId('rs-list')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['数仓 2026-03', '另一台电脑 2026-02']);
    expect(within(screen.getByTestId('rs-set-3')).getByText('1,200')).toBeTruthy();
    expect(screen.getByTestId('rs-set-7').getAttribute('aria-current')).toBe('true');

    await screen.findByTestId('rs-detail');
    expect(screen.getByTestId('rs-detail-name').textContent).toBe('数仓 2026-03');
    expect(screen.getByTestId('rs-no-inputs').textContent).toContain('不能追溯单个客户');
    // The 结果 screen's KPI cards, with the set's figures.
    expect(screen.getByTestId('kpi-customers').textContent).toBe(`客户数${miniRun.kpis.customers}`);
    expect(screen.getByTestId('kpi-negative').textContent).toContain(String(miniRun.kpis.negativeCount));
    expect(screen.getByTestId('kpi-loss').textContent).toContain('-¥3.00');
    expect(within(screen.getByTestId('tier-counts')).getByText('A').nextSibling?.textContent).toBe('1');
  });

  it('draws the five report charts from the set’s chart data', async () => {
    await renderPage(service([warehouseSet]));
    await screen.findByTestId('rs-detail');
    expect(fakeCharts.map((c) => c.element.dataset.testid)).toEqual(['chart-value-histogram', 'chart-tier-counts', 'chart-profit-by-plan', 'chart-negative-by-branch', 'chart-profit-curve']);
    expect(lastOption('chart-profit-by-plan')?.title).toMatchObject({ text: chartTexts.profitByPlan.title.zh });
  });

  it('shows each grouping’s table, the reconciliation and the files with their hashes', async () => {
    await renderPage(service([warehouseSet]));
    await screen.findByTestId('rs-detail');
    const table = () => screen.getByTestId('rs-aggregate-table');
    const groups = () => within(table()).getAllByRole('rowheader').map((th) => th.firstChild?.textContent);
    expect(within(table()).getAllByRole('columnheader')[0]?.textContent).toContain('资费');
    expect(new Set(groups())).toEqual(new Set(miniRun.aggregates.plan.map((r) => r.group)));
    await userEvent.click(screen.getByTestId('rs-grouping-branch'));
    expect(within(table()).getAllByRole('columnheader')[0]?.textContent).toContain('分公司');
    expect(new Set(groups())).toEqual(new Set(miniRun.aggregates.branch.map((r) => r.group)));
    await userEvent.click(screen.getByTestId('rs-grouping-tier'));
    expect(groups()).toContain('不参与评分');

    const reconciliation = within(screen.getByTestId('rs-reconciliation'));
    expect(reconciliation.getByText('渠道支撑').closest('tr')?.textContent).toContain('未分摊');
    expect(reconciliation.getByText('渠道支撑').closest('tr')?.textContent).toContain('¥300.00');

    const provenance = within(screen.getByTestId('rs-provenance'));
    const customers = provenance.getByText('customers.csv').closest('tr');
    expect(customers?.textContent).toContain(SHA_CUSTOMERS.slice(0, 12));
    expect(customers?.textContent).toContain('2.3 MB');
    expect(provenance.getByText(SHA_CUSTOMERS.slice(0, 12)).getAttribute('title')).toBe(SHA_CUSTOMERS);
    expect(provenance.getByText('scenario.json').closest('tr')?.textContent).toContain('—');
  });

  it('explores the set’s customers with the 客户 filters, and offers no trace', async () => {
    const client = service([warehouseSet]);
    await renderPage(client);
    await screen.findByTestId('rs-detail');
    const customers = within(screen.getByTestId('rs-customers'));
    expect(customers.getByTestId('rs-no-trace').textContent).toContain('不能点开查看单个客户的计算过程');
    await waitFor(() => expect(customers.getByTestId('customers-total').textContent).toBe(`共 ${customerPage.total} 位客户`));
    expect(client.callsOf('results:customers')[0]).toMatchObject({ id: 7, offset: 0 });
    await userEvent.selectOptions(customers.getByTestId('filter-negative'), 'yes');
    expect(client.callsOf('results:customers').at(-1)).toMatchObject({ id: 7, filter: { negative: true } });
    // jsdom lays nothing out, so the virtual table renders no rows; the rows' look is the e2e test's.
    expect(screen.queryByTestId('trace-panel')).toBeNull();
  });

  it('shows a refused import’s problems with file, row, column and value', async () => {
    const client = service([], { 'results:import': () => ({ status: 'invalid', report: refusedReport }) }, { resultSet: { paths: ['/d/warehouse'], skipped: [] } });
    await renderPage(client);
    expect(screen.getByTestId('rs-list-empty').textContent).toBe('还没有结果集。');
    expect(screen.getByTestId('rs-import-pick').textContent).toBe('选择结果文件夹…');
    await userEvent.type(screen.getByTestId('rs-import-name'), '  三月数仓 ');
    await userEvent.click(screen.getByTestId('rs-import-pick'));
    await screen.findByTestId('rs-import-outcome');
    expect(client.callsOf('results:import')).toEqual([{ jobId: expect.any(String) as unknown, paths: ['/d/warehouse'], name: '三月数仓' }]);
    expect(screen.getByTestId('rs-import-outcome').textContent).toContain('发现 1 个错误');
    const problem = within(screen.getByTestId('problem-table')).getByText('十元').closest('tr');
    expect([...(problem?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['错误', 'customers.csv', '', '3', 'avg_profit', '十元', '不是数字']);
    expect(screen.queryByTestId('rs-detail')).toBeNull();
  });

  it('imports in the web shell from chosen files, naming the files it left out', async () => {
    const sets: ResultSetSummaryView[] = [];
    const client = service(
      sets,
      {
        'results:import': () => {
          sets.push(warehouseSet);
          return { status: 'imported', set: warehouseSet, report: { ...refusedReport, errorCount: 0, warningCount: 0, problems: [] } };
        },
      },
      { shell: 'web', resultSet: { paths: ['/up/1/scenario.json', '/up/2/customers.csv'], skipped: ['summary.json', 'customer_months.csv'] } },
    );
    await renderPage(client);
    expect(screen.getByTestId('rs-import-pick').textContent).toBe('选择结果文件…');
    await userEvent.click(screen.getByTestId('rs-import-pick'));
    expect((await screen.findByTestId('rs-import-outcome')).textContent).toContain('已导入结果集“数仓 2026-03”：评估月 2026-03，4 位客户。');
    expect(screen.getByTestId('rs-import-skipped').textContent).toBe('未上传（不属于结果集）：summary.json、customer_months.csv');
    await screen.findByTestId('rs-detail');
    expect(client.callsOf('results:import')[0]).not.toHaveProperty('name');
  });

  it('deletes a set after asking', async () => {
    const sets = [otherSet, warehouseSet];
    const client = service(sets);
    await renderPage(client);
    await userEvent.click(screen.getByTestId('rs-set-3-delete'));
    expect(client.callsOf('results:delete')).toEqual([]);
    await userEvent.click(screen.getByTestId('rs-set-3-delete-confirm'));
    await waitFor(() => expect(screen.queryByTestId('rs-set-3')).toBeNull());
    expect(client.callsOf('results:delete')).toEqual([{ id: 3 }]);
  });

  it('exports the set’s value report and hands it over, and shows the service’s error', async () => {
    const client = service([warehouseSet], { 'results:export': ({ target }) => ({ path: target, sheets: ['说明', '参数'], bytes: 40_960 }) });
    await renderPage(client);
    await screen.findByTestId('rs-detail');
    await userEvent.click(screen.getByTestId('rs-export-preset-full'));
    await userEvent.click(screen.getByTestId('rs-export-lang-en'));
    await userEvent.click(screen.getByTestId('rs-export-run'));
    expect((await screen.findByTestId('rs-export-done')).textContent).toContain('/out/result-set 数仓 2026-03.xlsx（2 个工作表，40 KB）');
    expect(client.callsOf('results:export')).toEqual([{ jobId: expect.any(String) as unknown, id: 7, preset: 'full', lang: 'en', target: '/out/result-set 数仓 2026-03.xlsx' }]);
    await userEvent.click(screen.getByTestId('rs-export-reveal'));
    expect(client.delivered).toEqual(['/out/result-set 数仓 2026-03.xlsx']);
  });

  it('says when the export fails (the service answers an internal error until its handler lands)', async () => {
    const client = service([warehouseSet], { 'results:export': () => Promise.reject(new ServiceCallError({ code: 'service.internal', zh: '服务内部错误', en: 'Internal error' })) });
    await renderPage(client);
    await screen.findByTestId('rs-detail');
    await userEvent.click(screen.getByTestId('rs-export-run'));
    expect((await screen.findByTestId('rs-export-error')).textContent).toContain('导出失败 服务内部错误');
  });

  it('lists the tiers in the scenario’s order, then (无分值) and 不参与评分, and reverses that order on the header', async () => {
    // Neither profit nor the names' collation gives the scenario's order: 高价值 … 低价值 are its tiers.
    const row = miniRun.aggregates.tier[0];
    if (row === undefined) throw new Error('the mini run has tier rows');
    const tier = (group: string, sumAvgProfit: number) => ({ ...row, group, sumAvgProfit });
    const view = viewOf(warehouseSet);
    const tiers = { ...view, aggregates: { ...view.aggregates, tier: [tier('高价值', 1), tier('中价值', 50), tier('低价值', -5), tier('(无分值)', 2), tier('不参与评分', 100)] } };
    await renderPage(service([warehouseSet], { 'results:view': () => tiers }));
    await screen.findByTestId('rs-detail');
    await userEvent.click(screen.getByTestId('rs-grouping-tier'));
    const table = () => screen.getByTestId('rs-aggregate-table');
    const groups = () => within(table()).getAllByRole('rowheader').map((th) => th.textContent);
    expect(groups()).toEqual(['高价值', '中价值', '低价值', '无分值', '不参与评分']);
    expect(within(table()).getAllByRole('columnheader')[0]?.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(within(table()).getByRole('button', { name: /^价值分层/ }));
    expect(groups()).toEqual(['不参与评分', '无分值', '低价值', '中价值', '高价值']);
    // By a figure as before, and back to the scenario's order.
    await userEvent.click(within(table()).getByRole('button', { name: /^月均利润/ }));
    expect(groups()).toEqual(['不参与评分', '中价值', '无分值', '高价值', '低价值']);
    await userEvent.click(within(table()).getByRole('button', { name: /^价值分层/ }));
    expect(groups()).toEqual(['高价值', '中价值', '低价值', '无分值', '不参与评分']);
    // Another grouping still opens by profit.
    await userEvent.click(screen.getByTestId('rs-grouping-plan'));
    const profits = miniRun.aggregates.plan.map((r) => r.sumAvgProfit);
    expect(within(table()).getAllByRole('rowheader').length).toBe(profits.length);
    expect(within(table()).getAllByRole('columnheader').find((h) => h.getAttribute('aria-sort') !== 'none')?.textContent).toContain('利润');
  });

  it('keeps an export with its set: shown and cancellable on return, while another set exports on its own', async () => {
    const running = new Promise<never>(() => {});
    const client = service([otherSet, warehouseSet], { 'results:export': () => running, 'jobs:cancel': () => ({ cancelled: true }) });
    await renderPage(client);
    await screen.findByTestId('rs-detail');
    await userEvent.click(screen.getByTestId('rs-export-run'));
    await screen.findByTestId('rs-export-cancel');
    const jobA = client.callsOf('results:export')[0]?.jobId;

    await userEvent.click(screen.getByTestId('rs-set-3-show'));
    await waitFor(() => expect(screen.getByTestId('rs-detail-name').textContent).toBe('另一台电脑 2026-02'));
    // Set 3 has no export: it may start its own, which does not end or hide set 7's.
    expect(screen.queryByTestId('rs-export-cancel')).toBeNull();
    expect((screen.getByTestId('rs-export-run') as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(screen.getByTestId('rs-export-run'));
    await screen.findByTestId('rs-export-cancel');
    const jobB = client.callsOf('results:export')[1]?.jobId;
    expect(client.callsOf('results:export').map((c) => c.id)).toEqual([7, 3]);

    await userEvent.click(screen.getByTestId('rs-set-7-show'));
    await waitFor(() => expect(screen.getByTestId('rs-detail-name').textContent).toBe('数仓 2026-03'));
    expect(screen.getByTestId('rs-export-run').textContent).toBe('正在导出…');
    await userEvent.click(screen.getByTestId('rs-export-cancel'));
    expect(client.callsOf('jobs:cancel')).toEqual([{ jobId: jobA }]);
    expect(jobB).not.toBe(jobA);
  });

  it('passes the evaluation month to the import, checks its form, and points at it when the scenario has none', async () => {
    const noMonth = {
      ...refusedReport,
      errorCount: 1,
      warningCount: 0,
      problems: [{ severity: 'error' as const, code: 'results.scenario_no_month', zh: '方案文件未写评估月（month）', en: 'the scenario file has no evaluation month (month)', file: 'scenario.json' }],
    };
    const sets: ResultSetSummaryView[] = [];
    const client = service(
      sets,
      {
        'results:import': ({ month }) => {
          if (month === undefined) return { status: 'invalid', report: noMonth };
          sets.push(warehouseSet);
          return { status: 'imported', set: warehouseSet, report: { ...refusedReport, errorCount: 0, warningCount: 0, problems: [] } };
        },
      },
      { resultSet: { paths: ['/d/warehouse'], skipped: [] } },
    );
    await renderPage(client);
    const month = screen.getByTestId('rs-import-month') as HTMLInputElement;
    expect(screen.getByText('评估月（方案未写时填写）')).toBeTruthy();

    // Refused for want of a month: the message says where it goes, and the cursor is there.
    await userEvent.click(screen.getByTestId('rs-import-pick'));
    expect((await screen.findByTestId('rs-import-no-month')).textContent).toContain('“评估月”');
    expect(client.callsOf('results:import')[0]).not.toHaveProperty('month');
    await waitFor(() => expect(document.activeElement).toBe(month));
    expect(month.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('rs-import-month-needed')).toBeTruthy();
    await userEvent.click(screen.getByTestId('rs-import-name'));
    await userEvent.click(screen.getByTestId('rs-import-to-month'));
    expect(document.activeElement).toBe(month);

    // Not YYYY-MM: said under the field, and nothing is asked of the service.
    await userEvent.type(month, '2026-3');
    await userEvent.click(screen.getByTestId('rs-import-pick'));
    expect(screen.getByTestId('rs-import-month-invalid').textContent).toBe('评估月须为 YYYY-MM，如 2026-03。');
    expect(document.activeElement).toBe(month);
    expect(client.callsOf('results:import')).toHaveLength(1);

    await userEvent.clear(month);
    await userEvent.type(month, ' 2026-03 ');
    expect(screen.queryByTestId('rs-import-month-invalid')).toBeNull();
    await userEvent.click(screen.getByTestId('rs-import-pick'));
    expect((await screen.findByTestId('rs-import-outcome')).textContent).toContain('已导入结果集“数仓 2026-03”');
    expect(client.callsOf('results:import')[1]).toEqual({ jobId: expect.any(String) as unknown, paths: ['/d/warehouse'], month: '2026-03' });
    await waitFor(() => expect(month.value).toBe(''));
  });

  it('reads in English', async () => {
    await renderPage(service([warehouseSet]));
    await screen.findByTestId('rs-detail');
    await act(async () => {
      await i18next.changeLanguage('en');
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Results sets' })).toBeTruthy();
    expect(screen.getByTestId('rs-import-pick').textContent).toBe('Choose results folder…');
    expect(screen.getByText('Evaluation month (if the scenario has none)')).toBeTruthy();
    expect(screen.getByTestId('rs-no-inputs').textContent).toContain('a single customer cannot be traced');
    expect(screen.getByTestId('kpi-customers').textContent).toContain('Customers');
    expect(within(screen.getByTestId('rs-aggregates')).getByText('Segment')).toBeTruthy();
    expect(screen.getByTestId('rs-provenance').textContent).toContain('Data rows');
    expect(screen.getByTestId('rs-customers').textContent).toContain('cannot be opened here');
    // No key left untranslated.
    expect(screen.getByTestId('result-sets-page').textContent?.match(/\b(?:import|list|set|aggregates|reconciliation|provenance|export|customers)\.(?!csv\b)[a-zA-Z]+/g) ?? []).toEqual([]);
  });
});
