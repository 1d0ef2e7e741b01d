// @vitest-environment jsdom
/** 目标名单: the form's choices reach targets:build (debounced), and its answer is shown. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TargetBuildView } from '../../../core/service/contract';
import { ServiceProvider } from '../../../renderer/src/app/ServiceProvider';
import { TargetsPage } from '../../../renderer/src/pages/targets/TargetsPage';
import { useRunStore } from '../../../renderer/src/stores/run-store';
import { useTargetsStore } from '../../../renderer/src/stores/targets-store';
import '../results/dom-setup';
import { fakeClient } from '../results/fake-client';
import { miniRun } from '../results/mini-fixtures';

const BUILT: TargetBuildView = {
  size: 7,
  sumAvgProfit: 350,
  negativeCount: 0,
  arpu: { negativeCount: 2, sumAvgProfit: 120 },
  negativeAvoided: 2,
  negativeAvoidedShare: 2 / 7,
  preview: [{ customerId: '001', branch: '郑州', channel: '营业厅', plan: 'P1', segment: '个人', tier: 'A', value: 88, avgProfit: 50, avgBilledRevenue: 80, tenureMonths: 24 }],
};

describe('TargetsPage', () => {
  beforeEach(() => {
    useRunStore.getState().reset();
    useTargetsStore.getState().reset();
  });

  it('sends the form as a filter to targets:build and shows the size and preview', async () => {
    const client = fakeClient({ 'targets:build': () => BUILT, 'targets:list': () => [] });
    useRunStore.setState({ run: miniRun });
    render(
      <ServiceProvider client={client}>
        <TargetsPage />
      </ServiceProvider>,
    );
    const branch = miniRun.aggregates.branch[0]?.group ?? '';
    act(() => {
      fireEvent.click(screen.getByTestId('targets-exclude-negative'));
      fireEvent.change(screen.getByTestId('targets-value-min'), { target: { value: '60' } });
      const select = screen.getByTestId('targets-branches') as HTMLSelectElement;
      for (const option of Array.from(select.options)) option.selected = option.value === branch;
      fireEvent.change(select);
    });
    await waitFor(() => expect(screen.getByTestId('targets-size').textContent).toBe('7'));
    const builds = client.callsOf('targets:build');
    // Debounced: the three quick changes arrive as one build with all of them.
    expect(builds).toHaveLength(1);
    expect(builds[0]).toEqual({ runId: miniRun.runId, filter: expect.objectContaining({ excludeNegative: true, value: { min: 60 }, branches: [branch] }) as unknown });
    expect(screen.getByTestId('targets-preview').textContent).toContain('001');
    expect(screen.getByTestId('targets-avoided').textContent).toContain('2');
  });

  it('exports the list as CSV under the picked name and offers the file', async () => {
    const delivered: string[] = [];
    const client = fakeClient(
      { 'targets:build': () => BUILT, 'targets:list': () => [], 'targets:export': (a) => ({ path: `/downloads/${a.target}`, rows: 7 }) },
      { shell: 'web', saveTarget: '营销目标名单.csv', delivered },
    );
    useRunStore.setState({ run: miniRun });
    render(
      <ServiceProvider client={client}>
        <TargetsPage />
      </ServiceProvider>,
    );
    fireEvent.click(screen.getByTestId('targets-export-csv'));
    await waitFor(() => expect(screen.getByTestId('targets-export-done').textContent).toContain('/downloads/营销目标名单.csv'));
    expect(client.callsOf('targets:export')[0]).toMatchObject({ runId: miniRun.runId, format: 'csv', target: '营销目标名单.csv' });
    fireEvent.click(screen.getByText('下载'));
    await waitFor(() => expect(delivered).toEqual(['/downloads/营销目标名单.csv']));
  });
});
